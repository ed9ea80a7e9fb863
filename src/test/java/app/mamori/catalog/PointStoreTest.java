package app.mamori.catalog;

import static app.mamori.catalog.Fixtures.blogPoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.mamori.model.Artifact;
import app.mamori.model.RestorePoint;
import app.mamori.model.RunStatus;
import app.mamori.model.SourceKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointStoreTest {
    static final Instant MONDAY = Instant.parse("2026-11-23T02:00:00Z");
    static final Instant TUESDAY = MONDAY.plus(Duration.ofDays(1));
    static final Instant WEDNESDAY = TUESDAY.plus(Duration.ofDays(1));

    @TempDir
    Path dir;
    Catalog catalog;
    long run;

    @BeforeEach
    void open() {
        catalog = Catalog.open(dir.resolve("catalog.db"));
        Fixtures.addBlogJob(catalog);
        run = catalog.runs().start("blog", ProcessHandle.current().pid());
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    @Test
    void pointsListNewestFirstWithTheirArtifactsAndManifests() {
        Map<String, Map<String, String>> manifests = Map.of("blog-db",
                Map.of("tool", "sqlite3 3.46.1", "command", "sqlite3 /srv/blog-db.db .backup"));
        catalog.points().record(blogPoint("p-mon", MONDAY, RunStatus.SUCCEEDED), run, PointKind.NORMAL);
        catalog.points().record(new RecordedPoint(blogPoint("p-wed", WEDNESDAY, RunStatus.SUCCEEDED),
                OptionalLong.of(run), PointKind.PRE_RESTORE, manifests));
        catalog.points().record(blogPoint("p-tue", TUESDAY, RunStatus.SUCCEEDED), run, PointKind.NORMAL);

        List<RecordedPoint> points = catalog.points().list("blog");

        assertThat(points).extracting(RecordedPoint::id).containsExactly("p-wed", "p-tue", "p-mon");
        RecordedPoint newest = points.get(0);
        assertThat(newest.point()).isEqualTo(blogPoint("p-wed", WEDNESDAY, RunStatus.SUCCEEDED));
        assertThat(newest.kind()).isEqualTo(PointKind.PRE_RESTORE);
        assertThat(newest.run()).hasValue(run);
        assertThat(newest.manifest("blog-db")).isEqualTo(manifests.get("blog-db"));
        assertThat(newest.manifest("uploads")).isEmpty();
        assertThat(catalog.points().list(null)).hasSize(3);
        assertThat(catalog.points().list("other-job")).isEmpty();
    }

    @Test
    void findReturnsThePointWithArtifactsInTheirOrder() {
        catalog.points().record(blogPoint("p-mon", MONDAY, RunStatus.SUCCEEDED), run, PointKind.NORMAL);

        assertThat(catalog.points().find("p-mon").orElseThrow().point().artifacts())
                .extracting(Artifact::source).containsExactly("blog-db", "uploads");
        assertThat(catalog.points().find("missing")).isEmpty();
    }

    @Test
    void pointAtOrBeforeFindsTheLatestSucceededPointNotAfterTheTime() {
        catalog.points().record(blogPoint("p-mon", MONDAY, RunStatus.SUCCEEDED), run, PointKind.NORMAL);
        catalog.points().record(blogPoint("p-tue", TUESDAY, RunStatus.FAILED), run, PointKind.NORMAL);
        catalog.points().record(blogPoint("p-wed", WEDNESDAY, RunStatus.SUCCEEDED), run, PointKind.NORMAL);

        assertThat(catalog.points().atOrBefore("blog", WEDNESDAY)).map(RecordedPoint::id).contains("p-wed");
        assertThat(catalog.points().atOrBefore("blog", WEDNESDAY.minusMillis(1))).map(RecordedPoint::id)
                .contains("p-mon");
        assertThat(catalog.points().atOrBefore("blog", MONDAY.minusSeconds(1))).isEmpty();
        assertThat(catalog.points().atOrBeforeForSource("uploads", TUESDAY.plusSeconds(5)))
                .map(RecordedPoint::id).contains("p-mon");
        assertThat(catalog.points().atOrBeforeForSource("not-a-source", WEDNESDAY)).isEmpty();
    }

    @Test
    void aPointWithABadArtifactIsNotRecordedAtAll() {
        Artifact db = new Artifact("blog-db", SourceKind.SQLITE, "a", 1, "00");
        RestorePoint twice = new RestorePoint("p-bad", "web", "blog", "nas", MONDAY, RunStatus.SUCCEEDED,
                "blog/p-bad", List.of(db, db));

        assertThatThrownBy(() -> catalog.points().record(twice, run, PointKind.NORMAL))
                .isInstanceOf(CatalogException.class);
        assertThat(catalog.points().find("p-bad")).isEmpty();
    }

    @Test
    void duplicatePointsAndUnknownRunsAreRefused() {
        catalog.points().record(blogPoint("p-mon", MONDAY, RunStatus.SUCCEEDED), run, PointKind.NORMAL);

        assertThatThrownBy(() -> catalog.points().record(blogPoint("p-mon", MONDAY, RunStatus.SUCCEEDED), run,
                PointKind.NORMAL)).hasMessage("restore point 'p-mon' already exists");
        assertThatThrownBy(() -> catalog.points().record(blogPoint("p-x", MONDAY, RunStatus.SUCCEEDED), 999,
                PointKind.NORMAL)).hasMessage("restore point 'p-x' names run 999, which does not exist");
    }

    @Test
    void rebuildReplacesOnlyThatVaultsPointsAndKeepsKnownRunLinks() {
        catalog.vaults().add(Fixtures.localVault("usb"));
        RestorePoint onUsb = new RestorePoint("p-usb", "web", "blog", "usb", MONDAY, RunStatus.SUCCEEDED,
                "blog/p-usb", List.of());
        catalog.points().record(onUsb, run, PointKind.NORMAL);
        catalog.points().record(blogPoint("p-mon", MONDAY, RunStatus.SUCCEEDED), run, PointKind.NORMAL);
        catalog.points().record(blogPoint("p-stale", TUESDAY, RunStatus.SUCCEEDED), run, PointKind.NORMAL);
        try (FileIndexWriter index = catalog.fileIndex().writer("p-stale", "uploads")) {
            index.add(new FileEntry(new byte[] {'a'}, FileType.FILE, 0644, 1, 1, "00"));
            index.commit();
        }

        catalog.points().rebuildVault("nas", List.of(
                RecordedPoint.fromManifest(blogPoint("p-mon", MONDAY, RunStatus.SUCCEEDED), PointKind.NORMAL, Map.of()),
                RecordedPoint.fromManifest(blogPoint("p-wed", WEDNESDAY, RunStatus.SUCCEEDED), PointKind.PRE_RESTORE,
                        Map.of("uploads", Map.of("tool", "tar 1.35")))));

        assertThat(catalog.points().list(null)).extracting(RecordedPoint::id)
                .containsExactly("p-wed", "p-usb", "p-mon");
        assertThat(catalog.points().find("p-mon").orElseThrow().run()).hasValue(run);
        assertThat(catalog.points().find("p-wed").orElseThrow().run()).isEmpty();
        assertThat(catalog.points().find("p-wed").orElseThrow().manifest("uploads")).containsEntry("tool", "tar 1.35");
        assertThat(catalog.fileIndex().count("p-stale", "uploads")).isZero();
    }

    @Test
    void rebuildRefusesAPointOfAnotherVaultAndChangesNothing() {
        catalog.points().record(blogPoint("p-mon", MONDAY, RunStatus.SUCCEEDED), run, PointKind.NORMAL);
        RestorePoint elsewhere = new RestorePoint("p-x", "web", "blog", "usb", MONDAY, RunStatus.SUCCEEDED, "x",
                List.of());

        assertThatThrownBy(() -> catalog.points().rebuildVault("nas",
                List.of(RecordedPoint.fromManifest(elsewhere, PointKind.NORMAL, Map.of()))))
                .hasMessageContaining("is in vault 'usb', not in vault 'nas'");
        assertThat(catalog.points().list(null)).extracting(RecordedPoint::id).containsExactly("p-mon");
    }

    @Test
    void theJobTotalsFollowEveryPointWrittenRemovedOrRebuiltAsAFullCountWould() {
        catalog.points().record(blogPoint("p-mon", MONDAY, RunStatus.SUCCEEDED), run, PointKind.NORMAL);
        catalog.points().record(blogPoint("p-tue", TUESDAY, RunStatus.FAILED), run, PointKind.NORMAL);
        catalog.points().record(blogPoint("p-wed", WEDNESDAY, RunStatus.SUCCEEDED), run, PointKind.PRE_RESTORE);
        assertThat(catalog.points().totals()).isEqualTo(counted()).containsEntry("blog",
                new PointStore.Totals(2, 2 * (1234 + 987_654)));

        catalog.points().remove("p-mon");
        assertThat(catalog.points().totals()).isEqualTo(counted());
        catalog.points().removeUnlessHeld("p-tue");
        assertThat(catalog.points().totals()).isEqualTo(counted()).containsEntry("blog",
                new PointStore.Totals(1, 1234 + 987_654));

        catalog.points().rebuildVault("nas", List.of(
                RecordedPoint.fromManifest(blogPoint("p-mon", MONDAY, RunStatus.SUCCEEDED), PointKind.NORMAL, Map.of()),
                RecordedPoint.fromManifest(blogPoint("p-thu", WEDNESDAY.plus(Duration.ofDays(1)), RunStatus.SUCCEEDED),
                        PointKind.NORMAL, Map.of())));
        assertThat(catalog.points().totals()).isEqualTo(counted()).containsEntry("blog",
                new PointStore.Totals(2, 2 * (1234 + 987_654)));
        catalog.points().remove("p-mon");
        catalog.points().remove("p-thu");
        assertThat(catalog.points().totals()).isEqualTo(counted()).isEmpty();
    }

    /** The totals counted from every point, as the dashboard once did. */
    private Map<String, PointStore.Totals> counted() {
        Map<String, PointStore.Totals> out = new java.util.HashMap<>();
        catalog.db().autocommit(c -> Rows.query(c, "SELECT p.job, COUNT(DISTINCT p.id), COALESCE(SUM(a.size), 0)"
                + " FROM restore_points p LEFT JOIN artifacts a ON a.point = p.id WHERE p.status = 'succeeded'"
                + " GROUP BY p.job", row -> out.put(row.getString(1), new PointStore.Totals(row.getLong(2),
                row.getLong(3)))));
        return out;
    }
}
