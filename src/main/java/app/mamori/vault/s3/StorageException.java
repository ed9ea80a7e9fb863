package app.mamori.vault.s3;

import app.mamori.model.Note;
import app.mamori.model.Noted;

import java.io.IOException;
import java.util.Optional;

/**
 * Talking to an object vault failed (access denied, no such bucket, another region, no route):
 * the message is the command line's English, the reason the same keyed under {@code reason.},
 * so that the app says why a copy failed in its language.
 */
public final class StorageException extends IOException implements Noted {
    private static final long serialVersionUID = 1L;

    private final transient Note reason;

    StorageException(Note reason, Throwable cause) {
        super(reason.english(), cause);
        this.reason = reason;
    }

    @Override
    public Optional<Note> reason() {
        return Optional.of(reason);
    }
}
