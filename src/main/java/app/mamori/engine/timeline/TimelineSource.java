package app.mamori.engine.timeline;

import app.mamori.catalog.TimelineLane;
import app.mamori.catalog.TimelineScope;

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
    TimelineWindow window(TimelineScope scope, Set<String> jobs, Instant from, Instant to);

    Map<String, List<String>> keptBy(TimelineScope scope);
}
