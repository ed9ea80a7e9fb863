package app.mamori.engine.timeline;

import app.mamori.catalog.TimelineBucket;
import app.mamori.catalog.TimelinePoint;
import app.mamori.catalog.TimelineRun;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one window of time holds for a scope: every artifact of every point, oldest first; every
 * run, oldest first; the gaps of scheduled jobs. Read for a view at a {@code resolution}, a job
 * with more points than the window has buckets of that width comes as {@code buckets} instead of
 * points, and only the runs a view marks (those that failed) are listed.
 *
 * @param gapsCut    true when a job's schedule had too many slots in the window to look for gaps in all of
 *                   them (a minutely job over months): zoom in to see them
 * @param buckets    per lane and bucket, oldest first within a lane, of the jobs read as buckets
 * @param resolution the buckets' width, {@link Duration#ZERO} when every job came as points
 */
public record TimelineWindow(Instant from, Instant to, List<TimelinePoint> points, List<TimelineRun> runs,
                             List<Gap> gaps, boolean gapsCut, List<TimelineBucket> buckets, Duration resolution) {
    public TimelineWindow {
        points = List.copyOf(points);
        runs = List.copyOf(runs);
        gaps = List.copyOf(gaps);
        buckets = List.copyOf(buckets);
    }

    /** A window of points only, each one listed. */
    public TimelineWindow(Instant from, Instant to, List<TimelinePoint> points, List<TimelineRun> runs, List<Gap> gaps,
                          boolean gapsCut) {
        this(from, to, points, runs, gaps, gapsCut, List.of(), Duration.ZERO);
    }
}
