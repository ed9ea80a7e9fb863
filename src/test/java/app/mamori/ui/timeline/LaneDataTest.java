package app.mamori.ui.timeline;

import app.mamori.catalog.PointKind;
import app.mamori.catalog.TimelineLane;
import app.mamori.catalog.TimelinePoint;
import app.mamori.catalog.TimelineRun;
import app.mamori.model.RunStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class LaneDataTest {
    private static final TimelineLane LANE = new TimelineLane("web", "blog", "db", "sqlite");

    private static TimelinePoint point(int hour, String sha, TimelinePoint.Check check, PointKind kind) {
        return new TimelinePoint("blog/p" + hour, "blog", "web", "db", Instant.parse("2026-12-01T00:00:00Z")
                .plusSeconds(3600L * hour), RunStatus.SUCCEEDED, check, Optional.empty(), Optional.empty(),
                Optional.empty(), 100, OptionalLong.empty(), sha, kind, kind == PointKind.PRE_RESTORE);
    }

    @Test
    void consecutiveIdenticalPointsFoldIntoOneMarkStandingForTheNewest() {
        LaneData lane = LaneData.of(LANE, List.of(
                point(0, "a", TimelinePoint.Check.VERIFIED, PointKind.NORMAL),
                point(1, "b", TimelinePoint.Check.VERIFIED, PointKind.NORMAL),
                point(2, "b", TimelinePoint.Check.VERIFIED, PointKind.NORMAL),
                point(3, "b", TimelinePoint.Check.VERIFIED, PointKind.NORMAL),
                point(4, "b", TimelinePoint.Check.FAILED, PointKind.NORMAL),
                point(5, "b", TimelinePoint.Check.FAILED, PointKind.PRE_RESTORE)), List.of(), List.of());

        assertThat(lane.marks()).isEqualTo(4);
        assertThat(lane.markCount(1)).isEqualTo(3);
        assertThat(lane.markPoint(1).id()).isEqualTo("blog/p3");
        assertThat(lane.markFirst(1).id()).isEqualTo("blog/p1");
        assertThat(lane.beforeMark(1).id()).isEqualTo("blog/p0");
        assertThat(lane.markOf("blog/p2")).isEqualTo(1);
        assertThat(Look.of(lane.markPoint(2))).isEqualTo(Look.FAILED);
        assertThat(Look.of(lane.markPoint(0))).isEqualTo(Look.VERIFIED);
    }

    @Test
    void theNearestMarkIsFoundByTimeAndOnlyFailedRunsAreKept() {
        LaneData lane = LaneData.of(LANE, List.of(point(0, "a", TimelinePoint.Check.UNCHECKED, PointKind.NORMAL),
                point(10, "b", TimelinePoint.Check.DRILLED, PointKind.NORMAL)), List.of(
                new TimelineRun(1, "blog", Instant.parse("2026-12-01T04:00:00Z"), RunStatus.FAILED, Optional.of("x")),
                new TimelineRun(2, "blog", Instant.parse("2026-12-01T05:00:00Z"), RunStatus.SUCCEEDED,
                        Optional.empty())), List.of());

        assertThat(lane.nearestMark(Instant.parse("2026-12-01T04:00:00Z").toEpochMilli())).isZero();
        assertThat(lane.nearestMark(Instant.parse("2026-12-01T06:00:00Z").toEpochMilli())).isEqualTo(1);
        assertThat(lane.failedRuns()).extracting(TimelineRun::id).containsExactly(1L);
        assertThat(Look.of(lane.markPoint(1))).isEqualTo(Look.DRILLED);
        assertThat(Look.of(lane.markPoint(0))).isEqualTo(Look.UNCHECKED);
    }

    @Test
    void aBarTakesTheLookOfItsBucketsMostUrgentStateInTheSameOrder() {
        assertThat(java.util.Arrays.stream(Look.values()).map(Enum::name)).containsExactly(
                java.util.Arrays.stream(app.mamori.catalog.TimelineBucket.State.values()).map(Enum::name)
                        .toArray(String[]::new));
        for (TimelinePoint.Check check : TimelinePoint.Check.values()) {
            for (PointKind kind : List.of(PointKind.NORMAL, PointKind.PRE_RESTORE)) {
                TimelinePoint p = point(0, "a", check, kind);
                assertThat(Look.of(p).name()).isEqualTo(app.mamori.catalog.TimelineBucket.State.of(p).name());
            }
        }
        assertThat(Look.of(point(0, "a", TimelinePoint.Check.FAILED, PointKind.PRE_RESTORE))).isEqualTo(Look.FAILED);
        assertThat(Look.of(point(0, "a", TimelinePoint.Check.DRILLED, PointKind.PRE_RESTORE))).isEqualTo(Look.SAFETY);
    }
}
