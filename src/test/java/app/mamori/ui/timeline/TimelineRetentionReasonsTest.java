package app.mamori.ui.timeline;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.TimelineScope;
import app.mamori.engine.timeline.Timeline;
import app.mamori.model.RetentionPolicy;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.UiExecutor;
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
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's timeline plans retention from each window's start instead of every job's whole
 * history, and its hover texts say exactly what the whole-history plan said: on three jobs of
 * 120 daily points with different policies, one whose newest points are unchecked (so a window
 * of them holds no verified point, but older ones are verified), one never checked at all, for
 * windows at the present and further back.
 */
class TimelineRetentionReasonsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void theHoverTextsFromTheWindowsPlanAreThoseOfTheWholeHistoryPlan(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("catalog.db");
        SyntheticHistory.write(file, 3, 120, NOW.minus(Duration.ofHours(6)), Duration.ofDays(1));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM verifications WHERE point IN (SELECT id FROM restore_points"
                    + " WHERE job = 'job1' ORDER BY time DESC LIMIT 3)");
            // job2 never checked: its newest point is kept as the newest, whatever the window
            s.executeUpdate("DELETE FROM verifications WHERE job = 'job2'");
        }
        try (Catalog catalog = Catalog.open(file)) {
            catalog.retention().set("job0", new RetentionPolicy(2, 0, 5, 3, 4, 0));
            catalog.retention().set("job1", new RetentionPolicy(1, 0, 7, 0, 6, 1));
            catalog.retention().set("job2", new RetentionPolicy(0, 0, 14, 4, 0, 0));
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            CountingTimeline counting = new CountingTimeline(new Timeline(catalog, clock, ZoneOffset.UTC));
            TimelineText text = new TimelineText(new I18n(Locale.ENGLISH), ZoneOffset.UTC);
            TimelineViewModel model = new TimelineViewModel(counting, UiExecutor.direct(), text, clock);
            Map<String, List<String>> wholeHistory = new Timeline(catalog, clock, ZoneOffset.UTC)
                    .keptBy(TimelineScope.everything());
            model.setScale(TimeScale.of(NOW.minus(Duration.ofDays(2)), NOW));
            model.show(TimelineScope.everything());
            int compared = 0;
            int kept = 0;
            for (Duration end : List.of(Duration.ZERO, Duration.ofDays(3), Duration.ofDays(20), Duration.ofDays(60))) {
                for (Duration span : List.of(Duration.ofDays(2), Duration.ofDays(10))) {
                    model.setScale(TimeScale.of(NOW.minus(end).minus(span), NOW.minus(end)));
                    for (int lane = 0; lane < model.lanes().size(); lane++) {
                        LaneData data = model.lanes().get(lane);
                        for (int mark = 0; !data.summarised() && mark < data.marks(); mark++) {
                            String hover = model.describe(lane, mark);

                            assertThat(hover).isEqualTo(text.mark(data, mark, wholeHistory));
                            compared++;
                            kept += hover.contains("Kept by retention: no retention") ? 0 : 1;
                        }
                    }
                }
            }
            assertThat(compared).isGreaterThan(200);
            assertThat(kept).isGreaterThan(20);
            assertThat(counting.keptBySince).as("planned from each window's start, never the whole history")
                    .isNotEmpty().allMatch(since -> since.isAfter(NOW.minus(Duration.ofDays(100))));
        }
    }
}
