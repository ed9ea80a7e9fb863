package app.mamori.ssh;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the first {@code limit} bytes written and counts the rest, so a command that floods
 * stderr cannot fill memory. The head is kept because that is what {@link ExecResult}
 * promises; it is written to by JSch's session thread and read once the channel is closed.
 */
final class BoundedCapture extends OutputStream {
    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;

    BoundedCapture(int limit) {
        this.limit = Math.max(0, limit);
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int room = limit - kept.size();
        int take = Math.max(0, Math.min(room, len));
        kept.write(b, off, take);
        dropped += len - take;
    }

    synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    synchronized boolean truncated() {
        return dropped > 0;
    }
}
