package app.mamori.ui.fx;

import app.mamori.catalog.PointCheck;
import app.mamori.catalog.Verification;
import app.mamori.model.Note;

/**
 * What a check of a backup found, in the app's language: a checksum, a format check or a
 * restore drill, of a point or of its offsite copy. Checks recorded before their sentences were
 * kept by key show their stored English.
 */
public final class CheckWords {
    private static final String PREFIX = "check.";

    private CheckWords() {
    }

    /** What the check found: what was checked, or what failed and in which file. */
    public static String detail(I18n text, Note said) {
        return NoteWords.say(text, PREFIX, said);
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
