package app.mamori.ui.fx;

import app.mamori.catalog.PointCheck;
import app.mamori.catalog.Verification;
import app.mamori.model.Note;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /** What the check found: what was checked, or what failed and in which file. */
    public static String detail(I18n text, Note said) {
        Step step = STEPS.get(said.key());
        if (step == null || said.args().size() <= step.count()) {
            return NoteWords.say(text, PREFIX, said);
        }
        List<String> args = new ArrayList<>(said.args().subList(0, step.count()));
        List<String> of = said.args();
        args.set(step.at(), NoteWords.say(text, "note.", new Note(of.get(step.count()),
                of.subList(step.count() + 1, of.size()), of.get(step.at()))));
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

    /** What a point list says of a point's checks: when they passed, what failed, or that none ran. */
    public static String point(I18n text, Format format, PointCheck check) {
        return switch (check.state()) {
            case VERIFIED -> text.t("restore.checked.verified", format.when(check.time().orElseThrow()));
            case FAILED -> text.t("restore.checked.failed", check.failed().map(v -> of(text, v)).orElse(""));
            case UNVERIFIED -> text.t("restore.checked.never");
        };
    }
}
