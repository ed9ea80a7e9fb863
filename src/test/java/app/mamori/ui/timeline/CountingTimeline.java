package app.mamori.ui.timeline;

import app.mamori.catalog.TimelineLane;
import app.mamori.catalog.TimelineScope;
import app.mamori.engine.timeline.TimelineSource;
import app.mamori.engine.timeline.TimelineWindow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The real timeline, counting the windows read, so a test can tell a pan that read nothing from one that did. */
final class CountingTimeline implements TimelineSource {
    private final TimelineSource real;
    volatile int windows;
    /** The jobs of each retention-reasons read, in order (empty: every job of the scope). */
    final List<Set<String>> keptByJobs = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Where each read of retention reasons planned from, in order. */
    final List<Instant> keptBySince = new java.util.concurrent.CopyOnWriteArrayList<>();

    CountingTimeline(TimelineSource real) {
        this.real = real;
    }

    @Override
    public List<TimelineLane> lanes(TimelineScope scope) {
        return real.lanes(scope);
    }

    @Override
    public TimelineWindow window(TimelineScope scope, Set<String> jobs, Instant from, Instant to,
                                 Duration resolution) {
        windows++;
        return real.window(scope, jobs, from, to, resolution);
    }

    @Override
    public Map<String, List<String>> keptBy(TimelineScope scope, Set<String> jobs) {
        keptByJobs.add(jobs);
        return real.keptBy(scope, jobs);
    }

    @Override
    public Map<String, List<String>> keptBy(TimelineScope scope, Set<String> jobs, Instant since) {
        keptByJobs.add(jobs);
        keptBySince.add(since);
        return real.keptBy(scope, jobs, since);
    }
}
