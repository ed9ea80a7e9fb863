package app.mamori.ui.dashboard;

import app.mamori.engine.JobStatus;
import app.mamori.model.RunStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HealthTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private static JobStatus status(Duration sinceSuccess, Optional<Duration> overdueAfter, RunStatus lastRun,
                                    boolean overdue) {
        Optional<Instant> last = Optional.ofNullable(sinceSuccess).map(NOW::minus);
        return new JobStatus("blog", overdueAfter.map(d -> "daily 02:30"), Optional.empty(), Optional.empty(), last,
                Optional.ofNullable(lastRun), overdueAfter, overdue, 0, Optional.empty());
    }

    @Test
    void aDailyJobIsGreenWithinADayAmberUpToADayAndAHalfAndRedWhenOverdue() {
        Optional<Duration> daily = Optional.of(Duration.ofHours(36));
        assertThat(Health.of(status(Duration.ofHours(20), daily, RunStatus.SUCCEEDED, false), NOW))
                .isEqualTo(Health.GREEN);
        assertThat(Health.of(status(Duration.ofHours(30), daily, RunStatus.SUCCEEDED, false), NOW))
                .isEqualTo(Health.AMBER);
        assertThat(Health.of(status(Duration.ofHours(40), daily, RunStatus.SUCCEEDED, true), NOW))
                .isEqualTo(Health.RED);
    }

    @Test
    void aFailedLastRunTurnsARecentSuccessAmber() {
        assertThat(Health.of(status(Duration.ofHours(2), Optional.of(Duration.ofHours(36)), RunStatus.FAILED, false),
                NOW)).isEqualTo(Health.AMBER);
    }

    @Test
    void aJobThatNeverSucceededIsRed() {
        assertThat(Health.of(status(null, Optional.empty(), RunStatus.FAILED, false), NOW)).isEqualTo(Health.RED);
    }

    @Test
    void withoutAScheduleADayIsExpected() {
        assertThat(Health.of(status(Duration.ofHours(23), Optional.empty(), RunStatus.SUCCEEDED, false), NOW))
                .isEqualTo(Health.GREEN);
        assertThat(Health.of(status(Duration.ofHours(30), Optional.empty(), RunStatus.SUCCEEDED, false), NOW))
                .isEqualTo(Health.AMBER);
        assertThat(Health.of(status(Duration.ofHours(37), Optional.empty(), RunStatus.SUCCEEDED, false), NOW))
                .isEqualTo(Health.RED);
    }

    @Test
    void aPausedJobIsAmberAtWorstAndKeepsGreenWhenItIsOnTime() {
        Optional<Duration> daily = Optional.of(Duration.ofHours(36));
        Optional<app.mamori.catalog.JobPause> pause = Optional.of(new app.mamori.catalog.JobPause("blog",
                NOW.minus(Duration.ofDays(5)), Optional.of("moving db1")));
        JobStatus longAgo = status(Duration.ofDays(4), daily, RunStatus.SUCCEEDED, false);
        JobStatus never = status(null, daily, null, false);
        JobStatus recent = status(Duration.ofHours(2), daily, RunStatus.SUCCEEDED, false);

        assertThat(Health.of(longAgo, NOW)).as("the same job not paused").isEqualTo(Health.RED);
        assertThat(Health.of(paused(longAgo, pause), NOW)).isEqualTo(Health.AMBER);
        assertThat(Health.of(paused(never, pause), NOW)).isEqualTo(Health.AMBER);
        assertThat(Health.of(paused(recent, pause), NOW)).isEqualTo(Health.GREEN);
    }

    private static JobStatus paused(JobStatus s, Optional<app.mamori.catalog.JobPause> pause) {
        return new JobStatus(s.job(), s.schedule(), s.description(), s.nextDue(), s.lastSuccess(), s.lastRun(),
                s.overdueAfter(), s.overdue(), s.missedTotal(), s.problem(), pause);
    }
}
