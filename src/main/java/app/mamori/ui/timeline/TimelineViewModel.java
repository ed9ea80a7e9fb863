package app.mamori.ui.timeline;

import app.mamori.catalog.TimelineBucket;
import app.mamori.catalog.TimelineLane;
import app.mamori.catalog.TimelinePoint;
import app.mamori.catalog.TimelineRun;
import app.mamori.catalog.TimelineScope;
import app.mamori.engine.timeline.Gap;
import app.mamori.engine.timeline.TimelineSource;
import app.mamori.ui.fx.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The timeline's state, with no node in it: the scope, the visible span, the lanes of the loaded
 * window, the selected mark. Reads the catalogue only through the executor, one window at a time:
 * the visible span and one span either side, so a pan or a zoom out by three is drawn at once from
 * what is loaded while the next window loads. A result that arrives after a newer request is dropped.
 * A window is read at the resolution of a mark's width at the current zoom: a lane with more points
 * than that comes as buckets (drawn as bars; hover and click work on the bucket), the others as
 * points; zooming in past twice that resolution reads again, finer, down to the points themselves.
 * What keeps each point (a prune plan per job, the slowest read) is read for one job when a point
 * of its lane is first described (hovered), planned from the window's start (the points from there,
 * not the job's whole history), and again only when a later window starts earlier;
 * {@link #reasonsReadProperty()} changes when it arrives, so that the hover text can follow.
 */
public final class TimelineViewModel {
    /** Up to this many lanes are read whole; beyond, the lanes in view and a screenful either side. */
    static final int ALL_LANES = 40;
    /** A newly opened timeline shows the last two weeks. */
    static final Duration INITIAL_SPAN = Duration.ofDays(14);
    /** The plot's width until the control says otherwise. */
    static final double DEFAULT_PLOT_WIDTH = 1000;

    /**
     * A selected mark: lane and mark index in {@link #lanes()}, and the point it stands for. While
     * the lane is read as buckets (zoomed out), the point stays selected with mark -1.
     */
    public record Selection(int lane, int mark, TimelinePoint point) {
    }

    private final TimelineSource timeline;
    private final UiExecutor executor;
    private final TimelineText text;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<TimelineScope> scope = new ReadOnlyObjectWrapper<>(TimelineScope.everything());
    private final ReadOnlyObjectWrapper<TimeScale> scale;
    private final ReadOnlyObjectWrapper<LoadedWindow> loaded = new ReadOnlyObjectWrapper<>(LoadedWindow.none());
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper selectionText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper reasonsRead = new ReadOnlyIntegerWrapper();
    private List<TimelineLane> laneList = List.of();
    private final RetentionReasons keptBy;
    private long scopeGeneration;
    private boolean lanesReady;
    private boolean windowInFlight;
    private boolean pending;
    private int visibleFirst;
    /** source and point id chosen before their window was read ({@link #selectPoint}); null when none waits */
    private String[] wanted;
    private long wantedTime;
    private int visibleLast = ALL_LANES - 1;
    private double plotWidth = DEFAULT_PLOT_WIDTH;

    public TimelineViewModel(TimelineSource timeline, UiExecutor executor, TimelineText text, Clock clock) {
        this.timeline = timeline;
        this.executor = executor;
        this.text = text;
        this.clock = clock;
        this.keptBy = new RetentionReasons(timeline, executor);
        this.scale = new ReadOnlyObjectWrapper<>(TimeScale.endingAt(clock.instant(), INITIAL_SPAN));
    }

    /**
     * Shows {@code s}: reads its lanes, then the visible window; what keeps each point (a prune plan
     * per job, the slowest read) is read when a point of the job is first hovered.
     */
    public void show(TimelineScope s) {
        scope.set(s);
        long mine = ++scopeGeneration;
        lanesReady = false;
        keptBy.clear();
        loading.set(true);
        executor.submit(() -> timeline.lanes(s), lanes -> {
            if (mine != scopeGeneration) {
                return;
            }
            laneList = lanes;
            lanesReady = true;
            loaded.set(LoadedWindow.none());
            clearSelection();
            requestWindow();
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

    /** How wide the plot is in pixels: with the span, what decides between points and buckets. */
    public void setPlotWidth(double width) {
        if (width <= 0 || width == plotWidth) {
            return;
        }
        plotWidth = width;
        if (!covered()) {
            requestWindow();
        }
    }

    /**
     * The time a mark's width covers at the current zoom, rounded up to a power of two milliseconds,
     * so that buckets line up from one read to the next and small zooms keep them.
     */
    double resolution() {
        return resolution(scale.get().span(), plotWidth);
    }

    /** The resolution a window is read at for {@code span} milliseconds over {@code plotWidth} pixels. */
    public static double resolution(double span, double plotWidth) {
        double markTime = span / plotWidth * TimelineRenderer.DENSE_SPACING;
        return Math.max(1, Long.highestOneBit((long) Math.ceil(markTime) - 1) << 1);
    }

    /** Zooms in on bucket {@code bucket} of lane {@code lane} until its points can be told apart, or nearly. */
    public void zoomInto(int lane, int bucket) {
        TimelineBucket b = lanes().get(lane).bucket(bucket);
        double first = b.first().toEpochMilli();
        double last = b.last().toEpochMilli();
        // three times the time its points cover: not the window's resolution, which a window read
        // zoomed far out makes decades wide (a restore wizard once opened on 1974 to 2078 for two
        // points a minute apart)
        double span = Math.min(TimeScale.MAX_SPAN, Math.max(TimeScale.MIN_SPAN, 3 * (last - first)));
        setScale(new TimeScale((first + last - span) / 2, (first + last + span) / 2));
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
            if (lanes().get(lane).summarised()) {
                selectNear(lane, time);
                return false;
            }
            if (selectNear(lane, time)) {
                return true;
            }
            lane += direction == 0 ? 1 : direction;
        }
        return false;
    }

    /** Selects the mark of {@code lane} nearest to {@code time}; on a lane of buckets, zooms in on the nearest one. */
    private boolean selectNear(int lane, double time) {
        if (lane < lanes().size() && lanes().get(lane).summarised()) {
            zoomInto(lane, lanes().get(lane).nearestBucket(time));
            return false;
        }
        if (lane >= lanes().size() || lanes().get(lane).marks() == 0) {
            return false;
        }
        select(lane, lanes().get(lane).nearestMark(time));
        return true;
    }

    /**
     * The hover text of a mark. Its retention line says "not known" until the job's reasons are
     * read: the first description of a job's mark asks for them, and {@link #reasonsReadProperty()}
     * changes when they arrive.
     */
    public String describe(int lane, int mark) {
        LaneData data = lanes().get(lane);
        TimeScale window = loaded.get().window();
        if (window != null) {
            keptBy.ask(scope.get(), data.lane().job(), window.startInstant(),
                    () -> reasonsRead.set(reasonsRead.get() + 1), this::failed);
        }
        return text.mark(data, mark, keptBy.known());
    }

    /** Counts the retention reasons read so far: a hover text showing "not known" is worth asking again when it changes. */
    public ReadOnlyIntegerProperty reasonsReadProperty() {
        return reasonsRead.getReadOnlyProperty();
    }

    /** The hover text of a bucket of a lane read as buckets. */
    public String describeBucket(int lane, int bucket) {
        return text.bucket(lanes().get(lane).bucket(bucket));
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
        LoadedWindow l = loaded.get();
        TimeScale w = l.window();
        TimeScale s = scale.get();
        int last = Math.min(visibleLast, laneList.size() - 1);
        return w != null && w.start() <= s.start() && w.end() >= s.end() && l.firstLane() <= visibleFirst
                && l.lastLane() >= last && (l.resolution() == 0 || l.resolution() <= 2 * resolution());
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
        double resolution = resolution();
        // buckets start on multiples of their width, so a bucket is the same bucket after a pan;
        // the window ends on one too, so that wide windows are sums of the catalogue's cells
        TimeScale window = new TimeScale(Math.floor((s.start() - s.span()) / resolution) * resolution,
                Math.ceil((s.end() + s.span()) / resolution) * resolution);
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
        executor.submit(() -> LoadedWindow.read(timeline, sc, lanes, window, firstLane, lastLane, resolution), r -> {
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

    /**
     * Chooses a point that a list beside the timeline chose: the view moves to its time when it
     * is out of sight, and the mark is chosen as soon as its window is read (at once when it is).
     */
    public void selectPoint(String source, String pointId, java.time.Instant time) {
        wanted = new String[]{source, pointId};
        wantedTime = time.toEpochMilli();
        if (!scale.get().contains(time.toEpochMilli())) {
            setScale(scale.get().centredOn(time.toEpochMilli()));
        }
        selectWanted();
    }

    private void selectWanted() {
        String[] w = wanted;
        if (w == null) {
            return;
        }
        List<LaneData> lanes = lanes();
        for (int i = 0; i < lanes.size(); i++) {
            if (lanes.get(i).lane().source().equals(w[0])) {
                LaneData lane = lanes.get(i);
                int mark = lane.markOf(w[1]);
                if (mark >= 0) {
                    wanted = null;
                    select(i, mark);
                } else if (lane.summarised()) {
                    // folded into a bucket at this zoom: zoom in on it until the point is a mark of its own
                    int b = lane.firstBucketEndingAtOrAfter(wantedTime);
                    if (b < lane.buckets() && lane.bucket(b).first().toEpochMilli() <= wantedTime) {
                        zoomInto(i, b);
                    }
                }
                return;
            }
        }
    }

    private void apply(LoadedWindow r) {
        try {
            applyWindow(r);
        } finally {
            selectWanted();
        }
    }

    private void applyWindow(LoadedWindow r) {
        Selection before = selection.get();
        loaded.set(r);
        loading.set(false);
        error.set("");
        if (before != null && before.lane() < r.lanes().size()) {
            LaneData lane = r.lanes().get(before.lane());
            int mark = lane.markOf(before.point().id());
            if (mark >= 0) {
                selection.set(new Selection(before.lane(), mark, lane.markPoint(mark)));
                return;
            }
            if (lane.summarised()) {
                // zoomed out past telling points apart: the point stays chosen, and is found again on zooming in
                selection.set(new Selection(before.lane(), -1, before.point()));
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
        error.set(text.error(e));
    }

    public List<LaneData> lanes() {
        return loaded.get().lanes();
    }

    /** Replaced whenever a window arrives; the control redraws on it. */
    public ReadOnlyObjectProperty<LoadedWindow> loadedProperty() {
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
