package app.mamori.ssh;

import java.util.Optional;

/** The server's host key is not the pinned one (or none is pinned and none was accepted). */
public class HostKeyException extends SshException {
    private final String presented;
    private final transient Optional<String> pinned;

    public HostKeyException(String message, String presented, Optional<String> pinned) {
        super(message);
        this.presented = presented;
        this.pinned = pinned;
    }

    /** Fingerprint the server showed. */
    public String presented() {
        return presented;
    }

    /** Fingerprint Mamori had pinned, if any. */
    public Optional<String> pinned() {
        return pinned;
    }
}
