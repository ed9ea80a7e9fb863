package app.mamori.ui.runs;

import app.mamori.engine.BackupPlan;
import app.mamori.engine.RunResult;
import app.mamori.engine.SourceResult;
import app.mamori.model.Note;
import app.mamori.model.RunStatus;
import app.mamori.model.Source;
import app.mamori.ui.fx.ErrorWords;
import app.mamori.ui.fx.Format;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.NoteWords;
import app.mamori.ui.fx.SourceKinds;

import java.util.ArrayList;
import java.util.List;

/**
 * A running backup's log in the app's language: the engine's notes by their keys, each step
 * by its source. Names, paths, commands and what a server wrote stay as they are; a note this
 * build has no sentence for shows its English, so no line is ever blank.
 */
public final class RunWords {
    private final I18n text;
    private final Format format;

    public RunWords(I18n text, Format format) {
        this.text = text;
        this.format = format;
    }

    public String note(Note note) {
        if (note.key().equals("retentionRemoved") && text.has("note.retentionRemoved")) {
            List<String> args = new ArrayList<>(note.args());
            args.set(1, format.bytes(Long.parseLong(note.args().get(1))));
            note = new Note(note.key(), args, note.english());
        }
        if (note.key().equals("copyFailed")) {
            return NoteWords.carrying(text, "note.", note, 0); // why the copy failed, keyed after its English
        }
        return NoteWords.say(text, "note.", note);
    }

    /** "uploads: an incremental snapshot of /srv/uploads", as the step starts. */
    String started(BackupPlan.Step step) {
        Source s = step.source();
        String what = s instanceof Source.Files f ? text.t("run.step.files", String.join(", ", f.paths()))
                : s instanceof Source.Database d ? text.t("run.step.database", SourceKinds.name(text, d.kind()), d.database())
                : s instanceof Source.Sqlite q ? text.t("run.step.sqlite", q.path())
                : s instanceof Source.DockerVolume v ? text.t("run.step.volume", v.volume())
                : s instanceof Source.Bucket b ? text.t("run.step.bucket", b.bucket() + (b.prefix().isEmpty() ? ""
                : "/" + b.prefix()))
                : step.description();
        return s.name() + ": " + what;
    }

    String finished(SourceResult r) {
        return r.source() + ": " + (r.ok() ? text.t("run.phase.done") : text.t("run.log.failed", why(r)));
    }

    /** Why a source failed, in the app's language where the engine gave a keyed reason. */
    String why(SourceResult r) {
        return r.reason().map(n -> NoteWords.say(text, "reason.", n)).orElse(r.error());
    }

    /** Why a run failed: its first failed source's reason where it has one, else the run's own message. */
    String why(RunResult r) {
        return r.sources().stream().filter(s -> !s.ok() && s.reason().isPresent()).findFirst()
                .map(s -> s.source() + ": " + why(s)).orElse(r.error());
    }

    String startedBySchedule() {
        return text.t("run.log.bySchedule");
    }

    String cancelling() {
        return text.t("run.log.cancelling");
    }

    /** What a source still waiting or running when its run ended shows. */
    String notFinished() {
        return text.t("run.log.notFinished");
    }

    String runDone(String point) {
        return text.t("run.log.done", point);
    }

    String runEnded(RunStatus status, String error) {
        return text.t(status == RunStatus.CANCELLED ? "run.log.cancelled" : "run.log.failed", error);
    }

    String error(Throwable e) {
        return ErrorWords.say(text, e);
    }

    String couldNotStart(String why) {
        return text.t("run.log.couldNotStart", why);
    }
}
