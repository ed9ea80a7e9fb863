package app.mamori.ssh;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits the first stderr line, where {@link RemotePid#wrap} makes the remote shell print its
 * own PID, from the command's real stderr, which goes on to the bounded capture. If the first
 * line is not the PID (a login shell that is not POSIX), everything passes through unchanged.
 * The end line the wrapper prints once the command is over is taken out too, and reported.
 */
final class StderrWithPid extends OutputStream {
    private static final int MAX_PREFIX = 64;
    private static final byte[] END = RemotePid.END.getBytes(StandardCharsets.US_ASCII);
    private final OutputStream rest;
    private final Runnable onEnd;
    private final byte[] head = new byte[MAX_PREFIX];
    private int headLen;
    private boolean passing;
    private int endMatched;
    private volatile long pid = -1;

    StderrWithPid(OutputStream rest) {
        this(rest, () -> { });
    }

    /** {@code onEnd} runs (on JSch's session thread) when the command has ended. */
    StderrWithPid(OutputStream rest, Runnable onEnd) {
        this.rest = rest;
        this.onEnd = onEnd;
    }

    @Override
    public void write(int b) throws java.io.IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
        int i = off;
        int end = off + len;
        while (!passing && i < end) {
            byte c = b[i++];
            if (c == '\n') {
                finishHead(true);
            } else if (headLen == MAX_PREFIX) {
                finishHead(false);
                i--; // this byte was not consumed into the head
            } else {
                head[headLen++] = c;
            }
        }
        if (i < end) {
            passOn(b, i, end);
        }
    }

    /** Passes bytes on, holding back what may be the start of the end line until it is told apart. */
    private void passOn(byte[] b, int from, int to) throws java.io.IOException {
        int flushedTo = from;
        for (int i = from; i < to; i++) {
            if (b[i] == END[endMatched]) {
                if (endMatched == 0) {
                    rest.write(b, flushedTo, i - flushedTo);
                }
                endMatched++;
                flushedTo = i + 1;
                if (endMatched == END.length) {
                    endMatched = 0;
                    onEnd.run();
                }
            } else if (endMatched > 0) {
                rest.write(END, 0, endMatched);
                endMatched = 0;
                flushedTo = i;
                i--; // this byte may start the end line itself
            }
        }
        rest.write(b, flushedTo, to - flushedTo);
    }

    private void finishHead(boolean endedByNewline) throws java.io.IOException {
        passing = true;
        String line = new String(head, 0, headLen, StandardCharsets.US_ASCII);
        if (endedByNewline && line.startsWith(RemotePid.MARKER)) {
            try {
                pid = Long.parseLong(line.substring(RemotePid.MARKER.length()).strip());
                return;
            } catch (NumberFormatException notOurs) {
                // fall through: show the line as the command's own stderr
            }
        }
        rest.write(head, 0, headLen);
        if (endedByNewline) {
            rest.write('\n');
        }
    }

    /** The remote shell's PID (also its process group), or -1 if it did not report one. */
    long pid() {
        return pid;
    }
}
