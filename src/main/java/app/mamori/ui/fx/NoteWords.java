package app.mamori.ui.fx;

import app.mamori.model.Note;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A note from below the UI said in the app's language: its key under {@code prefix}, its
 * arguments (names, numbers, what a server wrote) as they are, and its English when this
 * build has no sentence for the key, so nothing is ever blank.
 */
public final class NoteWords {
    /** Reasons that carry their cause's own reason (Note#after) in an argument: a failed copy, at 2. */
    private static final Map<String, Integer> CARRIERS = Map.of("copyPointFailed", 2);

    private NoteWords() {
    }

    public static String say(I18n text, String prefix, Note note) {
        String key = prefix + note.key();
        return text.has(key) ? text.t(key, note.args().toArray()) : note.english();
    }

    /** A reason ({@code reason.KEY}), with the cause it carries said too where this build has its sentence. */
    public static String reason(I18n text, Note reason) {
        Integer at = CARRIERS.get(reason.key());
        return at == null ? say(text, "reason.", reason) : carrying(text, "reason.", reason, at);
    }

    /**
     * {@code note} under {@code prefix}, with the reason it carries at {@code at} (Note#after) in
     * the app's words; a reason this build does not know stays as its English.
     */
    public static String carrying(I18n text, String prefix, Note note, int at) {
        Optional<Note> carried = Note.carried(note.args(), at).filter(r -> text.has("reason." + r.key()));
        if (carried.isEmpty()) {
            return say(text, prefix, note);
        }
        List<String> args = new ArrayList<>(note.args().subList(0, at + 1));
        args.set(at, reason(text, carried.get()));
        return say(text, prefix, new Note(note.key(), args, note.english()));
    }
}
