package app.mamori.catalog;

import app.mamori.testenv.TestClock;
import app.mamori.model.RetentionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Schedules with their catch-up state, retention policies, and released safety points. */
class ScheduleStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void settingAScheduleStartsItsCatchUpStateAtNow(@TempDir Path dir) {
        TestClock clock = new TestClock(T0);
        try (Catalog catalog = Catalog.open(dir.resolve("c.db"), clock)) {
            Fixtures.addBlogJob(catalog);

            catalog.schedules().set("blog", "daily 02:30");
            catalog.schedules().retryAfter("blog", T0.plusSeconds(900));
            catalog.schedules().missed("blog", 3, T0.minusSeconds(3600));
            catalog.schedules().missed("blog", 1, T0.minusSeconds(60));
            clock.advance(Duration.ofHours(1));
            catalog.schedules().handled("blog", clock.instant());

            JobSchedule s = catalog.schedules().find("blog").orElseThrow();
            assertThat(s.expression()).isEqualTo("daily 02:30");
            assertThat(s.since()).isEqualTo(T0);
            assertThat(s.handledUntil()).isEqualTo(T0.plus(Duration.ofHours(1)));
            assertThat(s.retryAfter()).as("a success forgets the retry").isEmpty();
            assertThat(s.missedTotal()).isEqualTo(4);
            assertThat(s.lastMissed()).contains(T0.minusSeconds(60));
        }
    }

    @Test
    void removingAJobRemovesItsScheduleAndPolicy(@TempDir Path dir) {
        try (Catalog catalog = Catalog.open(dir.resolve("c.db"), new TestClock(T0))) {
            Fixtures.addBlogJob(catalog);
            catalog.schedules().set("blog", "hourly");
            catalog.retention().set("blog", new RetentionPolicy(3, 0, 7, 0, 0, 0));

            assertThat(catalog.retention().get("blog")).isEqualTo(new RetentionPolicy(3, 0, 7, 0, 0, 0));
            catalog.jobs().remove("blog");

            assertThat(catalog.schedules().list()).isEmpty();
            assertThat(catalog.retention().get("blog")).isEqualTo(RetentionPolicy.KEEP_ALL);
            assertThatThrownBy(() -> catalog.schedules().set("blog", "hourly")).hasMessageContaining("does not exist");
        }
    }

    @Test
    void onlyPreRestorePointsCanBeReleased(@TempDir Path dir) {
        try (Catalog catalog = Catalog.open(dir.resolve("c.db"), new TestClock(T0))) {
            Fixtures.addBlogJob(catalog);
            long run = catalog.runs().start("blog", 1);
            catalog.points().record(Fixtures.blogPoint("blog/a", T0, app.mamori.model.RunStatus.SUCCEEDED), run,
                    PointKind.PRE_RESTORE);
            catalog.points().record(Fixtures.blogPoint("blog/b", T0.plusSeconds(1), app.mamori.model.RunStatus.SUCCEEDED),
                    run, PointKind.NORMAL);

            catalog.points().release("blog/a");

            assertThat(catalog.points().released("blog")).containsExactly("blog/a");
            assertThatThrownBy(() -> catalog.points().release("blog/b")).hasMessageContaining("normal point");
            catalog.points().remove("blog/a");
            assertThat(catalog.points().list("blog")).extracting(RecordedPoint::id).containsExactly("blog/b");
        }
    }
}
