package app.mamori.engine.restore;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.PointCheck;
import app.mamori.catalog.RecordedPoint;
import app.mamori.catalog.SourceHistory;
import app.mamori.catalog.Verification;
import app.mamori.ui.timeline.SyntheticHistory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restore wizard reads a source's history a page at a time and walks it only as far as the
 * last known good point needs: on a real catalogue, the pages put together are the whole history
 * in order, and the walk chooses exactly what {@link LastKnownGood#choose} chose from every point
 * held in memory, for incident times all along the history, on a source with passing checks, one
 * whose checks only ever failed and one where every point is damaged.
 */
class LastKnownGoodWalkTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final int POINTS = 150;

    @TempDir
    static Path dir;
    static Path file;

    @BeforeAll
    static void history() throws Exception {
        file = dir.resolve("catalog.db");
        SyntheticHistory.write(file, 3, POINTS, NOW, Duration.ofDays(1));
        try (Catalog ignored = Catalog.open(file);
             Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            // src0: a newer failed check over a passing one, a newer pass over a failure, a failed run
            s.executeUpdate("INSERT INTO verifications (point, source, job, time, method, result, detail, duration_ms)"
                    + " VALUES ('job0/p147', 'src0', 'job0', 1, 'checksum', 'failed', 'bad', 1),"
                    + " ('job0/p97', 'src0', 'job0', 2, 'checksum', 'verified', 'ok', 1)");
            s.executeUpdate("UPDATE restore_points SET status = 'failed' WHERE id IN ('job0/p144', 'job0/p120')");
            // src1: no check ever passed
            s.executeUpdate("DELETE FROM verifications WHERE source = 'src1' AND result = 'verified'");
            // src2: every point damaged
            s.executeUpdate("INSERT INTO verifications (point, source, job, time, method, result, detail, duration_ms)"
                    + " SELECT id, 'src2', 'job2', 3, 'checksum', 'failed', 'bad', 1 FROM restore_points WHERE job = 'job2'");
        }
    }

    @Test
    void theWalkChoosesWhatTheWholeHistoryInMemoryChose() {
        try (Catalog catalog = Catalog.open(file)) {
            int verified = 0;
            int unchecked = 0;
            int none = 0;
            for (String source : List.of("src0", "src1", "src2")) {
                List<RecordedPoint> all = catalog.sourceHistory().page(source, null, 10 * POINTS);
                Map<String, Map<String, Verification>> checks = catalog.verifications()
                        .latestOfPoints(all.stream().map(RecordedPoint::id).toList());
                List<Optional<Instant>> times = new ArrayList<>(List.of(Optional.empty()));
                for (int k = -2; k <= POINTS + 1; k += 3) {
                    times.add(Optional.of(NOW.minus(Duration.ofDays(POINTS - 1 - k))));
                }
                for (Optional<Instant> before : times) {
                    LastKnownGood.Choice inMemory = LastKnownGood.choose(all, before, p -> {
                        Verification v = checks.getOrDefault(p.id(), Map.of()).get(source);
                        return PointCheck.of(1, v == null ? Map.of() : Map.of(source, v));
                    });

                    LastKnownGood.Walk walk = new LastKnownGood.Walk(before,
                            catalog.sourceHistory().everVerified(source));
                    catalog.sourceHistory().walk(source, before, walk::offer);
                    LastKnownGood.Found walked = walk.result();

                    assertThat(walked).as("%s before %s", source, before).isEqualTo(new LastKnownGood.Found(
                            inMemory.point().map(RecordedPoint::id), inMemory.why(), inMemory.skipped()));
                    switch (walked.why()) {
                        case VERIFIED -> verified++;
                        case NOT_CHECKED -> unchecked++;
                        case NONE -> none++;
                    }
                }
            }
            assertThat(verified).isGreaterThan(20);
            assertThat(unchecked).isGreaterThan(20);
            assertThat(none).isGreaterThan(20);
        }
    }

    @Test
    void pagesOlderNewerAndAroundAPointAreTheHistoryInOrder() {
        try (Catalog catalog = Catalog.open(file)) {
            SourceHistory history = catalog.sourceHistory();
            List<String> all = ids(history.page("src0", null, 10 * POINTS));
            List<String> paged = new ArrayList<>();
            List<RecordedPoint> page = history.page("src0", null, 7);
            while (!page.isEmpty()) {
                paged.addAll(ids(page));
                page = history.page("src0", page.get(page.size() - 1), 7);
            }
            RecordedPoint middle = history.page("src0", null, 60).get(59);

            assertThat(all).hasSize(POINTS).startsWith("job0/p149").endsWith("job0/p0");
            assertThat(paged).isEqualTo(all);
            assertThat(history.count("src0")).isEqualTo(POINTS);
            assertThat(ids(history.newer("src0", middle, 5))).isEqualTo(all.subList(54, 59));
            assertThat(ids(history.around("src0", middle, 11))).isEqualTo(all.subList(54, 65));
            assertThat(ids(history.around("src0", history.page("src0", null, 1).get(0), 11)))
                    .as("at the newest, the page runs older").isEqualTo(all.subList(0, 11));
            assertThat(ids(history.around("src0", history.page("src0", null, POINTS).get(POINTS - 1), 11)))
                    .as("at the oldest, the page runs newer").isEqualTo(all.subList(POINTS - 11, POINTS));
        }
    }

    private static List<String> ids(List<RecordedPoint> points) {
        return points.stream().map(RecordedPoint::id).toList();
    }
}
