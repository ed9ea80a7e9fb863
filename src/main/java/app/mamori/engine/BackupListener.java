package app.mamori.engine;

import app.mamori.model.Note;

/**
 * What a running backup tells whoever watches it. Called on the engine's thread: an
 * implementation that updates a UI hands the call over to its own thread.
 */
public interface BackupListener {

    default void runStarted(BackupPlan plan, long runId) {
    }

    default void sourceStarted(BackupPlan.Step step) {
    }

    /**
     * @param bytes         bytes received so far from the server
     * @param expectedBytes the previous run's size of this source, or -1 when unknown (for an ETA)
     */
    default void progress(BackupPlan.Step step, long bytes, long expectedBytes, long elapsedNanos) {
    }

    default void sourceFinished(SourceResult result) {
    }

    default void log(String line) {
    }

    /** A line written for a person; a listener that shows only text gets its English. */
    default void note(Note note) {
        log(note.english());
    }

    default void runFinished(RunResult result) {
    }

    BackupListener NONE = new BackupListener() {
    };
}
