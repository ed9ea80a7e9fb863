package app.mamori.ui.fx;

import app.mamori.catalog.PointCheck;
import app.mamori.catalog.Verification;
import app.mamori.engine.verify.VerifyResult;
import app.mamori.model.Note;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a check of a backup found, in the app's language: a checksum, a format check or a
 * restore drill, of a point or of its offsite copy. Checks recorded before their sentences were
 * kept by key show their stored English.
 */
public final class CheckWords {
    private static final String PREFIX = "check.";

    private CheckWords() {
    }

    /**
     * Sentences with a drill's restore step in argument {@code at}: the step's own sentence
     * ({@code note.KEY}, as a restore's log says it) follows the sentence's {@code count}
     * arguments as its key and arguments.
     */
    private record Step(int at, int count) {
    }

    private static final Map<String, Step> STEPS = Map.of("drillStepFailed", new Step(0, 5),
            "drillServerGone", new Step(1, 4));

    /**
     * Sentences that carry what a check found (see Note#after) in argument {@code at}, and a
     * check's method in argument {@code method} (-1: none).
     */
    private record Carry(int at, int method) {
    }

    private static final Map<String, Carry> CARRIES = Map.of("notChecked", new Carry(3, 2),
            "checkWarning", new Carry(2, -1), "drillFinding", new Carry(2, 1));

    /**
     * Sentences with a list (Note#listing) in argument {@code at}, their last: the tables or files
     * a drill found different. Checks recorded before lists were kept have the English list there.
     */
    private static final Map<String, Integer> LISTS = Map.of("drillTablesDiffer", 5, "drillTablesDifferCounted", 5,
            "drillTreeDiffers", 5, "drillVolumeDiffers", 5, "drillCountsMoved", 0);

    /** Sentences that carry why they failed (a keyed reason, see Noted#after) in argument {@code at}. */
    private static final Map<String, Integer> REASONS = Map.of("copyUnreadable", 1, "checksumCouldNotRun", 1,
            "formatCouldNotRun", 1, "drillCouldNotRun", 1);

    /** What the check found: what was checked, or what failed and in which file. */
    public static String detail(I18n text, Note said) {
        Integer reason = REASONS.get(said.key());
        if (reason != null) {
            return NoteWords.carrying(text, PREFIX, said, reason);
        }
        Carry carry = CARRIES.get(said.key());
        if (carry != null) {
            return carrying(text, said, carry);
        }
        Integer list = LISTS.get(said.key());
        if (list != null) {
            return listing(text, said, list);
        }
        Step step = STEPS.get(said.key());
        if (step == null || said.args().size() <= step.count()) {
            return NoteWords.say(text, PREFIX, said);
        }
        List<String> args = new ArrayList<>(said.args().subList(0, step.count()));
        List<String> of = said.args();
        args.set(step.at(), command(text, new Note(of.get(step.count()), of.subList(step.count() + 1, of.size()),
                of.get(step.at()))));
        return NoteWords.say(text, PREFIX, new Note(said.key(), args, said.english()));
    }

    /** A restore command's purpose ({@code note.KEY}), with the command a drill's private folder wraps said too. */
    private static String command(I18n text, Note c) {
        Optional<Note> wrapped = c.key().equals("cmdInPrivateRoot") ? Note.carried(c.args(), 1) : Optional.empty();
        if (wrapped.isEmpty() || !text.has("note." + c.key())) {
            return NoteWords.say(text, "note.", c);
        }
        return text.t("note." + c.key(), c.args().get(0), NoteWords.say(text, "note.", wrapped.get()));
    }

    /** Each item of a list, said in the app's language, joined as the language joins a list. */
    public static String list(I18n text, List<Note> items) {
        return items.stream().map(i -> detail(text, i)).collect(Collectors.joining(text.t("check.listJoin")));
    }

    private static String carrying(I18n text, Note said, Carry carry) {
        Optional<Note> found = Note.carried(said.args(), carry.at());
        if (found.isEmpty()) {
            return NoteWords.say(text, PREFIX, said);
        }
        List<String> args = new ArrayList<>(said.args().subList(0, carry.at() + 1));
        args.set(carry.at(), detail(text, found.get()));
        if (carry.method() >= 0) {
            args.set(carry.method(), method(text, args.get(carry.method())));
        }
        return NoteWords.say(text, PREFIX, new Note(said.key(), args, said.english()));
    }

    private static String listing(I18n text, Note said, int at) {
        List<Note> items = Note.listed(said.args(), at + 1);
        if (items.isEmpty() || !text.has(PREFIX + said.key())) {
            return NoteWords.say(text, PREFIX, said);
        }
        List<String> args = new ArrayList<>(said.args().subList(0, at + 1));
        args.set(at, list(text, items));
        return NoteWords.say(text, PREFIX, new Note(said.key(), args, said.english()));
    }

    /** A check's method ("checksum", "drill") in the app's words; an id this build does not know as it is. */
    public static String method(I18n text, String id) {
        return text.has("verify.method." + id) ? text.t("verify.method." + id) : id;
    }

    /** A check with the artifact it was of: "{source}: {what it found}". */
    public static String of(I18n text, Verification v) {
        return v.source() + ": " + detail(text, v.said());
    }

    /**
     * The restore page's line after a verification of {@code what}: stopped, what failed first, or
     * passed, with what the checks that passed or could not run warned of.
     */
    public static String verified(I18n text, String what, VerifyResult r) {
        if (r.cancelled()) {
            return text.t("restore.verify.cancelled", what, r.checks().size());
        }
        List<Verification> failed = r.failures();
        if (!failed.isEmpty()) {
            return text.t("restore.verify.failed", what, failed.size(), failed.get(0).point() + " "
                    + of(text, failed.get(0)));
        }
        return r.warnings().isEmpty() ? text.t("restore.verify.passed", what, r.checks().size())
                : text.t("restore.verify.passedWarned", what, r.checks().size(), list(text, r.warnings()));
    }

    /** What a point list says of a point's checks: when they passed, what failed, or that none ran. */
    public static String point(I18n text, Format format, PointCheck check) {
        return point(text, format::when, check);
    }

    /** As {@link #point(I18n, Format, PointCheck)}, with the time of a pass written by {@code when}. */
    public static String point(I18n text, java.util.function.Function<java.time.Instant, String> when,
                               PointCheck check) {
        return switch (check.state()) {
            case VERIFIED -> text.t("restore.checked.verified", when.apply(check.time().orElseThrow()));
            case FAILED -> text.t("restore.checked.failed", check.failed().map(v -> of(text, v)).orElse(""));
            case UNVERIFIED -> text.t("restore.checked.never");
        };
    }
}
