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

    /**
     * {@code args} followed by {@code items}, each as its English, key, number of arguments and
     * arguments: how a sentence carries a list of others (the tables a drill found different, the
     * findings of a scheduled drill), so the app can say each item in its language too.
     */
    public static Object[] listing(List<Note> items, Object... args) {
        List<Object> all = new ArrayList<>(Arrays.asList(args));
        for (Note item : items) {
            all.add(item.english);
            all.add(item.key);
            all.add(item.args.size());
            all.addAll(item.args);
        }
        return all.toArray();
    }

    /**
     * The notes {@link #listing} put after the first {@code at} of {@code args}; empty when there
     * are none (a row written before lists were kept) or they do not read as a list.
     */
    public static List<Note> listed(List<String> args, int at) {
        List<Note> items = new ArrayList<>();
        int i = at;
        while (i < args.size()) {
            if (i + 3 > args.size() || !args.get(i + 2).matches("\\d{1,4}")) {
                return List.of();
            }
            int count = Integer.parseInt(args.get(i + 2));
            if (i + 3 + count > args.size()) {
                return List.of();
            }
            items.add(new Note(args.get(i + 1), args.subList(i + 3, i + 3 + count), args.get(i)));
            i += 3 + count;
        }
        return items;
    }

    /** The note {@link #after} put at {@code at} of {@code args}; empty when they end before its key. */
    public static Optional<Note> carried(List<String> args, int at) {
        return args.size() > at + 1 ? Optional.of(new Note(args.get(at + 1), args.subList(at + 2, args.size()),
                args.get(at))) : Optional.empty();
    }
}
