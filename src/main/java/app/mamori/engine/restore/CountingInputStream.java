package app.mamori.engine.restore;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Counts the bytes read through it and reports the count every 64 MiB and at the end. */
final class CountingInputStream extends FilterInputStream {
    private static final long INTERVAL = 64L << 20;

    private final LongConsumer progress;
    private long count;
    private long next = INTERVAL;

    CountingInputStream(InputStream in, LongConsumer progress) {
        super(in);
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        counted(b < 0 ? -1 : 1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        counted(n);
        return n;
    }

    private void counted(int n) {
        if (n < 0) {
            progress.accept(count);
            return;
        }
        count += n;
        if (count >= next) {
            next += INTERVAL;
            progress.accept(count);
        }
    }
}
