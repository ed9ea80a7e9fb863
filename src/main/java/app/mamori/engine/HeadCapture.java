package app.mamori.engine;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** Keeps the first {@link HeadCheck#SIZE} bytes that pass through. */
final class HeadCapture extends FilterOutputStream {
    private final byte[] head = new byte[HeadCheck.SIZE];
    private int filled;

    HeadCapture(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (filled < head.length) {
            head[filled++] = (byte) b;
        }
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (filled < head.length) {
            int n = Math.min(len, head.length - filled);
            System.arraycopy(b, off, head, filled, n);
            filled += n;
        }
        out.write(b, off, len);
    }

    byte[] head() {
        return Arrays.copyOf(head, filled);
    }

    @Override
    public void close() {
        // see ProgressOutputStream#close
    }
}
