package app.mamori.ssh;

import java.time.Duration;

/**
 * A command's output stopped for longer than its limit and the command was killed: a dump
 * waiting on a lock, a read from a hung disk or NFS mount, a tool that lies about being done.
 * Whatever it sent before is not kept as a backup.
 */
public final class StalledException extends SshException {
    private final Duration silence;
    private final long bytesBefore;

    StalledException(String server, Duration silence, long bytesBefore) {
        super("the command on server '" + server + "' sent nothing for " + JschShell.human(silence) + " (after "
                + bytesBefore + " bytes) and was stopped; nothing it sent was kept. A dump waiting on a lock or a"
                + " hung disk or network mount on the server is the usual cause; if the dump is only slow, raise the"
                + " job's limit with --stall-timeout");
        this.silence = silence;
        this.bytesBefore = bytesBefore;
    }

    /** The silence as the message says it: "30 min", "2 s". */
    public String silenceText() {
        return JschShell.human(silence);
    }

    /** How much the command had sent before it went silent. */
    public long bytesBefore() {
        return bytesBefore;
    }
}
