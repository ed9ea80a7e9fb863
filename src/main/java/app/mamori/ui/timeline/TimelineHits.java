package app.mamori.ui.timeline;

import app.mamori.catalog.TimelineRun;
import app.mamori.engine.timeline.Gap;

import java.util.function.DoubleSupplier;

/**
 * What lies under a point of the timeline's canvas: a mark, a bar of many points, a failed run or
 * a gap, and where a mark or a bar is drawn. Reads the view model's loaded lanes and scale, and the
 * control's scroll position and plot width, as they are at the time of asking.
 */
final class TimelineHits {
    private static final double HIT_RADIUS = TimelineRenderer.MARK_RADIUS + 3;

    private final TimelineViewModel model;
    private final DoubleSupplier scrollY;
    private final DoubleSupplier plotWidth;

    TimelineHits(TimelineViewModel model, DoubleSupplier scrollY, DoubleSupplier plotWidth) {
        this.model = model;
        this.scrollY = scrollY;
        this.plotWidth = plotWidth;
    }

    /** What is under the pointer, in words: a mark first, then a failed run, then a gap. */
    String describe(double x, double y) {
        int[] mark = mark(x, y);
        if (mark != null) {
            return model.describe(mark[0], mark[1]);
        }
        int[] bucket = bucket(x, y);
        if (bucket != null) {
            return model.describeBucket(bucket[0], bucket[1]);
        }
        int lane = laneAt(y);
        if (lane < 0) {
            return "";
        }
        LaneData data = model.lanes().get(lane);
        TimeScale s = model.scaleProperty().get();
        for (TimelineRun run : data.failedRuns()) {
            if (Math.abs(screenX(run.started().toEpochMilli(), s) - x) <= HIT_RADIUS) {
                return model.describe(run);
            }
        }
        double t = s.time(x - TimelineRenderer.HEADER_WIDTH, plotWidth.getAsDouble());
        for (Gap gap : data.gaps()) {
            if (t >= gap.from().toEpochMilli() && t <= gap.to().toEpochMilli()) {
                return model.describe(gap);
            }
        }
        return "";
    }

    /** {lane, mark} under the pointer, or null. */
    int[] mark(double x, double y) {
        int lane = laneOfMarkRow(x, y);
        if (lane < 0) {
            return null;
        }
        TimeScale s = model.scaleProperty().get();
        LaneData data = model.lanes().get(lane);
        int mark = data.nearestMark(s.time(x - TimelineRenderer.HEADER_WIDTH, plotWidth.getAsDouble()));
        if (mark < 0 || Math.abs(screenX(data.markTime(mark), s) - x) > HIT_RADIUS) {
            return null;
        }
        return new int[]{lane, mark};
    }

    /** {lane, bucket} under the pointer on a lane read as buckets, or null. */
    int[] bucket(double x, double y) {
        int lane = laneOfMarkRow(x, y);
        if (lane < 0 || !model.lanes().get(lane).summarised()) {
            return null;
        }
        TimeScale s = model.scaleProperty().get();
        LaneData data = model.lanes().get(lane);
        int bucket = data.nearestBucket(s.time(x - TimelineRenderer.HEADER_WIDTH, plotWidth.getAsDouble()));
        double from = screenX(data.bucket(bucket).first().toEpochMilli(), s);
        double to = screenX(data.bucket(bucket).last().toEpochMilli(), s);
        return x >= from - HIT_RADIUS && x <= to + HIT_RADIUS ? new int[]{lane, bucket} : null;
    }

    /** The lane whose row of marks is under the pointer, or -1 (over the headers, the axis, or off the row). */
    private int laneOfMarkRow(double x, double y) {
        int lane = laneAt(y);
        if (lane < 0 || x < TimelineRenderer.HEADER_WIDTH) {
            return -1;
        }
        double markY = TimelineRenderer.markY(TimelineRenderer.laneTop(lane, scrollY.getAsDouble()));
        return Math.abs(y - markY) > HIT_RADIUS + 2 ? -1 : lane;
    }

    /** Where bucket {@code bucket} of lane {@code lane} is drawn (its middle), in canvas coordinates. */
    double[] bucketPosition(int lane, int bucket) {
        LaneData data = model.lanes().get(lane);
        double middle = (data.bucket(bucket).first().toEpochMilli() + data.bucket(bucket).last().toEpochMilli()) / 2.0;
        return new double[]{screenX(middle, model.scaleProperty().get()),
                TimelineRenderer.markY(TimelineRenderer.laneTop(lane, scrollY.getAsDouble()))};
    }

    private int laneAt(double y) {
        if (y < TimelineRenderer.AXIS_HEIGHT) {
            return -1;
        }
        int lane = (int) ((y - TimelineRenderer.AXIS_HEIGHT + scrollY.getAsDouble()) / TimelineRenderer.LANE_HEIGHT);
        return lane < model.lanes().size() ? lane : -1;
    }

    /** Where a time is drawn, in canvas coordinates. */
    private double screenX(double time, TimeScale s) {
        return TimelineRenderer.HEADER_WIDTH + s.x(time, plotWidth.getAsDouble());
    }

    /** Where mark {@code mark} of lane {@code lane} is drawn, in canvas coordinates. */
    double[] markPosition(int lane, int mark) {
        LaneData data = model.lanes().get(lane);
        return new double[]{screenX(data.markTime(mark), model.scaleProperty().get()),
                TimelineRenderer.markY(TimelineRenderer.laneTop(lane, scrollY.getAsDouble()))};
    }
}
