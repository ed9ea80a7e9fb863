package app.mamori.ui.timeline;

import app.mamori.catalog.TimelineBucket;
import app.mamori.catalog.TimelineLane;
import app.mamori.catalog.TimelinePoint;
import app.mamori.catalog.TimelineRun;
import app.mamori.engine.timeline.Gap;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One lane of a loaded window, laid out for drawing: its points oldest first, and its marks, where
 * consecutive points holding the same data (same hash, same check, not held) fold into one mark
 * standing for the newest of them, with a count. A lane whose points were too dense to tell apart
 * holds buckets instead (a summary per stretch of time, no points and no marks). Times are plain
 * arrays so the control finds the visible range by binary search and draws only that.
 */
public final class LaneData {
    private final TimelineLane lane;
    private final TimelinePoint[] points;
    private final long[] pointTimes;
    private final long[] markTimes;
    private final int[] markPoint;
    private final int[] markCount;
    private final TimelineRun[] failedRuns;
    private final Gap[] gaps;
    private final TimelineBucket[] buckets;
    private final long[] bucketLasts;
    private final long minSize;
    private final long maxSize;
    private final long maxFiles;

    private LaneData(TimelineLane lane, TimelinePoint[] points, long[] markTimes, int[] markPoint, int[] markCount,
                     TimelineRun[] failedRuns, Gap[] gaps, TimelineBucket[] buckets) {
        this.lane = lane;
        this.points = points;
        this.pointTimes = Arrays.stream(points).mapToLong(p -> p.time().toEpochMilli()).toArray();
        this.markTimes = markTimes;
        this.markPoint = markPoint;
        this.markCount = markCount;
        this.failedRuns = failedRuns;
        this.gaps = gaps;
        this.buckets = buckets;
        this.bucketLasts = Arrays.stream(buckets).mapToLong(b -> b.last().toEpochMilli()).toArray();
        this.minSize = Math.min(Arrays.stream(points).mapToLong(TimelinePoint::size).min().orElse(Long.MAX_VALUE),
                Arrays.stream(buckets).mapToLong(TimelineBucket::minSize).min().orElse(Long.MAX_VALUE));
        this.maxSize = Math.max(Arrays.stream(points).mapToLong(TimelinePoint::size).max().orElse(0),
                Arrays.stream(buckets).mapToLong(TimelineBucket::maxSize).max().orElse(0));
        this.maxFiles = Arrays.stream(points).mapToLong(p -> p.files().orElse(0)).max().orElse(0);
    }

    /**
     * @param points the lane's points, oldest first
     * @param runs   the lane's job's runs; only those that failed are kept
     * @param gaps   the lane's job's gaps
     */
    public static LaneData of(TimelineLane lane, List<TimelinePoint> points, List<TimelineRun> runs, List<Gap> gaps) {
        TimelinePoint[] p = points.toArray(TimelinePoint[]::new);
        long[] times = new long[p.length];
        int[] newest = new int[p.length];
        int[] count = new int[p.length];
        int marks = 0;
        for (int i = 0; i < p.length; i++) {
            if (marks > 0 && sameData(p[newest[marks - 1]], p[i])) {
                newest[marks - 1] = i;
                count[marks - 1]++;
            } else {
                newest[marks] = i;
                count[marks] = 1;
                marks++;
            }
            times[marks - 1] = p[i].time().toEpochMilli();
        }
        return new LaneData(lane, p, Arrays.copyOf(times, marks), Arrays.copyOf(newest, marks),
                Arrays.copyOf(count, marks), failed(runs), gaps.toArray(Gap[]::new), new TimelineBucket[0]);
    }

    /**
     * A lane read as buckets: no points, no marks.
     *
     * @param buckets the lane's buckets, oldest first
     */
    public static LaneData summarised(TimelineLane lane, List<TimelineBucket> buckets, List<TimelineRun> runs,
                                      List<Gap> gaps) {
        return new LaneData(lane, new TimelinePoint[0], new long[0], new int[0], new int[0], failed(runs),
                gaps.toArray(Gap[]::new), buckets.toArray(TimelineBucket[]::new));
    }

    private static TimelineRun[] failed(List<TimelineRun> runs) {
        return runs.stream().filter(TimelineRun::failed).toArray(TimelineRun[]::new);
    }

