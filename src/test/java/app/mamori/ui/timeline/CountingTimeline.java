package app.mamori.ui.timeline;

import app.mamori.catalog.TimelineLane;
import app.mamori.catalog.TimelineScope;
import app.mamori.engine.timeline.TimelineSource;
import app.mamori.engine.timeline.TimelineWindow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The real timeline, counting the windows read, so a test can tell a pan that read nothing from one that did. */
final class CountingTimeline implements TimelineSource {
    private final TimelineSource real;
    volatile int windows;

    CountingTimeline(TimelineSource real) {
        this.real = real;
    }

    @Override
    public List<TimelineLane> lanes(TimelineScope scope) {
        return real.lanes(scope);
    }

    @Override
    public TimelineWindow window(TimelineScope scope, Set<String> jobs, Instant from, Instant to) {
        windows++;
        return real.window(scope, jobs, from, to);
    }

    @Override
    public Map<String, List<String>> keptBy(TimelineScope scope) {
        return real.keptBy(scope);
    }
}
