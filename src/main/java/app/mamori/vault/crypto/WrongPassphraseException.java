package app.mamori.vault.crypto;

import java.io.IOException;

/** The passphrase does not open the vault's key: nothing can be read or written with it. */
public final class WrongPassphraseException extends IOException {
    public WrongPassphraseException(String message) {
        super(message);
    }
}
