package app.mamori.util;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads no faster than a given number of bytes per second, on average since the first read: an
 * upload that must leave the office's uplink to the people working there ({@code --limit-rate}).
 * Reads are cut to a tenth of a second's worth, so the rate holds within a part; streams sharing
 * one {@link RateLimit} share its rate. Made by {@link RateLimit#wrap}.
 */
final class RateLimitedInputStream extends FilterInputStream {
    private final RateLimit limit;

    RateLimitedInputStream(InputStream in, RateLimit limit) {
        super(in);
        this.limit = limit;
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
