package app.mamori.catalog;

import app.mamori.model.Note;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import java.util.List;
import java.util.Optional;

/**
 * A sentence kept as a key and a JSON array of its arguments beside its stored English (events'
 * {@code message_key}/{@code message_args}, checks' {@code detail_key}/{@code detail_args}), so
 * that the app can say it in its language and the command line prints the English as ever.
 */
final class NoteColumns {
    private NoteColumns() {
    }

    static String args(List<String> args) {
        try {
            return Json.MAPPER.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
    }

    /** The key to store: none for a sentence that has only its English. */
    static String key(Note said) {
        return said.key().equals(Verification.STORED) ? null : said.key();
    }

    static String args(Note said) {
        return key(said) == null ? null : args(said.args());
    }

    /** The arguments, or empty when they cannot be read (a hand-edited catalogue): the English then says it. */
    static Optional<List<String>> parse(String args) {
        try {
            return Optional.of(args == null ? List.of()
                    : Json.MAPPER.readValue(args, new TypeReference<List<String>>() {
                    }));
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The stored sentence: keyed when the row has a readable key, else its English as stored. */
    static Note note(String key, String args, String english) {
        if (key == null) {
            return Verification.asStored(english);
        }
        return parse(args).map(a -> new Note(key, a, english)).orElseGet(() -> Verification.asStored(english));
    }
}
