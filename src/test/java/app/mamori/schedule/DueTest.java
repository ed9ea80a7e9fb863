package app.mamori.schedule;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Catch-up: slots missed while the workstation was off run once, and are counted as missed. */
class DueTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Schedule DAILY = Schedule.parse("daily 02:30");

    @Test
    void threeMissedNightsRunOnceAndAreAllCountedAsMissed() {
        Instant handled = Instant.parse("2026-11-20T12:00:00Z");
        Instant now = Instant.parse("2026-11-23T09:00:00Z");

        Due due = Due.check(DAILY, handled, Optional.empty(), now, BERLIN);

        assertThat(due.due()).isTrue();
        assertThat(due.pending()).isEqualTo(3);
        assertThat(due.missed()).isEqualTo(3);
        assertThat(due.firstSlot()).contains(Instant.parse("2026-11-21T01:30:00Z"));
        assertThat(due.lastMissed()).contains(Instant.parse("2026-11-23T01:30:00Z"));
        assertThat(due.next()).isEqualTo(Instant.parse("2026-11-24T01:30:00Z"));
        assertThat(Due.check(DAILY, now, Optional.empty(), now, BERLIN).due()).as("once run, nothing is left").isFalse();
    }

    @Test
    void aSlotFoundWithinTheGraceTimeIsOnTimeNotMissed() {
        Instant handled = Instant.parse("2026-11-22T02:00:00Z");
        Instant now = Instant.parse("2026-11-23T01:34:00Z");

        Due due = Due.check(DAILY, handled, Optional.empty(), now, BERLIN);

        assertThat(due.due()).isTrue();
        assertThat(due.pending()).isEqualTo(1);
        assertThat(due.missed()).isZero();
    }

    @Test
    void aFailedRunIsRetriedOnlyAfterItsRetryTime() {
        Instant handled = Instant.parse("2026-11-22T02:00:00Z");
        Instant now = Instant.parse("2026-11-23T01:40:00Z");

        Due waiting = Due.check(DAILY, handled, Optional.of(now.plusSeconds(60)), now, BERLIN);
        Due retry = Due.check(DAILY, handled, Optional.of(now.minusSeconds(60)), now, BERLIN);

        assertThat(waiting.due()).isFalse();
        assertThat(retry.due()).isTrue();
        assertThat(retry.missed()).as("a retry is not a missed slot").isZero();
    }

    @Test
    void aMinutelyJobAfterAYearAwayRunsOnceWithoutCountingEverySlot() {
        Instant now = Instant.parse("2026-11-23T09:00:30Z");

        Due due = Due.check(Schedule.parse("* * * * *"), now.minus(java.time.Duration.ofDays(365)), Optional.empty(),
                now, BERLIN);

        assertThat(due.due()).isTrue();
        assertThat(due.missed()).isEqualTo(10_000);
        assertThat(due.next()).isEqualTo(Instant.parse("2026-11-23T09:01:00Z"));
    }

    @Test
    void nothingIsDueBeforeTheNextSlot() {
        Instant now = Instant.parse("2026-11-23T01:00:00Z");

        Due due = Due.check(DAILY, now.minusSeconds(3600), Optional.empty(), now, BERLIN);

        assertThat(due.due()).isFalse();
        assertThat(due.next()).isEqualTo(Instant.parse("2026-11-23T01:30:00Z"));
    }
}
