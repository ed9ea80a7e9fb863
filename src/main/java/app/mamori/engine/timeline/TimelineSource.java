package app.mamori.engine.timeline;

import app.mamori.catalog.TimelineLane;
import app.mamori.catalog.TimelineScope;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Where a timeline view reads from: {@link Timeline} over the catalogue, or a service layer in front of it. */
public interface TimelineSource {

    List<TimelineLane> lanes(TimelineScope scope);

    TimelineWindow window(TimelineScope scope, Instant from, Instant to);

    Map<String, List<String>> keptBy(TimelineScope scope);
}
