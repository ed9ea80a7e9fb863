package app.mamori.ssh;

import app.mamori.model.Note;
import app.mamori.model.Noted;

import java.io.IOException;
import java.util.Optional;

/**
 * Connecting or talking to a server failed; the message is written for the admin, and where the
 * reason is a common one it also comes as a {@link Note} the app can say in its own language.
 */
public class SshException extends IOException implements Noted {
    private final transient Note reason;

    public SshException(String message) {
        super(message);
        this.reason = null;
    }

    public SshException(String message, Throwable cause) {
        super(message, cause);
        this.reason = null;
    }

    public SshException(Note reason, Throwable cause) {
        super(reason.english(), cause);
        this.reason = reason;
    }

    @Override
    public Optional<Note> reason() {
        return Optional.ofNullable(reason);
    }
}
