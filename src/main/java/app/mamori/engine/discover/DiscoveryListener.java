package app.mamori.engine.discover;

import app.mamori.model.Note;
import app.mamori.source.discover.DiscoveryStep;

import java.time.Duration;

/**
 * What a discovery is doing while it runs, for a progress display. The steps on the server run
 * side by side, so several may have started before the first ends; every started step ends with
 * exactly one {@link #stepFinished}, unless discovery fails (then {@code discover} throws and
 * reports nothing more). Calls come one at a time, in order, from the thread reading the SSH
 * connection (the calling thread for {@link DiscoveryStep#CONNECT}): return quickly, and hand
 * over to a UI thread yourself.
 */
public interface DiscoveryListener {
    /** Reports nothing. */
    DiscoveryListener NONE = new DiscoveryListener() {
    };

    default void stepStarted(DiscoveryStep step) {
    }

    /**
     * @param found   for a person, one line: "2 databases: shop, wiki", "needs credentials (...)"; its
     *                key is under {@code discover.} in the app's bundles
     * @param elapsed from this step's start to its end
     */
    default void stepFinished(DiscoveryStep step, Note found, Duration elapsed) {
    }
}
