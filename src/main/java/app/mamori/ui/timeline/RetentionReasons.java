package app.mamori.ui.timeline;

import app.mamori.catalog.TimelineScope;
import app.mamori.engine.timeline.TimelineSource;
import app.mamori.ui.fx.UiExecutor;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What keeps each point of the timeline, read for one job when a point of its lane is first
 * hovered: a prune plan of the job's points from the window's start (a point's reasons depend only
 * on the points newer than it; see {@code Pruner.retentionSince}), not its whole history, and read
 * again only when a later window starts earlier than any read before. Drawing a window never waits
 * for a plan: over a year of every job they took four times as long as the window itself.
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
     * Reads the reasons of {@code job}'s points dated {@code since} or later, unless they were
     * asked from then or earlier; {@code arrived} runs once they are in {@link #known()}.
     */
    void ask(TimelineScope scope, String job, Instant since, Runnable arrived, Consumer<Throwable> failed) {
        Instant before = asked.get(job);
        if (before != null && !since.isBefore(before)) {
            return;
        }
        asked.put(job, since);
        long mine = generation;
        executor.submit(() -> timeline.keptBy(scope, Set.of(job), since), kept -> {
            if (mine == generation) {
                keptBy.putAll(kept);
                arrived.run();
            }
        }, failed);
    }

    /** Point id to the rules that keep it, for the points read so far. */
    Map<String, List<String>> known() {
        return keptBy;
    }
}
