package app.mamori.ui.restore;

import app.mamori.engine.restore.RestorePlan;
import app.mamori.engine.restore.RestoreResult;
import app.mamori.engine.restore.RestoreTarget;
import app.mamori.model.Note;
import app.mamori.ui.fx.CheckWords;
import app.mamori.ui.fx.Format;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.NoteWords;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a restore writes and what it backs up first, in the app's language: said from the plan's
 * target and safety backup, not from the planner's English description, which the CLI prints.
 */
public final class PlanWords {
    private PlanWords() {
    }

    /** "new database shop_restored on server db1", "/srv/www on server web1 (only uploads/)". */
    public static String target(I18n text, RestorePlan p) {
        String server = p.server().name();
        RestoreTarget t = p.target();
        String where;
        if (t instanceof RestoreTarget.NewDatabase d) {
            where = text.t("plan.target.newDatabase", d.name(), server);
        } else if (t instanceof RestoreTarget.ToPath path) {
            where = text.t("plan.target.path", path.path(), server);
        } else if (t instanceof RestoreTarget.ToLocal l) {
            where = text.t("plan.target.local", l.dir());
        } else if (t instanceof RestoreTarget.ToVolume v) {
            where = text.t("plan.target.volume", v.name(), server);
        } else if (t instanceof RestoreTarget.ToBucket b) {
            where = text.t("plan.target.bucket", b.bucket());
        } else {
            where = text.t("plan.target.inPlace", p.source().name(), server);
        }
        return p.include().isEmpty() ? where : text.t("plan.target.only", where, String.join(", ", p.include()));
    }

    /** The safety backup taken before an in-place restore, or that none is needed. */
    public static String safety(I18n text, RestorePlan p) {
        return p.safetyBackup().map(job -> text.t("plan.safety", p.source().name(), job))
                .orElseGet(() -> text.t("plan.safety.none"));
    }

    /**
     * A warning of the plan (what a restore leaves as it is, what to stop first, a failed check) in
     * the app's language, its times in the admin's zone; one this build has no sentence for in English.
     */
    public static String warning(I18n text, Note w) {
        Format format = new Format(text, ZoneId.systemDefault());
        List<Object> args = new ArrayList<>();
        for (String a : w.args()) {
            args.add(INSTANT.matcher(a).matches() ? format.when(Instant.parse(a)) : a);
        }
        Optional<Note> found = Note.carried(w.args(), 3);
        if ((w.key().equals("planFailedCheck") || w.key().equals("planFailedCheckAccepted")) && found.isPresent()
                && text.has("note." + w.key())) {
            // point, method, time, then what the check found (ArtifactCheck.warning)
            return text.t("note." + w.key(), args.get(0), CheckWords.method(text, w.args().get(1)), args.get(2),
                    CheckWords.detail(text, found.get()));
        }
        return text.has("note." + w.key()) ? text.t("note." + w.key(), args.toArray()) : w.english();
    }

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");

    /** Why a restore failed: its reason in the app's language where it has one, else the engine's words. */
    public static String whyFailed(I18n text, RestoreResult r) {
        return r.reason().map(n -> NoteWords.say(text, "reason.", n)).orElse(r.error() == null ? "" : r.error());
    }

    /** What a failed restore left on the server and the way back, in the app's language; empty on success. */
    public static String afterFailure(I18n text, RestoreResult r) {
        return r.target().stream().map(n -> NoteWords.say(text, "note.", n))
                .collect(java.util.stream.Collectors.joining(" "));
    }
}
