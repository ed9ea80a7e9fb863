package app.mamori.engine;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongConsumer;

/** Passes bytes through and reports the running count at most every {@code intervalNanos}. */
final class ProgressOutputStream extends FilterOutputStream {
    private final LongConsumer report;
    private final long intervalNanos;
    private long count;
    private long lastReport = System.nanoTime();

    ProgressOutputStream(OutputStream out, long intervalNanos, LongConsumer report) {
        super(out);
        this.report = report;
        this.intervalNanos = intervalNanos;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        tick(1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        tick(len);
    }

    private void tick(int n) {
        count += n;
        long now = System.nanoTime();
        if (now - lastReport >= intervalNanos) {
            lastReport = now;
            report.accept(count);
        }
    }

    long count() {
        return count;
    }

    @Override
    public void close() {
        // the artifact is finished, or abandoned, by its owner; not by whoever streamed into it
    }
}
