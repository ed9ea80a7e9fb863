package app.mamori.ssh;

import java.io.IOException;
import java.io.InputStream;

/**
 * Stands between the caller's stdin and JSch's channel thread, which swallows read errors and
 * then neither sends EOF nor says why. A failed read is kept for the waiting caller, who kills
 * the remote command: sending EOF instead would let a restore "succeed" on half its input.
 */
final class GuardedSource extends InputStream {
    private final InputStream source;
    private volatile Throwable failure;
    private volatile boolean ended;

    GuardedSource(InputStream source) {
        this.source = source == null ? InputStream.nullInputStream() : source;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (ended) {
            return -1;
        }
        try {
            return source.read(b, off, len);
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public void close() {
        // the caller owns its stdin stream
    }

    /** The command has ended: what it did not read is not sent; the next read is the end. */
    void endInput() {
        ended = true;
    }

    Throwable failure() {
        return failure;
    }
}
