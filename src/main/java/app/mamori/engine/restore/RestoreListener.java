package app.mamori.engine.restore;

import app.mamori.model.Note;
import app.mamori.source.RestoreCommand;

/** What a running restore tells whoever watches it; called on the engine's thread. */
public interface RestoreListener {

    default void step(String what) {
    }

    default void commandStarted(RestoreCommand command) {
    }

    /** Bytes of the (decompressed) artifact streamed into the server so far. */
    default void progress(long bytes) {
    }

    default void log(String line) {
    }

    /** A step written for a person; a listener that shows only text gets its English. */
    default void step(Note what) {
        step(what.english());
    }

    /** A line written for a person; a listener that shows only text gets its English. */
    default void note(Note line) {
        log(line.english());
    }

    RestoreListener NONE = new RestoreListener() {
    };
}
