package app.mamori.engine.timeline;

import app.mamori.catalog.TimelineLane;
import app.mamori.catalog.TimelineScope;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where a timeline view reads from: {@link Timeline} over the catalogue, or a service layer in front of it. */
public interface TimelineSource {

    List<TimelineLane> lanes(TimelineScope scope);

    /** The scope's window from {@code from} (inclusive) to {@code to} (exclusive). */
    default TimelineWindow window(TimelineScope scope, Instant from, Instant to) {
        return window(scope, Set.of(), from, to);
    }

    /** As {@link #window(TimelineScope, Instant, Instant)}, only of {@code jobs} unless empty: the lanes in view. */
    default TimelineWindow window(TimelineScope scope, Set<String> jobs, Instant from, Instant to) {
        return window(scope, jobs, from, to, Duration.ZERO);
    }

    /**
     * As {@link #window(TimelineScope, Set, Instant, Instant)}, for a view that can tell apart marks
     * {@code resolution} apart: a job with more points than that in the window comes as buckets of
     * that width from {@code from}, and only failed runs are listed. {@link Duration#ZERO}: every point.
     */
    TimelineWindow window(TimelineScope scope, Set<String> jobs, Instant from, Instant to, Duration resolution);

    /** For every point of the scope's configured jobs, the retention rules that keep it. */
    default Map<String, List<String>> keptBy(TimelineScope scope) {
        return keptBy(scope, Set.of());
    }

    /** As {@link #keptBy(TimelineScope)}, only for the points of {@code jobs} unless empty: the lanes in view. */
    Map<String, List<String>> keptBy(TimelineScope scope, Set<String> jobs);

    /**
     * As {@link #keptBy(TimelineScope, Set)}, right only for the points dated {@code since} or
     * later (a window from there), which lets it read those points instead of every job's history.
     */
    default Map<String, List<String>> keptBy(TimelineScope scope, Set<String> jobs, Instant since) {
        return keptBy(scope, jobs);
    }
}
