package app.mamori.engine.timeline;

import app.mamori.catalog.TimelinePoint;
import app.mamori.catalog.TimelineRun;

import java.time.Instant;
import java.util.List;

/**
 * What one window of time holds for a scope: every artifact of every point, oldest first; every
 * run, oldest first; the gaps of scheduled jobs.
 *
 * @param gapsCut true when a job's schedule had too many slots in the window to look for gaps in all of
 *                them (a minutely job over months): zoom in to see them
 */
public record TimelineWindow(Instant from, Instant to, List<TimelinePoint> points, List<TimelineRun> runs,
                             List<Gap> gaps, boolean gapsCut) {
    public TimelineWindow {
        points = List.copyOf(points);
        runs = List.copyOf(runs);
        gaps = List.copyOf(gaps);
    }
}
