package app.mamori.source;

import java.io.IOException;

/** A source could not be backed up; the message says what failed and what to do. */
public class SourceException extends IOException {
    private final String details;

    public SourceException(String message, String details) {
        super(message);
        this.details = details;
    }

    /** Remote stderr or other raw detail for the log and the run's details view. */
    public String details() {
        return details;
    }
}
