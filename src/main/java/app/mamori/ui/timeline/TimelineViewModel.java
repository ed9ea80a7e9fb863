package app.mamori.ui.timeline;

import app.mamori.catalog.TimelineLane;
import app.mamori.catalog.TimelinePoint;
import app.mamori.catalog.TimelineRun;
import app.mamori.catalog.TimelineScope;
import app.mamori.engine.timeline.Gap;
import app.mamori.engine.timeline.TimelineSource;
import app.mamori.engine.timeline.TimelineWindow;
import app.mamori.ui.fx.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The timeline's state, with no node in it: the scope, the visible span, the lanes of the loaded
 * window, the selected mark. Reads the catalogue only through the executor, one window at a time:
 * the visible span and one span either side, so a pan or a zoom out by three is drawn at once from
 * what is loaded while the next window loads. A result that arrives after a newer request is dropped.
 */
public final class TimelineViewModel {
    /** Up to this many lanes are read whole; beyond, the lanes in view and a screenful either side. */
    static final int ALL_LANES = 40;
    /** A newly opened timeline shows the last two weeks. */
    static final Duration INITIAL_SPAN = Duration.ofDays(14);

    /** A selected mark: lane and mark index in {@link #lanes()}, and the point it stands for. */
    public record Selection(int lane, int mark, TimelinePoint point) {
    }

    /**
     * Everything one window load produced, built off the FX thread: every lane, those from
     * {@code firstLane} to {@code lastLane} with their points, the others empty.
     */
    public record Loaded(TimeScale window, List<LaneData> lanes, int firstLane, int lastLane, boolean gapsCut) {
        static Loaded none() {
            return new Loaded(null, List.of(), 0, -1, false);
        }
    }

    private final TimelineSource timeline;
    private final UiExecutor executor;
    private final TimelineText text;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<TimelineScope> scope = new ReadOnlyObjectWrapper<>(TimelineScope.everything());
    private final ReadOnlyObjectWrapper<TimeScale> scale;
    private final ReadOnlyObjectWrapper<Loaded> loaded = new ReadOnlyObjectWrapper<>(Loaded.none());
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper selectionText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private List<TimelineLane> laneList = List.of();
    private Map<String, List<String>> keptBy = Map.of();
    private long scopeGeneration;
    private boolean lanesReady;
    private boolean windowInFlight;
    private boolean pending;
    private int visibleFirst;
    private int visibleLast = ALL_LANES - 1;

    public TimelineViewModel(TimelineSource timeline, UiExecutor executor, TimelineText text, Clock clock) {
        this.timeline = timeline;
        this.executor = executor;
        this.text = text;
        this.clock = clock;
        this.scale = new ReadOnlyObjectWrapper<>(TimeScale.endingAt(clock.instant(), INITIAL_SPAN));
    }

    /**
     * Shows {@code s}: reads its lanes, then the visible window; what keeps each point (a prune plan
     * per job, the slowest read) follows on its own and only the hover text waits for it.
     */
    public void show(TimelineScope s) {
        scope.set(s);
        long mine = ++scopeGeneration;
        lanesReady = false;
        keptBy = Map.of();
        loading.set(true);
        executor.submit(() -> timeline.lanes(s), lanes -> {
            if (mine != scopeGeneration) {
                return;
            }
            laneList = lanes;
            lanesReady = true;
            loaded.set(Loaded.none());
            clearSelection();
            requestWindow();
            executor.submit(() -> timeline.keptBy(s), kept -> {
                if (mine == scopeGeneration) {
                    keptBy = kept;
                }
            }, this::failed);
        }, this::failed);
    }

    public void setScale(TimeScale s) {
        scale.set(s);
        if (!covered()) {
            requestWindow();
        }
    }

    /** Which lanes the control shows now (first and last, inclusive): a long list reads only those and their neighbours. */
    public void setVisibleLanes(int first, int last) {
        if (first == visibleFirst && last == visibleLast) {
            return;
        }
        visibleFirst = first;
        visibleLast = last;
        if (!covered()) {
            requestWindow();
        }
    }

    /** {@code factor} below 1 zooms in; {@code anchor} is where the pointer is, 0 left to 1 right. */
    public void zoom(double factor, double anchor) {
        setScale(scale.get().zoomed(factor, anchor));
    }

    /** Positive moves later, by that fraction of the visible span. */
    public void pan(double fraction) {
        setScale(scale.get().panned(fraction));
    }

    /** Back to the present, at the current zoom. */
    public void showNow() {
        setScale(TimeScale.endingAt(clock.instant(), Duration.ofMillis((long) scale.get().span())));
    }

    public void select(int lane, int mark) {
        List<LaneData> lanes = lanes();
        if (lane < 0 || lane >= lanes.size() || mark < 0 || mark >= lanes.get(lane).marks()) {
            clearSelection();
            return;
        }
        LaneData data = lanes.get(lane);
        selection.set(new Selection(lane, mark, data.markPoint(mark)));
        selectionText.set(text.selected(data, mark));
        if (!scale.get().contains(data.markTime(mark))) {
            setScale(scale.get().centredOn(data.markTime(mark)));
        }
    }

    public void clearSelection() {
        selection.set(null);
        selectionText.set("");
    }

    /** Selects the next (+1) or previous (-1) mark of the selected lane, or the mark nearest the middle of the first lane. */
    public boolean step(int direction) {
        Selection s = selection.get();
        if (s == null) {
            return selectNear(0, scale.get().start() + scale.get().span() / 2);
        }
        int next = s.mark() + direction;
        if (next < 0 || next >= lanes().get(s.lane()).marks()) {
            return false;
        }
        select(s.lane(), next);
        return true;
    }

