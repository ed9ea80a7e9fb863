package app.mamori.ssh;

import java.io.IOException;

/** Connecting or talking to a server failed; the message is written for the admin. */
public class SshException extends IOException {
    public SshException(String message) {
        super(message);
    }

    public SshException(String message, Throwable cause) {
        super(message, cause);
    }
}
