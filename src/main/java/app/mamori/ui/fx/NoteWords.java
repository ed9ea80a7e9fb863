package app.mamori.ui.fx;

import app.mamori.model.Note;

/**
 * A note from below the UI said in the app's language: its key under {@code prefix}, its
 * arguments (names, numbers, what a server wrote) as they are, and its English when this
 * build has no sentence for the key, so nothing is ever blank.
 */
public final class NoteWords {
    private NoteWords() {
    }

    public static String say(I18n text, String prefix, Note note) {
        String key = prefix + note.key();
        return text.has(key) ? text.t(key, note.args().toArray()) : note.english();
    }
}