    /** Moves the selection to the lane above (-1) or below (+1), to its mark nearest in time. */
    public boolean stepLane(int direction) {
        Selection s = selection.get();
        double time = s == null ? scale.get().start() + scale.get().span() / 2 : s.point().time().toEpochMilli();
        int lane = s == null ? 0 : s.lane() + direction;
        while (lane >= 0 && lane < lanes().size()) {
            if (selectNear(lane, time)) {
                return true;
            }
            lane += direction == 0 ? 1 : direction;
        }
        return false;
    }

    private boolean selectNear(int lane, double time) {
        if (lane >= lanes().size() || lanes().get(lane).marks() == 0) {
            return false;
        }
        select(lane, lanes().get(lane).nearestMark(time));
        return true;
    }

    public String describe(int lane, int mark) {
        return text.mark(lanes().get(lane), mark, keptBy);
    }

    public String describe(TimelineRun run) {
        return text.run(run);
    }

    public String describe(Gap gap) {
        return text.gap(gap);
    }

    public String laneHeader(int lane) {
        return text.lane(lanes().get(lane).lane());
    }

    private boolean covered() {
        Loaded l = loaded.get();
        TimeScale w = l.window();
        TimeScale s = scale.get();
        int last = Math.min(visibleLast, laneList.size() - 1);
        return w != null && w.start() <= s.start() && w.end() >= s.end() && l.firstLane() <= visibleFirst
                && l.lastLane() >= last;
    }

    private void requestWindow() {
        if (!lanesReady) {
            return;
        }
        if (windowInFlight) {
            pending = true;
            return;
        }
        TimeScale s = scale.get();
        TimeScale window = new TimeScale(s.start() - s.span(), s.end() + s.span());
        TimelineScope sc = scope.get();
        List<TimelineLane> lanes = laneList;
        int first = 0;
        int last = lanes.size() - 1;
        if (lanes.size() > ALL_LANES) {
            int screen = Math.max(1, visibleLast - visibleFirst + 1);
            first = Math.max(0, visibleFirst - screen);
            last = Math.min(lanes.size() - 1, visibleLast + screen);
        }
        int firstLane = first;
        int lastLane = last;
        long mine = scopeGeneration;
        windowInFlight = true;
        loading.set(true);
        executor.submit(() -> build(sc, lanes, window, firstLane, lastLane), r -> {
            windowInFlight = false;
            if (mine == scopeGeneration) {
                apply(r);
            }
            if (pending || mine != scopeGeneration) {
                pending = false;
                if (!covered()) {
                    requestWindow();
                }
            }
        }, e -> {
            windowInFlight = false;
            failed(e);
        });
    }

    private Loaded build(TimelineScope sc, List<TimelineLane> lanes, TimeScale window, int first, int last) {
        Set<String> jobs = new HashSet<>();
        if (first > 0 || last < lanes.size() - 1) {
            lanes.subList(first, last + 1).forEach(l -> jobs.add(l.job()));
        }
        TimelineWindow w = timeline.window(sc, jobs, window.startInstant(), window.endInstant());
        Map<String, List<TimelinePoint>> points = new HashMap<>();
        for (TimelinePoint p : w.points()) {
            points.computeIfAbsent(p.job() + "\u0000" + p.source(), k -> new ArrayList<>()).add(p);
        }
        Map<String, List<TimelineRun>> runs = new HashMap<>();
        w.runs().forEach(r -> runs.computeIfAbsent(r.job(), k -> new ArrayList<>()).add(r));
        Map<String, List<Gap>> gaps = new HashMap<>();
        w.gaps().forEach(g -> gaps.computeIfAbsent(g.job(), k -> new ArrayList<>()).add(g));
        List<LaneData> data = new ArrayList<>(lanes.size());
        for (int i = 0; i < lanes.size(); i++) {
            TimelineLane lane = lanes.get(i);
            boolean read = i >= first && i <= last;
            data.add(LaneData.of(lane, read ? points.getOrDefault(lane.job() + "\u0000" + lane.source(), List.of())
                    : List.of(), read ? runs.getOrDefault(lane.job(), List.of()) : List.of(),
                    read ? gaps.getOrDefault(lane.job(), List.of()) : List.of()));
        }
        return new Loaded(window, data, first, last, w.gapsCut());
    }

    private void apply(Loaded r) {
        Selection before = selection.get();
        loaded.set(r);
        loading.set(false);
        error.set("");
        if (before != null && before.lane() < r.lanes().size()) {
            int mark = r.lanes().get(before.lane()).markOf(before.point().id());
            if (mark >= 0) {
                selection.set(new Selection(before.lane(), mark, r.lanes().get(before.lane()).markPoint(mark)));
                return;
            }
        }
        if (before != null) {
            clearSelection();
        }
    }

    private void failed(Throwable e) {
        loading.set(false);
        pending = false;
        error.set(e.getMessage() == null ? e.toString() : e.getMessage());
    }

    public List<LaneData> lanes() {
        return loaded.get().lanes();
    }

    /** Replaced whenever a window arrives; the control redraws on it. */
    public ReadOnlyObjectProperty<Loaded> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TimelineScope> scopeProperty() {
        return scope.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TimeScale> scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    /** The selection in words, for screen readers (the control's accessible text). */
    public ReadOnlyStringProperty selectionTextProperty() {
        return selectionText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the last read failed, for the admin; empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public Clock clock() {
        return clock;
    }
}
