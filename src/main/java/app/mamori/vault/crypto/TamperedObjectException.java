package app.mamori.vault.crypto;

import java.io.IOException;

/** An encrypted object failed authentication: changed, cut short, reordered or another object's bytes. */
public final class TamperedObjectException extends IOException {
    public TamperedObjectException(String message) {
        super(message);
    }

    public TamperedObjectException(String message, Throwable cause) {
        super(message, cause);
    }
}
