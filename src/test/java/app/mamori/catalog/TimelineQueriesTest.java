package app.mamori.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import app.mamori.model.Artifact;
import app.mamori.model.Job;
import app.mamori.model.RestorePoint;
import app.mamori.model.RunStatus;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineQueriesTest {
    static final Instant MONDAY = Instant.parse("2026-11-23T02:00:00Z");
    static final Duration DAY = Duration.ofDays(1);

    @TempDir
    Path dir;
    Catalog catalog;
    long run;

    @BeforeEach
    void open() {
        catalog = Catalog.open(dir.resolve("catalog.db"));
        Fixtures.addBlogJob(catalog);
        catalog.servers().add(Fixtures.server("db"));
        catalog.sources().add(Fixtures.sqlite("crm-db", "db"));
        catalog.jobs().add(new Job("crm", List.of("crm-db"), "nas"));
        run = catalog.runs().start("blog", ProcessHandle.current().pid());
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    private void blogPoint(String id, Instant time, PointKind kind) {
        catalog.points().record(Fixtures.blogPoint(id, time, RunStatus.SUCCEEDED), run, kind);
    }

    private void crmPoint(String id, Instant time) {
        catalog.points().record(new RestorePoint(id, "db", "crm", "nas", time, RunStatus.SUCCEEDED, "crm/" + id,
                List.of(new Artifact("crm-db", SourceKind.SQLITE, "crm-db.sqlite.zst", 42, "ee".repeat(32)))),
                run, PointKind.NORMAL);
    }

    private void check(String point, String source, Verification.Method method, Verification.Result result) {
        catalog.verifications().record(new Verification(point, source, "blog", MONDAY.plus(Duration.ofDays(9)),
                method, result, method.id() + " " + result.id(), Duration.ofSeconds(2),
                method == Verification.Method.DRILL ? Optional.of(Duration.ofSeconds(40)) : Optional.empty()));
    }

    @Test
    void aWindowHoldsOnlyThePointsTakenInItOldestFirstOneRowPerSource() {
        for (int i = 0; i < 5; i++) {
            blogPoint("p" + i, MONDAY.plus(DAY.multipliedBy(i)), PointKind.NORMAL);
        }

        List<TimelinePoint> points = catalog.timeline().points(TimelineScope.job("blog"), MONDAY.plus(DAY),
                MONDAY.plus(DAY.multipliedBy(3)));

        assertThat(points).extracting(TimelinePoint::id).containsExactly("p1", "p1", "p2", "p2");
        assertThat(points).extracting(TimelinePoint::source).containsExactly("blog-db", "uploads", "blog-db", "uploads");
        assertThat(points.get(1).size()).isEqualTo(987_654);
        assertThat(points.get(1).server()).isEqualTo("web");
    }

    @Test
    void eachArtifactCarriesWhatItsNewestCheckFoundDrillsWithTheirMeasuredRestoreTime() {
        blogPoint("p0", MONDAY, PointKind.NORMAL);
        blogPoint("p1", MONDAY.plus(DAY), PointKind.NORMAL);
        check("p0", "blog-db", Verification.Method.CHECKSUM, Verification.Result.VERIFIED);
        check("p0", "blog-db", Verification.Method.DRILL, Verification.Result.VERIFIED);
        check("p0", "uploads", Verification.Method.CHECKSUM, Verification.Result.FAILED);
        check("p1", "blog-db", Verification.Method.DRILL, Verification.Result.VERIFIED);
        check("p1", "blog-db", Verification.Method.FORMAT, Verification.Result.VERIFIED);

        List<TimelinePoint> points = catalog.timeline().points(TimelineScope.everything(), MONDAY,
                MONDAY.plus(DAY.multipliedBy(2)));

        assertThat(points).extracting(TimelinePoint::check).containsExactly(TimelinePoint.Check.DRILLED,
                TimelinePoint.Check.FAILED, TimelinePoint.Check.VERIFIED, TimelinePoint.Check.UNCHECKED);
        assertThat(points.get(0).recovery()).hasValue(Duration.ofSeconds(40));
        assertThat(points.get(1).detail().map(app.mamori.model.Note::english)).hasValue("checksum failed");
        assertThat(points.get(3).checked()).isEmpty();
    }

    @Test
    void aSafetyPointIsHeldUntilReleased() {
        blogPoint("safe", MONDAY, PointKind.PRE_RESTORE);
        blogPoint("safe2", MONDAY.plus(DAY), PointKind.PRE_RESTORE);
        catalog.points().release("safe2");

        List<TimelinePoint> points = catalog.timeline().points(TimelineScope.job("blog"), MONDAY, MONDAY.plus(DAY.multipliedBy(2)));

        assertThat(points).extracting(TimelinePoint::id, TimelinePoint::held, TimelinePoint::safetyPoint)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("safe", true, true),
                        org.assertj.core.groups.Tuple.tuple("safe", true, true),
                        org.assertj.core.groups.Tuple.tuple("safe2", false, true),
                        org.assertj.core.groups.Tuple.tuple("safe2", false, true));
    }

    @Test
    void aTreeCarriesItsFileCountOnceItsIndexIsCommittedAndADumpNone() {
        blogPoint("p0", MONDAY, PointKind.NORMAL);
        try (FileIndexWriter writer = catalog.fileIndex().writer("p0", "uploads")) {
            for (int i = 0; i < 3; i++) {
                writer.add(new FileEntry(("f" + i).getBytes(), FileType.FILE, 0644, 1, 0, "00".repeat(32)));
            }
            writer.commit();
        }

        List<TimelinePoint> points = catalog.timeline().points(TimelineScope.everything(), MONDAY, MONDAY.plus(DAY));

        assertThat(points.get(0).files()).isEmpty();
        assertThat(points.get(1).files()).hasValue(3);
    }

    @Test
    void aServerScopeHoldsItsJobsLanesAndPointsAndNoOtherServers() {
        blogPoint("b0", MONDAY, PointKind.NORMAL);
        crmPoint("c0", MONDAY);

        TimelineScope db = TimelineScope.server("db");

        assertThat(catalog.timeline().lanes(db)).containsExactly(new TimelineLane("db", "crm", "crm-db", "sqlite"));
        assertThat(catalog.timeline().points(db, MONDAY, MONDAY.plus(DAY))).extracting(TimelinePoint::id)
                .containsExactly("c0");
        assertThat(catalog.timeline().lanes(TimelineScope.everything())).extracting(TimelineLane::source)
                .containsExactly("crm-db", "blog-db", "uploads");
    }

    @Test
    void aJobRemovedFromTheConfigurationKeepsItsLaneForThePointsItLeft() {
        crmPoint("c0", MONDAY);
        catalog.jobs().remove("crm");

        assertThat(catalog.timeline().lanes(TimelineScope.server("db")))
                .containsExactly(new TimelineLane("db", "crm", "crm-db", "sqlite"));
        assertThat(catalog.timeline().lanes(TimelineScope.everything()))
                .contains(new TimelineLane("db", "crm", "crm-db", "sqlite"));
    }

    @Test
    void aSourceTakenOutOfItsJobKeepsItsLaneForThePointsItLeft() {
        blogPoint("b0", MONDAY, PointKind.NORMAL);
        catalog.jobs().update(new Job("blog", List.of("blog-db"), "nas"));

        assertThat(catalog.timeline().lanes(TimelineScope.everything())).extracting(TimelineLane::source)
                .containsExactly("crm-db", "blog-db", "uploads");
        assertThat(catalog.timeline().lanes(TimelineScope.job("blog"))).extracting(TimelineLane::source)
                .containsExactly("blog-db", "uploads");
    }

    @Test
    void runsOfTheWindowComeWithHowTheyEndedAndTheirError() {
        long failed = catalog.runs().start("blog", ProcessHandle.current().pid());
        catalog.runs().finish(failed, RunStatus.FAILED, "pg_dump failed on web: connection refused", "details");
        long other = catalog.runs().start("crm", ProcessHandle.current().pid());
        catalog.runs().finish(other, RunStatus.SUCCEEDED, null, null);
        Instant now = Instant.now();

        List<TimelineRun> runs = catalog.timeline().runs(TimelineScope.server("web"), java.util.Set.of(), now.minus(DAY), now.plus(DAY));

        assertThat(runs).extracting(TimelineRun::id).containsExactly(run, failed);
        assertThat(runs.get(1).failed()).isTrue();
        assertThat(runs.get(1).error()).hasValue("pg_dump failed on web: connection refused");
        assertThat(catalog.timeline().runs(TimelineScope.everything(), java.util.Set.of(), now.minus(DAY), now.plus(DAY))).hasSize(3);
        assertThat(catalog.timeline().runs(TimelineScope.job("crm"), java.util.Set.of(), now.plus(DAY), now.plus(DAY.multipliedBy(2))))
                .isEmpty();
    }

    /** A failed run comes with the event that recorded its end, so the hover can say why in the app's words. */
    @Test
    void aFailedRunComesWithTheEventThatRecordedItsEnd() {
        long failed = catalog.runs().start("blog", ProcessHandle.current().pid());
        catalog.runs().finish(failed, RunStatus.FAILED, "job blog on server web: connection refused", "");
        catalog.events().add(Event.at(Instant.now(), EventLevel.INFO, "run-started", "started").withJob("blog")
                .withRun(failed));
        catalog.events().add(Event.at(Instant.now(), EventLevel.ERROR, "run-failed", "job blog on server web: refused")
                .withPhrase("runFailedOnServer", "blog", "web", "sshRefused", "web", "22").withJob("blog")
                .withRun(failed));
        long bare = catalog.runs().start("blog", ProcessHandle.current().pid());
        catalog.runs().finish(bare, RunStatus.CANCELLED, "cancelled", "");
        Instant now = Instant.now();

        List<TimelineRun> runs = catalog.timeline().failedRuns(TimelineScope.everything(), java.util.Set.of(),
                now.minus(DAY), now.plus(DAY));

        assertThat(runs).extracting(TimelineRun::id).containsExactly(failed, bare);
        assertThat(runs.get(0).ended()).get().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("run-failed");
            assertThat(e.phrase()).get().extracting(Event.Phrase::key).isEqualTo("runFailedOnServer");
        });
        assertThat(runs.get(1).ended()).as("no event recorded its end").isEmpty();
        assertThat(runs.get(1).error()).hasValue("cancelled");
    }

    @Test
    void aWindowOfSomeJobsHoldsOnlyTheirPointsAndRuns() {
        blogPoint("b0", MONDAY, PointKind.NORMAL);
        crmPoint("c0", MONDAY);

        assertThat(catalog.timeline().points(TimelineScope.everything(), java.util.Set.of("crm"), MONDAY,
                MONDAY.plus(DAY))).extracting(TimelinePoint::id).containsExactly("c0");
        assertThat(catalog.timeline().runs(TimelineScope.everything(), java.util.Set.of("crm", "shop"),
                Instant.EPOCH, Instant.now().plus(DAY))).isEmpty();
    }

    @Test
    void everyWindowQueryReadsThroughAnIndexOnTime() {
        List<String> plans = new ArrayList<>();
        for (String sql : List.of(
                "SELECT id FROM restore_points p WHERE p.time >= 0 AND p.time < 1 AND p.server = 'web'",
                "SELECT id FROM restore_points p WHERE p.time >= 0 AND p.time < 1 AND p.job = 'blog'",
                "SELECT id FROM restore_points p WHERE p.time >= 0 AND p.time < 1",
                "SELECT id FROM runs WHERE started >= 0 AND started < 1",
                "SELECT id FROM runs WHERE started >= 0 AND started < 1 AND job = 'blog'",
                "SELECT id FROM restore_points p WHERE p.time >= 0 AND p.time < 1 AND p.job IN ('a', 'b')")) {
            plans.add(catalog.connection().autocommit(c -> Rows.query(c, "EXPLAIN QUERY PLAN " + sql,
                    (ResultSet row) -> row.getString("detail"), new Object[0])).toString());
        }

        assertThat(plans.get(0)).contains("points_by_server_time");
        assertThat(plans.get(1)).contains("points_by_job_time");
        assertThat(plans.get(2)).contains("points_by_time");
        assertThat(plans.get(3)).contains("runs_by_started");
        assertThat(plans.get(4)).contains("runs_by_job");
        assertThat(plans.get(5)).contains("points_by_job_time (job=? AND time>? AND time<?)");
    }

    @Test
    void theBucketQueryAndThePointCountReadThroughTheIndexesOnJobOrServerAndTime() {
        java.util.Set<String> twoJobs = java.util.Set.of("blog", "crm");
        String byJobs = plan(TimelineQueries.bucketsSql(TimelineScope.everything(), twoJobs), 0, 3_600_000, 0, 1,
                "blog", "crm");
        String byServer = plan(TimelineQueries.bucketsSql(TimelineScope.server("web"), java.util.Set.of()), 0,
                3_600_000, 0, 1, "web");
        String byJob = plan(TimelineQueries.bucketsSql(TimelineScope.job("blog"), java.util.Set.of()), 0, 3_600_000,
                0, 1, "blog");
        String counts = plan(TimelineQueries.countsSql(TimelineScope.everything(), twoJobs), 0, 1, "blog", "crm");
        String serverCounts = plan(TimelineQueries.countsSql(TimelineScope.server("web"), java.util.Set.of()), 0, 1,
                "web");

        assertThat(byJobs).contains("points_by_job_time (job=? AND time>? AND time<?)",
                "verifications_by_artifact (point=? AND source=?)", "sqlite_autoindex_artifacts_1 (point=?)");
        assertThat(byServer).contains("points_by_server_time (server=? AND time>? AND time<?)");
        assertThat(byJob).contains("points_by_job_time (job=? AND time>? AND time<?)");
        assertThat(byJobs + byServer + byJob).doesNotContain("SCAN p", "SCAN a ", "SCAN verifications");
        assertThat(counts).contains("COVERING INDEX points_by_job_time (job=? AND time>? AND time<?)");
        assertThat(serverCounts).contains("points_by_server_time (server=? AND time>? AND time<?)");
    }

    @Test
    void theCellQueryReadsARangeOfCellsOfTheJobsOrTheServer() {
        java.util.Set<String> twoJobs = java.util.Set.of("blog", "crm");
        String byJobs = plan(TimelineQueries.cellsSql(TimelineScope.everything(), twoJobs), 0, 1, 0, 10,
                "blog", "crm");
        String byServer = plan(TimelineQueries.cellsSql(TimelineScope.server("web"), java.util.Set.of()), 0, 1, 0, 10,
                "web");
        String byJob = plan(TimelineQueries.cellsSql(TimelineScope.job("blog"), java.util.Set.of()), 0, 1, 0, 10,
                "blog");

        assertThat(byJobs).contains("SEARCH p USING PRIMARY KEY (job=? AND cell>? AND cell<?)");
        assertThat(byServer).contains("timeline_cells_by_server (server=? AND cell>? AND cell<?)");
        assertThat(byJob).contains("SEARCH p USING PRIMARY KEY (job=? AND cell>? AND cell<?)");
    }

    private String plan(String sql, Object... params) {
        return catalog.connection().autocommit(c -> Rows.query(c, "EXPLAIN QUERY PLAN " + sql,
                (ResultSet row) -> row.getString("detail"), params)).toString();
    }
}
