package app.mamori.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

    /**
     * {@code args} followed by this note, its English, key and arguments: how a sentence (an
     * event's, a plan's warning) carries another one, so the app can say both in its language.
     */
    public Object[] after(Object... args) {
        List<Object> all = new ArrayList<>(Arrays.asList(args));
        all.add(english);
        all.add(key);
        all.addAll(this.args);
        return all.toArray();
    }

    /** The note {@link #after} put at {@code at} of {@code args}; empty when they end before its key. */
    public static Optional<Note> carried(List<String> args, int at) {
        return args.size() > at + 1 ? Optional.of(new Note(args.get(at + 1), args.subList(at + 2, args.size()),
                args.get(at))) : Optional.empty();
    }
}
