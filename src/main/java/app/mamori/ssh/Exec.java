package app.mamori.ssh;

import app.mamori.util.CancelToken;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;

/**
 * One remote command with its streams.
 *
 * @param command      the command line, already built with {@link ShellQuote}
 * @param stdin        streamed to the command, then EOF; null sends EOF at once
 * @param stdout       receives the command's stdout; null discards it
 * @param stderrLimit  bytes of stderr kept (its head and tail; the middle beyond is dropped and flagged)
 * @param timeout      overall limit, or null for none
 * @param cancel       token that kills the remote command
 * @param idleTimeout  the command is killed when its stdout stays silent this long (a dump stuck on
 *                     a lock, a hung disk or NFS mount); null for no limit
 */
public record Exec(String command, InputStream stdin, OutputStream stdout, int stderrLimit,
                   Duration timeout, CancelToken cancel, Duration idleTimeout) {

    public Exec {
        Objects.requireNonNull(command, "command");
        cancel = cancel == null ? CancelToken.none() : cancel;
    }

    /** A command with no limit on silence. */
    public Exec(String command, InputStream stdin, OutputStream stdout, int stderrLimit, Duration timeout,
                CancelToken cancel) {
        this(command, stdin, stdout, stderrLimit, timeout, cancel, null);
    }

    public static Builder of(String command) {
        return new Builder(command);
    }

    public static final class Builder {
        private final String command;
        private InputStream stdin;
        private OutputStream stdout;
        private int stderrLimit = 64 * 1024;
        private Duration timeout;
        private CancelToken cancel;
        private Duration idleTimeout;

        private Builder(String command) {
            this.command = command;
        }

        public Builder stdin(InputStream in) {
            this.stdin = in;
            return this;
        }

        public Builder stdout(OutputStream out) {
            this.stdout = out;
            return this;
        }

        public Builder stderrLimit(int bytes) {
            this.stderrLimit = bytes;
            return this;
        }

        public Builder timeout(Duration t) {
            this.timeout = t;
            return this;
        }

        public Builder idleTimeout(Duration t) {
            this.idleTimeout = t;
            return this;
        }

        public Builder cancel(CancelToken token) {
            this.cancel = token;
            return this;
        }

        public Exec build() {
            return new Exec(command, stdin, stdout, stderrLimit, timeout, cancel, idleTimeout);
        }
    }
}
