package app.mamori.engine.offsite;

/** What a copy reports while it runs; the CLI prints it, the app shows it. */
public interface CopyListener {
    CopyListener NONE = new CopyListener() {
    };

    /** {@code done} of {@code total} bytes of one artifact of one point are in the vault. */
    default void progress(String point, String artifact, long done, long total, long elapsedNanos) {
    }

    default void log(String line) {
    }

    /** A line written for a person; a listener that shows only text gets its English. */
    default void note(app.mamori.model.Note note) {
        log(note.english());
    }
}
