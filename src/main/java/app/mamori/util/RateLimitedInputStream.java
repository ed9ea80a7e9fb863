package app.mamori.util;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Reads no faster than a given number of bytes per second, on average since the first read: an
 * upload that must leave the office's uplink to the people working there ({@code --limit-rate}).
 * Reads are cut to a tenth of a second's worth, so the rate holds within a part.
 */
public final class RateLimitedInputStream extends FilterInputStream {
    private final long bytesPerSecond;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long start = -1;
    private long read;

    /** Waits; {@link Thread#sleep} in production, a recorded clock in tests. */
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    public RateLimitedInputStream(InputStream in, long bytesPerSecond) {
        this(in, bytesPerSecond, System::nanoTime, n -> Thread.sleep(n / 1_000_000, (int) (n % 1_000_000)));
    }

    public RateLimitedInputStream(InputStream in, long bytesPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
        super(in);
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("a rate limit is a positive number of bytes per second");
        }
        this.bytesPerSecond = bytesPerSecond;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** {@code 500K}, {@code 10M}, {@code 1G} (bytes per second, powers of 1024) or a plain number of bytes. */
    public static long parseRate(String option, String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("K") || t.endsWith("M") || t.endsWith("G")) {
            unit = t.endsWith("K") ? 1L << 10 : t.endsWith("M") ? 1L << 20 : 1L << 30;
            t = t.substring(0, t.length() - 1);
        }
        try {
            long n = Long.parseLong(t);
            if (n > 0 && n <= Long.MAX_VALUE / unit) {
                return n * unit;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalArgumentException(option + ": '" + text + "' is not a rate; give bytes per second such as"
                + " 500K, 10M or 1G");
    }

    @Override
    public int read() throws IOException {
        if (start < 0) {
            start = nanoTime.getAsLong();
        }
        pace(1);
        int b = super.read();
        if (b >= 0) {
            read++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (start < 0) {
            start = nanoTime.getAsLong();
        }
        int n = super.read(b, off, (int) Math.min(len, Math.max(1, bytesPerSecond / 10)));
        if (n > 0) {
            read += n;
            pace(0);
        }
        return n;
    }

    /** Sleeps until the bytes read so far (and {@code more}) are no more than the rate allows. */
    private void pace(long more) throws IOException {
        long now = nanoTime.getAsLong();
        long due = start + (long) ((read + more) * 1e9 / bytesPerSecond);
        if (due > now) {
            try {
                sleeper.sleepNanos(due - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while holding to the rate limit");
            }
        }
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(n, 8192)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }
}
