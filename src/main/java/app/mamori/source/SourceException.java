package app.mamori.source;

import app.mamori.model.Note;
import app.mamori.model.Noted;

import java.io.IOException;
import java.util.Optional;

/**
 * A source could not be backed up; the message says what failed and what to do. Where the
 * reason is one the app can say in its own language, it also comes as a {@link Note}.
 */
public class SourceException extends IOException implements Noted {
    private final String details;
    private final transient Note reason;

    public SourceException(String message, String details) {
        super(message);
        this.details = details;
        this.reason = null;
    }

    public SourceException(Note reason, String details) {
        super(reason.english());
        this.details = details;
        this.reason = reason;
    }

    /** The reason with its key, where it has one. */
    @Override
    public Optional<Note> reason() {
        return Optional.ofNullable(reason);
    }

    /** Remote stderr or other raw detail for the log and the run's details view. */
    public String details() {
        return details;
    }
}