    /** Nothing changed between them, and nothing about them differs that a mark would show. */
    static boolean sameData(TimelinePoint a, TimelinePoint b) {
        return Objects.equals(a.sha256(), b.sha256()) && a.check() == b.check() && a.kind() == b.kind()
                && !a.held() && !b.held();
    }

    public TimelineLane lane() {
        return lane;
    }

    public int marks() {
        return markTimes.length;
    }

    public long markTime(int mark) {
        return markTimes[mark];
    }

    /** The point a mark stands for: the newest of its folded run. */
    public TimelinePoint markPoint(int mark) {
        return points[markPoint[mark]];
    }

    /** How many identical points the mark folds (1 for a lone point). */
    public int markCount(int mark) {
        return markCount[mark];
    }

    /** The oldest point a mark folds. */
    public TimelinePoint markFirst(int mark) {
        return points[markPoint[mark] - markCount[mark] + 1];
    }

    /** The point before the mark's oldest, if the window holds one: what "changes since" compares with. */
    public TimelinePoint beforeMark(int mark) {
        int i = markPoint[mark] - markCount[mark];
        return i >= 0 ? points[i] : null;
    }

    /** The first mark at or after {@code time}; {@link #marks()} when there is none. */
    public int firstMarkAtOrAfter(double time) {
        return firstAtOrAfter(markTimes, time);
    }

    private static int firstAtOrAfter(long[] sorted, double time) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The mark nearest to {@code time}, or -1 for an empty lane. */
    public int nearestMark(double time) {
        if (markTimes.length == 0) {
            return -1;
        }
        int i = firstMarkAtOrAfter(time);
        if (i == markTimes.length) {
            return i - 1;
        }
        if (i > 0 && time - markTimes[i - 1] < markTimes[i] - time) {
            return i - 1;
        }
        return i;
    }

    /** The mark of point {@code id}, or -1. */
    public int markOf(String id) {
        for (int m = 0; m < markPoint.length; m++) {
            for (int i = markPoint[m] - markCount[m] + 1; i <= markPoint[m]; i++) {
                if (points[i].id().equals(id)) {
                    return m;
                }
            }
        }
        return -1;
    }

    public int points() {
        return points.length;
    }

    public TimelinePoint point(int i) {
        return points[i];
    }

    /** The first point at or after {@code time}, for the sparkline; {@link #points()} when none. */
    public int firstPointAtOrAfter(double time) {
        return firstAtOrAfter(pointTimes, time);
    }

    /** True when the lane holds buckets rather than points. */
    public boolean summarised() {
        return buckets.length > 0;
    }

    public int buckets() {
        return buckets.length;
    }

    public TimelineBucket bucket(int i) {
        return buckets[i];
    }

    /** The first bucket whose newest point is at or after {@code time}; {@link #buckets()} when none. */
    public int firstBucketEndingAtOrAfter(double time) {
        return firstAtOrAfter(bucketLasts, time);
    }

    /** The bucket holding {@code time} or nearest to it, or -1 for a lane without buckets. */
    public int nearestBucket(double time) {
        if (buckets.length == 0) {
            return -1;
        }
        int i = firstBucketEndingAtOrAfter(time);
        if (i == buckets.length) {
            return i - 1;
        }
        double after = Math.max(0, buckets[i].first().toEpochMilli() - time);
        return i > 0 && time - bucketLasts[i - 1] < after ? i - 1 : i;
    }

    public List<TimelineRun> failedRuns() {
        return List.of(failedRuns);
    }

    public List<Gap> gaps() {
        return List.of(gaps);
    }

    public long maxSize() {
        return maxSize;
    }

    /**
     * Where a size sits in the lane's sparkline, 0 at the bottom to 1 at the top: scaled between
     * the window's smallest and largest point, so a drop of a tenth shows, but never finer than a
     * twentieth of the largest, so noise stays flat.
     */
    public double sizeHeight(long size) {
        long min = Math.min(minSize, maxSize);
        double range = Math.max(maxSize - min, maxSize / 20.0);
        return range <= 0 ? 0.5 : Math.max(0, Math.min(1, (size - (maxSize - range)) / range));
    }

    public long maxFiles() {
        return maxFiles;
    }
}
