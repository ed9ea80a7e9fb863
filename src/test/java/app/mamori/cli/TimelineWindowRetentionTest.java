package app.mamori.cli;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.TimelineLane;
import app.mamori.catalog.TimelineScope;
import app.mamori.engine.timeline.Timeline;
import app.mamori.engine.timeline.TimelineWindow;
import app.mamori.model.RetentionPolicy;
import app.mamori.ui.timeline.SyntheticHistory;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code timeline --json} works out retention from the window's start instead of each job's
 * whole history, and prints exactly what it printed when it planned every job's history: on
 * three jobs of 120 daily points (every third verified, a few damaged) with different policies,
 * for windows that hold a verified point and windows that hold none.
 */
class TimelineWindowRetentionTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void theWindowsRetentionReasonsAreThoseOfTheWholeHistoryPlan(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("catalog.db");
        SyntheticHistory.write(file, 3, 120, NOW.minus(Duration.ofHours(6)), Duration.ofDays(1));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            // the two newest points of job0 unchecked: a window of them alone holds no verified point
            s.executeUpdate("DELETE FROM verifications WHERE point IN (SELECT id FROM restore_points"
                    + " WHERE job = 'job0' ORDER BY time DESC LIMIT 2)");
        }
        try (Catalog catalog = Catalog.open(file)) {
            catalog.retention().set("job0", new RetentionPolicy(3, 0, 7, 4, 6, 0));
            catalog.retention().set("job1", new RetentionPolicy(0, 0, 10, 0, 12, 2));
            catalog.retention().set("job2", new RetentionPolicy(1, 0, 0, 0, 0, 0));
            Timeline timeline = new Timeline(catalog, Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);
            TimelineScope everything = TimelineScope.everything();
            List<TimelineLane> lanes = timeline.lanes(everything);
            Map<String, List<String>> wholeHistory = timeline.keptBy(everything);
            int kept = 0;
            for (Duration back : List.of(Duration.ofHours(20), Duration.ofDays(7), Duration.ofDays(45))) {
                for (Duration end : List.of(Duration.ZERO, Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(30))) {
                    Instant to = NOW.minus(end);
                    Instant from = to.minus(back);
                    TimelineWindow window = timeline.window(everything, from, to);

                    JsonNode fromWindow = TimelineJson.of(lanes, window, timeline.keptBy(everything, Set.of(), from),
                            TimelineJson.Copies.NONE);

                    assertThat(fromWindow).as("window %s to %s", from, to)
                            .isEqualTo(TimelineJson.of(lanes, window, wholeHistory, TimelineJson.Copies.NONE));
                    kept += fromWindow.findValues("keptBy").stream().mapToInt(JsonNode::size).sum();
                }
            }
            assertThat(kept).isGreaterThan(20);
        }
    }
}
