package app.mamori.model;

import java.util.Optional;

/**
 * A failure whose reason can also be said in the app's language: the exception's message is the
 * English the command line prints, and {@link #reason()} the same as a {@link Note} keyed under
 * {@code reason.} in the app's bundles, for the reasons that have a sentence.
 */
public interface Noted {
    Optional<Note> reason();

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
