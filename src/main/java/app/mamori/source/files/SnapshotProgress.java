package app.mamori.source.files;

/** What a snapshot reports while it runs; the engine implements it, every method is optional. */
public interface SnapshotProgress {
    /** Entries listed so far on the server. */
    default void listed(long entries) {
    }

    /** Unchanged files hard-linked from the previous snapshot so far. */
    default void linked(long files) {
    }

    /** Files received and written so far, and their bytes. */
    default void fetched(long files, long bytes) {
    }

    static SnapshotProgress none() {
        return new SnapshotProgress() {
        };
    }
}
