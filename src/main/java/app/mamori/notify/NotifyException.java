package app.mamori.notify;

import app.mamori.model.Note;
import app.mamori.model.Noted;

import java.util.Optional;

/**
 * A notice could not be delivered; the message is written for the admin, and for the common
 * reasons it also comes as a {@link Note} the app can say in its own language.
 */
public final class NotifyException extends Exception implements Noted {
    private final transient Note reason;

    public NotifyException(String message) {
        super(message);
        this.reason = null;
    }

    public NotifyException(String message, Throwable cause) {
        super(message, cause);
        this.reason = null;
    }

    public NotifyException(Note reason, Throwable cause) {
        super(reason.english(), cause);
        this.reason = reason;
    }

    @Override
    public Optional<Note> reason() {
        return Optional.ofNullable(reason);
    }
}
