package app.mamori.ssh;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the first and the last half of {@code limit} bytes written and counts what lies between,
 * so a command that floods stderr cannot fill memory. Both ends are kept because a tool in
 * trouble says how it started at the top and why it stopped at the bottom: the telling line is
 * usually the last one (see {@link ExecResult#lastStderrLine}). Written to by JSch's session
 * thread and read once the channel is closed.
 */
final class BoundedCapture extends OutputStream {
    private final int headLimit;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final byte[] tail;
    private int tailStart;
    private int tailLen;
    private long dropped;

    BoundedCapture(int limit) {
        int all = Math.max(0, limit);
        this.headLimit = all - all / 2;
        this.tail = new byte[all / 2];
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int take = Math.max(0, Math.min(headLimit - head.size(), len));
        head.write(b, off, take);
        for (int i = off + take; i < off + len; i++) {
            if (tail.length == 0) {
                dropped++;
            } else if (tailLen < tail.length) {
                tail[(tailStart + tailLen++) % tail.length] = b[i];
            } else {
                tail[tailStart] = b[i];
                tailStart = (tailStart + 1) % tail.length;
                dropped++;
            }
        }
    }

    synchronized String text() {
        byte[] end = new byte[tailLen];
        for (int i = 0; i < tailLen; i++) {
            end[i] = tail[(tailStart + i) % tail.length];
        }
        String kept = head.toString(StandardCharsets.UTF_8);
        if (dropped == 0) {
            return kept + new String(end, StandardCharsets.UTF_8);
        }
        // the cut falls mid-line: the tail's first, partial line is dropped too
        int nl = indexOf(end, (byte) '\n');
        String rest = new String(end, nl + 1, end.length - nl - 1, StandardCharsets.UTF_8);
        return kept + (kept.endsWith("\n") ? "" : "\n") + "[... " + (dropped + nl + 1) + " bytes of stderr left out ...]\n"
                + rest;
    }

    synchronized boolean truncated() {
        return dropped > 0;
    }

    private static int indexOf(byte[] b, byte c) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
