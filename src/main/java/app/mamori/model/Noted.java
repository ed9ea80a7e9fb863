package app.mamori.model;

import java.util.Optional;

/**
 * A failure whose reason can also be said in the app's language: the exception's message is the
 * English the command line prints, and {@link #reason()} the same as a {@link Note} keyed under
 * {@code reason.} in the app's bundles, for the reasons that have a sentence.
 */
public interface Noted {
    Optional<Note> reason();

    /**
     * {@code args} followed by {@code why}, the failure's English as the command line prints it,
     * then the key and arguments of the first keyed reason along {@code e}'s causes, if any: how a
     * sentence carries why something failed (see {@link Note#after}), so the app can say it in its
     * language where it knows the reason.
     */
    static Object[] after(Throwable e, String why, Object... args) {
        return find(e).map(r -> new Note(r.key(), r.args(), why).after(args)).orElseGet(() -> {
            Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
            all[args.length] = why;
            return all;
        });
    }

    /** The first reason with a key along {@code e}'s causes, if any. */
    static Optional<Note> find(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof Noted n && n.reason().isPresent()) {
                return n.reason();
            }
        }
        return Optional.empty();
    }
}
