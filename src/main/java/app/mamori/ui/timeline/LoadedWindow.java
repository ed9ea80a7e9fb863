package app.mamori.ui.timeline;

import app.mamori.catalog.TimelineBucket;
import app.mamori.catalog.TimelineLane;
import app.mamori.catalog.TimelinePoint;
import app.mamori.catalog.TimelineRun;
import app.mamori.catalog.TimelineScope;
import app.mamori.engine.timeline.Gap;
import app.mamori.engine.timeline.TimelineSource;
import app.mamori.engine.timeline.TimelineWindow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one window load produced, built off the FX thread: every lane, those from
 * {@code firstLane} to {@code lastLane} with their points or buckets, the others empty.
 *
 * @param resolution the width of the buckets read, in milliseconds; 0 when every lane came as points
 */
public record LoadedWindow(TimeScale window, List<LaneData> lanes, int firstLane, int lastLane, boolean gapsCut,
                           double resolution) {

    static LoadedWindow none() {
        return new LoadedWindow(null, List.of(), 0, -1, false, 0);
    }

    /** Reads {@code window} of lanes {@code first} to {@code last} at {@code resolution} and lays each lane out. */
    static LoadedWindow read(TimelineSource timeline, TimelineScope scope, List<TimelineLane> lanes, TimeScale window,
                             int first, int last, double resolution) {
        Set<String> jobs = new HashSet<>();
        if (first > 0 || last < lanes.size() - 1) {
            lanes.subList(first, last + 1).forEach(l -> jobs.add(l.job()));
        }
        TimelineWindow w = timeline.window(scope, jobs, window.startInstant(), window.endInstant(),
                Duration.ofMillis((long) resolution));
        Map<String, List<TimelinePoint>> points = new HashMap<>();
        w.points().forEach(p -> points.computeIfAbsent(key(p.job(), p.source()), k -> new ArrayList<>()).add(p));
        Map<String, List<TimelineBucket>> buckets = new HashMap<>();
        w.buckets().forEach(b -> buckets.computeIfAbsent(key(b.job(), b.source()), k -> new ArrayList<>()).add(b));
        Map<String, List<TimelineRun>> runs = new HashMap<>();
        w.runs().forEach(r -> runs.computeIfAbsent(r.job(), k -> new ArrayList<>()).add(r));
        Map<String, List<Gap>> gaps = new HashMap<>();
        w.gaps().forEach(g -> gaps.computeIfAbsent(g.job(), k -> new ArrayList<>()).add(g));
        List<LaneData> data = new ArrayList<>(lanes.size());
        for (int i = 0; i < lanes.size(); i++) {
            TimelineLane lane = lanes.get(i);
            boolean read = i >= first && i <= last;
            String key = key(lane.job(), lane.source());
            List<TimelineRun> failed = read ? runs.getOrDefault(lane.job(), List.of()) : List.of();
            List<Gap> missed = read ? gaps.getOrDefault(lane.job(), List.of()) : List.of();
            data.add(read && buckets.containsKey(key) ? LaneData.summarised(lane, buckets.get(key), failed, missed)
                    : LaneData.of(lane, read ? points.getOrDefault(key, List.of()) : List.of(), failed, missed));
        }
        return new LoadedWindow(window, data, first, last, w.gapsCut(), w.resolution().toMillis());
    }

    private static String key(String job, String source) {
        return job + "\u0000" + source;
    }
}
