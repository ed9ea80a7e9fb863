package app.mamori.ssh;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits the first stderr line, where {@link RemotePid#wrap} makes the remote shell print its
 * own PID, from the command's real stderr, which goes on to the bounded capture. If the first
 * line is not the PID (a login shell that is not POSIX), everything passes through unchanged.
 */
final class StderrWithPid extends OutputStream {
    private static final int MAX_PREFIX = 64;
    private final OutputStream rest;
    private final byte[] head = new byte[MAX_PREFIX];
    private int headLen;
    private boolean passing;
    private volatile long pid = -1;

    StderrWithPid(OutputStream rest) {
        this.rest = rest;
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
            rest.write(b, i, end - i);
        }
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
