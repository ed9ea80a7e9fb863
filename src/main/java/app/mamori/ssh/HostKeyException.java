package app.mamori.ssh;

import java.util.Optional;

/** The server's host key is not the pinned one (or none is pinned and none was accepted). */
public class HostKeyException extends SshException {
    private final String presented;
    private final transient Optional<String> pinned;
    private final boolean jumpHost;

    public HostKeyException(String message, String presented, Optional<String> pinned) {
        this(message, presented, pinned, false);
    }

    /** @param jumpHost whether the key is the server's jump host's rather than the server's own */
    public HostKeyException(String message, String presented, Optional<String> pinned, boolean jumpHost) {
        super(message);
        this.presented = presented;
        this.pinned = pinned;
        this.jumpHost = jumpHost;
    }

    /** A refusal the app can say in its own words ({@link app.mamori.model.Noted}). */
    public HostKeyException(app.mamori.model.Note reason, String presented, Optional<String> pinned, boolean jumpHost) {
        super(reason, null);
        this.presented = presented;
        this.pinned = pinned;
        this.jumpHost = jumpHost;
    }

    /** Whether the refused key is the jump host's: then {@link #presented()} is not the server's key. */
    public boolean jumpHost() {
        return jumpHost;
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
