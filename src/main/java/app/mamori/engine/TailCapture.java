package app.mamori.engine;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Keeps the last {@link #SIZE} bytes that pass through, for checks on how a dump ends. */
final class TailCapture extends FilterOutputStream {
    static final int SIZE = 512;

    private final byte[] ring = new byte[SIZE];
    private long total;

    TailCapture(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        ring[(int) (total++ % SIZE)] = (byte) b;
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int skip = Math.max(0, len - SIZE);
        total += skip;
        for (int i = off + skip; i < off + len; i++) {
            ring[(int) (total++ % SIZE)] = b[i];
        }
        out.write(b, off, len);
    }

    byte[] tail() {
        int n = (int) Math.min(total, SIZE);
        byte[] t = new byte[n];
        for (int i = 0; i < n; i++) {
            t[i] = ring[(int) ((total - n + i) % SIZE)];
        }
        return t;
    }

    @Override
    public void close() {
        // see ProgressOutputStream#close
    }
}
