package app.mamori.engine.timeline;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.TimelineLane;
import app.mamori.catalog.TimelineScope;
import app.mamori.model.Artifact;
import app.mamori.model.Job;
import app.mamori.model.RestorePoint;
import app.mamori.model.RetentionPolicy;
import app.mamori.model.RunStatus;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.model.Vault;
import app.mamori.testenv.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The timeline over a real catalogue: nightly runs with two missed nights, one failed, a safety point. */
class TimelineTest {
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    @TempDir
    Path dir;
    TestClock clock;
    Catalog catalog;
    Timeline timeline;

    @BeforeEach
    void setUp() {
        clock = new TestClock(START);
        catalog = Catalog.open(dir.resolve("catalog.db"), clock);
        catalog.servers().add(new Server("web", "web.lan", 22, "backup", Optional.empty(), Optional.empty()));
        catalog.sources().add(new Source.Sqlite("db", "web", "/srv/db.db"));
        catalog.vaults().add(new Vault("nas", "/mnt/nas", Optional.empty()));
        catalog.jobs().add(new Job("blog", List.of("db"), "nas"));
        catalog.schedules().set("blog", "daily 02:30");
        catalog.retention().set("blog", new RetentionPolicy(2, 0, 0, 1, 0, 0));
        for (int d = 0; d < 10; d++) {
            clock.advance(d == 0 ? Duration.ofMinutes(151) : DAY);
            if (d == 3 || d == 4) {
                continue; // the workstation was off
            }
            long run = catalog.runs().start("blog", 1);
            if (d == 6) {
                catalog.runs().finish(run, RunStatus.FAILED, "sqlite3 is not installed on web", null);
                continue;
            }
            catalog.points().record(new RestorePoint("blog/p" + d, "web", "blog", "nas", clock.instant(),
                    RunStatus.SUCCEEDED, "web/blog/p" + d, List.of(new Artifact("db", SourceKind.SQLITE, "db.zst",
                    100 + d, "aa" + d))), run, d == 8 ? PointKind.PRE_RESTORE : PointKind.NORMAL);
            catalog.runs().finish(run, RunStatus.SUCCEEDED, null, null);
        }
        clock.advance(Duration.ofHours(1));
        timeline = new Timeline(catalog, clock, ZoneOffset.UTC);
    }

    @AfterEach
    void tearDown() {
        catalog.close();
    }

    @Test
    void aWindowHoldsItsPointsItsFailedRunAndTheNightsNoRunStarted() {
        TimelineWindow w = timeline.window(TimelineScope.job("blog"), START, START.plus(DAY.multipliedBy(11)));

        assertThat(w.points()).extracting(p -> p.id()).containsExactly("blog/p0", "blog/p1", "blog/p2", "blog/p5",
                "blog/p7", "blog/p8", "blog/p9");
        assertThat(w.runs().stream().filter(r -> r.failed()).toList()).singleElement()
                .satisfies(r -> assertThat(r.error()).hasValue("sqlite3 is not installed on web"));
        assertThat(w.gaps()).containsExactly(new Gap("blog", Instant.parse("2026-11-04T02:30:00Z"),
                Instant.parse("2026-11-06T02:30:00Z"), 2));
    }

    @Test
    void aViewsWindowSumsUpAJobWithMorePointsThanBucketsAndListsOnlyItsFailedRunsWithTheSameGaps() {
        Instant end = START.plus(DAY.multipliedBy(11));
        TimelineWindow fine = timeline.window(TimelineScope.job("blog"), java.util.Set.of(), START, end,
                Duration.ofHours(1));
        TimelineWindow coarse = timeline.window(TimelineScope.job("blog"), java.util.Set.of(), START, end,
                DAY.multipliedBy(3));

        assertThat(fine.points()).hasSize(7);
        assertThat(fine.buckets()).isEmpty();
        assertThat(fine.resolution()).isZero();
        assertThat(fine.runs()).singleElement().satisfies(r -> assertThat(r.failed()).isTrue());
        assertThat(coarse.points()).isEmpty();
        assertThat(coarse.buckets()).extracting(b -> b.index()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(coarse.buckets().stream().mapToInt(b -> b.points()).sum()).isEqualTo(7);
        assertThat(coarse.buckets().stream().mapToInt(b -> b.held()).sum()).isEqualTo(1);
        assertThat(coarse.resolution()).isEqualTo(DAY.multipliedBy(3));
        assertThat(coarse.gaps()).isEqualTo(fine.gaps()).isEqualTo(timeline.window(TimelineScope.job("blog"), START,
                end).gaps()).hasSize(1);
    }

    @Test
    void aWindowEndingBeforeItStartsIsRefusedWithTheOptionsToFix() {
        assertThatThrownBy(() -> timeline.window(TimelineScope.everything(), START, START))
                .hasMessageContaining("--from earlier than --to");
    }

    @Test
    void eachPointSaysWhichRetentionRuleKeepsItAndAHeldSafetyPointIsHeld() {
        Map<String, List<String>> kept = timeline.keptBy(TimelineScope.server("web"));
        Map<String, List<String>> ofOtherJobs = timeline.keptBy(TimelineScope.everything(), java.util.Set.of("shop"));

        assertThat(kept.get("blog/p8")).containsExactly("held");
        assertThat(kept.get("blog/p9")).contains("last", "weekly");
        assertThat(kept.get("blog/p7")).contains("last");
        assertThat(kept).doesNotContainKey("blog/p0");
        assertThat(ofOtherJobs).isEmpty();
        assertThat(timeline.keptBy(TimelineScope.everything(), java.util.Set.of("blog"))).isEqualTo(kept);
    }

    @Test
    void lanesOfAServerNameItsSourcesAndAnUnknownJobIsRefused() {
        assertThat(timeline.lanes(TimelineScope.server("web"))).containsExactly(new TimelineLane("web", "blog", "db",
                "sqlite"));
        assertThatThrownBy(() -> timeline.lanes(TimelineScope.job("shop"))).hasMessageContaining("job 'shop' does not"
                + " exist");
    }
}
