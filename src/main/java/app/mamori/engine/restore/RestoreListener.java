package app.mamori.engine.restore;

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

    RestoreListener NONE = new RestoreListener() {
    };
}
