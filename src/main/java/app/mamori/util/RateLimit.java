package app.mamori.util;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One budget of bytes per second for everything a copy reads ({@code --limit-rate}), shared by
 * each stream it opens: a copy of many files, or of parts read one after another, stays under
 * the rate as a whole instead of each stream having the whole rate to itself. Held on average
 * since the first byte, so a pause (a slow server, a pack being sent) is not made up for later
 * beyond the rate.
 */
public final class RateLimit {
    private final long bytesPerSecond;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long start = -1;
    private long taken;

    public RateLimit(long bytesPerSecond) {
        this(bytesPerSecond, System::nanoTime, n -> Thread.sleep(n / 1_000_000, (int) (n % 1_000_000)));
    }

    public RateLimit(long bytesPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("a rate limit is a positive number of bytes per second");
        }
        this.bytesPerSecond = bytesPerSecond;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** Waits; {@link Thread#sleep} in production, a recorded clock in tests. */
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    /** {@code 500K}, {@code 10M}, {@code 1G} (bytes per second, powers of 1024) or a plain number of bytes. */
    public static long parse(String option, String text) {
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

    /** {@code in}, read no faster than this limit allows together with every other stream it wraps. */
    public InputStream wrap(InputStream in) {
        return new RateLimitedInputStream(in, this);
    }

    /** The most one read should take: a tenth of a second's worth, so the rate holds within a part. */
    int slice(int len) {
        return (int) Math.min(len, Math.max(1, bytesPerSecond / 10));
    }

    /** Marks the clock's start at the first read, so time before the copy began is not credited. */
    synchronized void begin() {
        if (start < 0) {
            start = nanoTime.getAsLong();
        }
    }

    /**
     * Counts {@code n} bytes read and waits until the total is no more than the rate allows since
     * the first read.
     */
    void pace(long n) throws InterruptedIOException {
        long wait;
        synchronized (this) {
            begin();
            taken += n;
            long due = start + (long) (taken * 1e9 / bytesPerSecond);
            wait = due - nanoTime.getAsLong();
        }
        if (wait > 0) {
            try {
                sleeper.sleepNanos(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while holding to the rate limit");
            }
        }
    }
}
