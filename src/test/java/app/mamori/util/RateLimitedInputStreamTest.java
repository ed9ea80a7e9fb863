package app.mamori.util;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitedInputStreamTest {

    /** A clock that only moves when the stream sleeps. */
    private static final class FakeClock {
        long now = 1_000;
        long slept;

        /** A limit on this clock, whose sleeps move it. */
        RateLimit limit(long bytesPerSecond) {
            return new RateLimit(bytesPerSecond, () -> now, n -> {
                now += n;
                slept += n;
            });
        }
    }

    @Test
    void readingTenMegabytesAtOneMegabyteASecondTakesTenSeconds() throws IOException {
        FakeClock clock = new FakeClock();
        InputStream in = clock.limit(1 << 20).wrap(new ByteArrayInputStream(new byte[10 << 20]));

        assertThat(in.readAllBytes()).hasSize(10 << 20);

        assertThat(clock.slept / 1e9).isCloseTo(10.0, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void streamsSharingOneLimitShareItsRateRatherThanEachHavingItAll() throws IOException {
        FakeClock clock = new FakeClock();
        RateLimit limit = clock.limit(1 << 20);

        for (int file = 0; file < 4; file++) {
            try (InputStream in = limit.wrap(new ByteArrayInputStream(new byte[(int) (2.5 * (1 << 20))]))) {
                in.readAllBytes();
            }
        }

        assertThat(clock.slept / 1e9).as("ten megabytes in four streams at one megabyte a second")
                .isCloseTo(10.0, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aSlowSourceIsNotSlowedFurther() throws IOException {
        FakeClock clock = new FakeClock();
        InputStream slow = new ByteArrayInputStream(new byte[1 << 20]) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                clock.now += 2_000_000_000L; // each read takes two seconds
                return super.read(b, off, len);
            }
        };
        InputStream in = new RateLimit(10L << 20, () -> clock.now, n -> clock.slept += n).wrap(slow);

        in.readAllBytes();

        assertThat(clock.slept).isZero();
    }

    @Test
    void ratesParseWithUnitsAndNonsenseIsRefusedNamingTheOption() {
        assertThat(RateLimit.parse("--limit-rate", "500K")).isEqualTo(500L << 10);
        assertThat(RateLimit.parse("--limit-rate", "10m")).isEqualTo(10L << 20);
        assertThat(RateLimit.parse("--limit-rate", "2048")).isEqualTo(2048);
        assertThatThrownBy(() -> RateLimit.parse("--limit-rate", "fast"))
                .hasMessageContaining("--limit-rate: 'fast' is not a rate");
        assertThatThrownBy(() -> RateLimit.parse("--limit-rate", "0M"))
                .hasMessageContaining("--limit-rate");
    }
}
