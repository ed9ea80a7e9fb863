package app.mamori.ssh;

import java.io.OutputStream;

/**
 * Stands between JSch's session thread and the caller's stdout sink. JSch writes channel data
 * straight from its one reader thread (no pipe, no hand-off: that is what makes streaming
 * fast), and if a write throws it drops the channel and forgets the exception. So the first
 * failure is kept here for the waiting caller to rethrow, the remote command is then killed,
 * and everything after it is discarded so the session and its other channels carry on.
 */
final class GuardedSink extends OutputStream {
    private final OutputStream target;
    private volatile Throwable failure;
    /** Written by JSch's session thread, read by the waiting caller to see that data still flows. */
    private volatile long bytes;

    GuardedSink(OutputStream target) {
        this.target = target;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (failure != null) {
            return;
        }
        try {
            if (target != null) {
                target.write(b, off, len);
            }
            bytes += len;
        } catch (Throwable t) {
            failure = t;
        }
    }

    @Override
    public void close() {
        // the caller owns the sink; JSch must never close it
    }

    Throwable failure() {
        return failure;
    }

    long bytes() {
        return bytes;
    }

    /** Flushes the caller's sink once no more data can arrive, keeping any failure. */
    void finish() {
        if (failure == null && target != null) {
            try {
                target.flush();
            } catch (Throwable t) {
                failure = t;
            }
        }
    }
}
