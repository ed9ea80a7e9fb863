package app.mamori.ui.tray;

import app.mamori.engine.JobStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OverdueSpellsTest {
    private final OverdueSpells spells = new OverdueSpells();

    @Test
    void aJobIsToldOnceWhenItBecomesOverdueHoweverOftenTheTrayLooks() {
        assertThat(jobs(spells.newlyOverdue(List.of(onTime("db"))))).isEmpty();
        assertThat(jobs(spells.newlyOverdue(List.of(overdue("db"))))).containsExactly("db");
        assertThat(jobs(spells.newlyOverdue(List.of(overdue("db"))))).isEmpty();
        assertThat(jobs(spells.newlyOverdue(List.of(overdue("db"))))).isEmpty();
    }

    @Test
    void aJobIsToldAgainOnlyAfterItRecoveredAndBecameOverdueAgain() {
        spells.newlyOverdue(List.of(overdue("db")));
        assertThat(jobs(spells.newlyOverdue(List.of(onTime("db"))))).isEmpty();
        assertThat(jobs(spells.newlyOverdue(List.of(overdue("db"))))).containsExactly("db");
    }

    @Test
    void eachJobHasItsOwnSpell() {
        spells.newlyOverdue(List.of(overdue("db"), onTime("files")));
        assertThat(jobs(spells.newlyOverdue(List.of(overdue("db"), overdue("files"))))).containsExactly("files");
    }

    @Test
    void aJobOverdueWhenTheAppStartsIsToldOnce() {
        assertThat(jobs(spells.newlyOverdue(List.of(overdue("db"), onTime("files"))))).containsExactly("db");
    }

    @Test
    void aJobWithoutScheduleIsNeverOverdue() {
        JobStatus manual = new JobStatus("manual", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), true, 0, Optional.empty());
        assertThat(spells.newlyOverdue(List.of(manual))).isEmpty();
    }

    private static JobStatus overdue(String job) {
        return status(job, true);
    }

    private static JobStatus onTime(String job) {
        return status(job, false);
    }

    private static JobStatus status(String job, boolean overdue) {
        return new JobStatus(job, Optional.of("daily 02:00"), Optional.of("every day at 02:00"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(Duration.ofHours(36)), overdue, 0, Optional.empty());
    }

    private static List<String> jobs(List<JobStatus> statuses) {
        return statuses.stream().map(JobStatus::job).toList();
    }
}
