package app.mamori.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A line of a run's log written for a person: its English, as the command line prints it, and a
 * key with arguments, so that the app can say it in its own language. Arguments are names,
 * numbers and texts a server or tool wrote; they stay as they are in every language.
 *
 * @param key the sentence's name; the app looks it up as {@code note.KEY} and shows the English
 *            when it does not know it
 */
public record Note(String key, List<String> args, String english) {
    public Note {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(english, "english");
        args = List.copyOf(args);
    }

    public static Note of(String key, String english, Object... args) {
        return new Note(key, Arrays.stream(args).map(String::valueOf).toList(), english);
    }
}
