package app.mamori.ui.fx;

import app.mamori.model.Noted;

/**
 * A failure for a page's message line: its reason in the app's language where the failure, or
 * one of its causes, carries one ({@link Noted}), otherwise its message as written below the UI.
 */
public final class ErrorWords {
    private ErrorWords() {
    }

    public static String say(I18n text, Throwable e) {
        return Noted.find(e).map(n -> NoteWords.say(text, "reason.", n))
                .orElseGet(() -> e.getMessage() == null ? e.toString() : e.getMessage());
    }
}
