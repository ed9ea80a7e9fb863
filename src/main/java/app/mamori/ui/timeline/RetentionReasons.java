package app.mamori.ui.timeline;

import app.mamori.catalog.TimelineScope;
import app.mamori.engine.timeline.TimelineSource;
import app.mamori.ui.fx.UiExecutor;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What keeps each point of the timeline's lanes in view, read per job after its window: planned from the
 * window's start (a point's reasons depend only on the points newer than it; see
 * {@code Pruner.retentionSince}), not from the job's whole history, and read again only when a
 * later window starts earlier than any read before.
 */
final class RetentionReasons {
    private final TimelineSource timeline;
    private final UiExecutor executor;
    private final Map<String, List<String>> keptBy = new HashMap<>();
    /** Per job, the earliest time its reasons were asked from: they are right for every point since. */
    private final Map<String, Instant> asked = new HashMap<>();
    private long generation;

    RetentionReasons(TimelineSource timeline, UiExecutor executor) {
        this.timeline = timeline;
        this.executor = executor;
    }

    /** Forgets every reason: another scope is shown; a read still under way is dropped. */
    void clear() {
        generation++;
        keptBy.clear();
        asked.clear();
    }

    /**
     * Reads the reasons of the jobs of the read lanes in view ({@code first} to {@code last}),
     * unless asked already from the window's start or earlier: the lanes read a screenful either
     * side for scrolling are asked when they come into view, if ever.
     */
    void read(TimelineScope scope, LoadedWindow r, int first, int last, Consumer<Throwable> failed) {
        if (r.window() == null) {
            return;
        }
        Instant since = r.window().startInstant();
        Set<String> jobs = new HashSet<>();
        for (int i = Math.max(first, r.firstLane()); i <= Math.min(last, r.lastLane()) && i < r.lanes().size(); i++) {
            String job = r.lanes().get(i).lane().job();
            Instant before = asked.get(job);
            if (before == null || since.isBefore(before)) {
                asked.put(job, since);
                jobs.add(job);
            }
        }
        if (jobs.isEmpty()) {
            return;
        }
        long mine = generation;
        executor.submit(() -> timeline.keptBy(scope, jobs, since), kept -> {
            if (mine == generation) {
                keptBy.putAll(kept);
            }
        }, failed);
    }

    /** Point id to the rules that keep it, for the points read so far. */
    Map<String, List<String>> known() {
        return keptBy;
    }
}
