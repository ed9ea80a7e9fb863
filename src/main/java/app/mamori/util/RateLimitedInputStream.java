package app.mamori.util;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Reads no faster than a given number of bytes per second, on average since the first read: an
 * upload that must leave the office's uplink to the people working there ({@code --limit-rate}).
 * Reads are cut to a tenth of a second's worth, so the rate holds within a part; streams sharing
 * one {@link RateLimit} share its rate.
 */
public final class RateLimitedInputStream extends FilterInputStream {
    private final RateLimit limit;

    /** Waits; {@link Thread#sleep} in production, a recorded clock in tests. */
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    /** A stream with a limit of its own. */
    public RateLimitedInputStream(InputStream in, long bytesPerSecond) {
        this(in, new RateLimit(bytesPerSecond));
    }

    public RateLimitedInputStream(InputStream in, long bytesPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
        this(in, new RateLimit(bytesPerSecond, nanoTime, sleeper));
    }

    /** A stream sharing {@code limit} with the others a copy reads. */
    RateLimitedInputStream(InputStream in, RateLimit limit) {
        super(in);
        this.limit = limit;
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
        limit.begin();
        int b = super.read();
        if (b >= 0) {
            limit.pace(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        limit.begin();
        int n = super.read(b, off, limit.slice(len));
        if (n > 0) {
            limit.pace(n);
        }
        return n;
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
