package app.mamori.catalog;

import app.mamori.model.Note;
import app.mamori.model.Noted;

import java.util.Optional;

/**
 * The catalogue refused an operation or could not be read; the message is written for the admin,
 * and a refusal an app's form can meet (a name taken, a job that is gone) also comes as a
 * {@link Note} under {@code reason.}.
 */
public class CatalogException extends RuntimeException implements Noted {
    private static final long serialVersionUID = 1L;

    private final transient Note reason;

    public CatalogException(String message) {
        super(message);
        this.reason = null;
    }

    private CatalogException(Note reason) {
        super(reason.english());
        this.reason = reason;
    }

    /** A refusal keyed {@code key}; {@code english} is what the command line prints. */
    public static CatalogException refused(String key, String english, Object... args) {
        return new CatalogException(Note.of(key, english, args));
    }

    @Override
    public Optional<Note> reason() {
        return Optional.ofNullable(reason);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
        this.reason = null;
    }
}
