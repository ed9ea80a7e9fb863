package app.mamori.ui.timeline;

import app.mamori.catalog.TimelineBucket;
import app.mamori.catalog.TimelinePoint;
import app.mamori.catalog.TimelineRun;
import app.mamori.engine.timeline.Gap;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.List;

/**
 * Draws the timeline onto one canvas: the axis, then per visible lane its gaps, failed runs,
 * sparkline and marks, then the lane headers. Only lanes in view and, within them, only the
 * marks in the visible span are touched, found by binary search; where marks crowd closer than
 * a mark's width, each pixel column draws one bar in the most urgent look of its marks. A lane
 * read as buckets draws each bucket as one bar from its oldest to its newest point.
 */
final class TimelineRenderer {
    static final double HEADER_WIDTH = 210;
    static final double AXIS_HEIGHT = 30;
    static final double LANE_HEIGHT = 50;
    static final double MARK_RADIUS = 6;
    private static final double MARK_ROW = 19;
    private static final double SPARK_HEIGHT = 14;
    /** Closer than this, marks would overlap: draw them as bars, one per pixel column (and read buckets this wide). */
    static final double DENSE_SPACING = 2 * MARK_RADIUS + 2;

    /** What one frame shows. */
    record Frame(double width, double height, TimeScale scale, List<LaneData> lanes, double scrollY,
                 TimelineViewModel.Selection selection, long now, List<Ticks.Tick> ticks, String nowLabel,
                 String emptyLabel) {
    }

    private final Font font = Font.font(Font.getDefault().getFamily(), 12);
    private final Font bold = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 12);
    private final Font small = Font.font(Font.getDefault().getFamily(), 10.5);
    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();
    private int marksDrawn;
    private final TimelineText words;

    TimelineRenderer(TimelineText words) {
        this.words = words;
    }

    /** Draws one frame; returns how many marks and bars it drew (the test of "only what is visible"). */
    int draw(GraphicsContext g, Palette p, Frame f) {
        marksDrawn = 0;
        g.setFill(p.background());
        g.fillRect(0, 0, f.width(), f.height());
        double plotWidth = Math.max(1, f.width() - HEADER_WIDTH);
        g.save();
        g.beginPath();
        g.rect(HEADER_WIDTH, 0, plotWidth, f.height());
        g.clip();
        axis(g, p, f, plotWidth);
        int first = Math.max(0, (int) (f.scrollY() / LANE_HEIGHT));
        int last = Math.min(f.lanes().size() - 1, (int) ((f.scrollY() + f.height() - AXIS_HEIGHT) / LANE_HEIGHT));
        g.save();
        g.beginPath();
        g.rect(HEADER_WIDTH, AXIS_HEIGHT, plotWidth, f.height() - AXIS_HEIGHT);
        g.clip();
        for (int i = first; i <= last; i++) {
            lane(g, p, f, i, laneTop(i, f.scrollY()), plotWidth);
        }
        nowLine(g, p, f, plotWidth);
        g.restore();
        g.restore();
        headers(g, p, f, first, last);
        if (f.lanes().isEmpty()) {
            g.setFill(p.muted());
            g.setFont(font);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(f.emptyLabel(), HEADER_WIDTH + 16, AXIS_HEIGHT + 24);
        }
        return marksDrawn;
    }

    static double laneTop(int lane, double scrollY) {
        return AXIS_HEIGHT + lane * LANE_HEIGHT - scrollY;
    }

    static double markY(double laneTop) {
        return laneTop + MARK_ROW;
    }

    private void axis(GraphicsContext g, Palette p, Frame f, double plotWidth) {
        g.setFont(small);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (Ticks.Tick t : f.ticks()) {
            double x = Math.round(HEADER_WIDTH + f.scale().x(t.time(), plotWidth)) + 0.5;
            g.setStroke(p.grid());
            g.setLineWidth(t.major() ? 1 : 0.5);
            g.strokeLine(x, t.major() ? 6 : AXIS_HEIGHT - 8, x, f.height());
            g.setFill(t.major() ? p.text() : p.muted());
            g.setFont(t.major() ? bold : small);
            // a label that would run off the canvas is left out rather than shown cut (a bare ":" or "1")
            if (x + 4 + textWidth(t.label(), t.major() ? bold : small) <= HEADER_WIDTH + plotWidth) {
                g.fillText(t.label(), x + 4, AXIS_HEIGHT / 2);
            }
        }
        g.setStroke(p.grid());
        g.setLineWidth(1);
        g.strokeLine(HEADER_WIDTH, AXIS_HEIGHT - 0.5, HEADER_WIDTH + plotWidth, AXIS_HEIGHT - 0.5);
    }

    private void lane(GraphicsContext g, Palette p, Frame f, int index, double top, double plotWidth) {
        LaneData lane = f.lanes().get(index);
        if (index % 2 == 1) {
            g.setFill(p.laneAlt());
            g.fillRect(HEADER_WIDTH, top, plotWidth, LANE_HEIGHT);
        }
        TimeScale s = f.scale();
        g.setFill(p.gap());
        for (Gap gap : lane.gaps()) {
            double x0 = x(s, gap.from().toEpochMilli(), plotWidth);
            double x1 = x(s, gap.to().toEpochMilli(), plotWidth);
            if (x1 >= HEADER_WIDTH && x0 <= HEADER_WIDTH + plotWidth) {
                g.fillRect(x0, top + 1, Math.max(2, x1 - x0), LANE_HEIGHT - 2);
            }
        }
        g.setStroke(p.failed());
        g.setLineWidth(2);
        for (TimelineRun run : lane.failedRuns()) {
            double x = x(s, run.started().toEpochMilli(), plotWidth);
            if (x >= HEADER_WIDTH - 6 && x <= HEADER_WIDTH + plotWidth + 6) {
                cross(g, x, markY(top) + 13, 4);
            }
        }
        if (lane.summarised()) {
            bucketSparkline(g, p, lane, s, top, plotWidth);
            buckets(g, p, lane, s, markY(top), plotWidth);
        } else {
            sparkline(g, p, lane, s, top, plotWidth);
            marks(g, p, lane, s, markY(top), plotWidth);
        }
        selection(g, p, f, index, lane, markY(top), plotWidth);
        g.setStroke(p.grid());
        g.setLineWidth(0.5);
        g.strokeLine(HEADER_WIDTH, top + LANE_HEIGHT - 0.25, HEADER_WIDTH + plotWidth, top + LANE_HEIGHT - 0.25);
    }

    private void marks(GraphicsContext g, Palette p, LaneData lane, TimeScale s, double y, double plotWidth) {
        double pad = s.span() * (MARK_RADIUS + 2) / plotWidth;
        int from = lane.firstMarkAtOrAfter(s.start() - pad);
        int to = lane.firstMarkAtOrAfter(s.end() + pad);
        boolean dense = (to - from) * DENSE_SPACING > plotWidth;
        if (dense) {
            bars(g, p, lane, s, from, to, y, plotWidth);
        } else {
            g.setFont(small);
            g.setTextAlign(TextAlignment.LEFT);
            for (int m = from; m < to; m++) {
                double x = x(s, lane.markTime(m), plotWidth);
                shape(g, p, Look.of(lane.markPoint(m)), x, y);
                marksDrawn++;
                if (lane.markCount(m) > 1) {
                    g.setFill(p.muted());
                    g.fillText("\u00d7" + lane.markCount(m), x + MARK_RADIUS + 2, y - MARK_RADIUS - 1);
                }
            }
        }
    }

    /** The ring around the selected mark; a selection kept while its lane is read as buckets rings its point's time. */
    private void selection(GraphicsContext g, Palette p, Frame f, int index, LaneData lane, double y, double plotWidth) {
        TimelineViewModel.Selection sel = f.selection();
        if (sel != null && sel.lane() == index) {
            double time = sel.mark() >= 0 && sel.mark() < lane.marks() ? lane.markTime(sel.mark())
                    : sel.point().time().toEpochMilli();
            double x = x(f.scale(), time, plotWidth);
            g.setStroke(p.selection());
            g.setLineWidth(2);
            g.strokeOval(x - MARK_RADIUS - 4, y - MARK_RADIUS - 4, 2 * MARK_RADIUS + 8, 2 * MARK_RADIUS + 8);
        }
    }

    /** One bar per bucket, from its oldest to its newest point, in the look of its most urgent point. */
    private void buckets(GraphicsContext g, Palette p, LaneData lane, TimeScale s, double y, double plotWidth) {
        int from = lane.firstBucketEndingAtOrAfter(s.start());
        for (int b = from; b < lane.buckets(); b++) {
            TimelineBucket bucket = lane.bucket(b);
            if (bucket.first().toEpochMilli() > s.end()) {
                break;
            }
            Look look = Look.of(bucket.worst());
            double x0 = Math.floor(x(s, bucket.first().toEpochMilli(), plotWidth));
            double x1 = x(s, bucket.last().toEpochMilli(), plotWidth);
            double h = look == Look.FAILED ? 2 * MARK_RADIUS + 2 : 2 * MARK_RADIUS - 2;
            g.setFill(p.of(look));
            g.fillRect(x0, y - h / 2, Math.max(1.5, x1 - x0 + 1.5), h);
            marksDrawn++;
        }
    }

    /**
     * The sizes of a bucketed lane: a line through each bucket's largest point, with a stroke down to
     * its smallest where that is lower, so a dump that shrank inside a bucket still shows.
     */
    private void bucketSparkline(GraphicsContext g, Palette p, LaneData lane, TimeScale s, double top,
                                 double plotWidth) {
        if (lane.maxSize() <= 0) {
            return;
        }
        double bottom = top + LANE_HEIGHT - 4;
        g.setStroke(p.spark());
        g.setLineWidth(1.2);
        g.beginPath();
        int from = Math.max(0, lane.firstBucketEndingAtOrAfter(s.start()) - 1);
        int to = Math.min(lane.buckets(), lane.firstBucketEndingAtOrAfter(s.end()) + 1);
        for (int b = from; b < to; b++) {
            TimelineBucket bucket = lane.bucket(b);
            double x = x(s, (bucket.first().toEpochMilli() + bucket.last().toEpochMilli()) / 2.0, plotWidth);
            double high = bottom - SPARK_HEIGHT * lane.sizeHeight(bucket.maxSize());
            double low = bottom - SPARK_HEIGHT * lane.sizeHeight(bucket.minSize());
            if (b == from) {
                g.moveTo(x, high);
            } else {
                g.lineTo(x, high);
            }
            if (low - high > 1) {
                g.lineTo(x, low);
                g.moveTo(x, high);
            }
        }
        g.stroke();
    }

    /** Many marks per pixel: one bar per pixel column, in the most urgent look found there. */
    private void bars(GraphicsContext g, Palette p, LaneData lane, TimeScale s, int from, int to, double y,
                      double plotWidth) {
        int m = from;
        while (m < to) {
            int column = (int) Math.floor(x(s, lane.markTime(m), plotWidth));
            double columnEnd = s.time(column + 1 - HEADER_WIDTH, plotWidth);
            int end = Math.max(m + 1, Math.min(to, lane.firstMarkAtOrAfter(columnEnd)));
            Look worst = Look.DRILLED;
            for (int k = m; k < end && worst != Look.FAILED; k++) {
                Look look = Look.of(lane.markPoint(k));
                worst = look.ordinal() > worst.ordinal() ? look : worst;
            }
            g.setFill(p.of(worst));
            double h = worst == Look.FAILED ? 2 * MARK_RADIUS + 2 : 2 * MARK_RADIUS - 2;
            g.fillRect(column, y - h / 2, 1.5, h);
            marksDrawn++;
            m = end;
        }
    }

    private void sparkline(GraphicsContext g, Palette p, LaneData lane, TimeScale s, double top, double plotWidth) {
        if (lane.points() < 2 || lane.maxSize() <= 0) {
            return;
        }
        int from = Math.max(0, lane.firstPointAtOrAfter(s.start()) - 1);
        int to = Math.min(lane.points(), lane.firstPointAtOrAfter(s.end()) + 1);
        double bottom = top + LANE_HEIGHT - 4;
        g.setStroke(p.spark());
        g.setLineWidth(1.2);
        g.beginPath();
        int lastColumn = Integer.MIN_VALUE;
        for (int i = from; i < to; i++) {
            TimelinePoint pt = lane.point(i);
            double x = x(s, pt.time().toEpochMilli(), plotWidth);
            int column = (int) x;
            if (column == lastColumn && i != to - 1) {
                continue; // one vertex per pixel column is all a line can show
            }
            double y = bottom - SPARK_HEIGHT * lane.sizeHeight(pt.size());
            if (lastColumn == Integer.MIN_VALUE) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
            lastColumn = column;
        }
        g.stroke();
    }

    private void nowLine(GraphicsContext g, Palette p, Frame f, double plotWidth) {
        if (!f.scale().contains(f.now())) {
            return;
        }
        double x = Math.round(x(f.scale(), f.now(), plotWidth)) + 0.5;
        g.setStroke(p.now());
        g.setLineWidth(1.5);
        g.strokeLine(x, AXIS_HEIGHT, x, f.height());
    }

    private void headers(GraphicsContext g, Palette p, Frame f, int first, int last) {
        g.setFill(p.header());
        g.fillRect(0, 0, HEADER_WIDTH, f.height());
        g.save();
        g.beginPath();
        g.rect(0, AXIS_HEIGHT, HEADER_WIDTH - 8, f.height() - AXIS_HEIGHT);
        g.clip();
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = first; i <= last; i++) {
            double top = laneTop(i, f.scrollY());
            var lane = f.lanes().get(i).lane();
            g.setFill(p.text());
            g.setFont(bold);
            g.fillText(lane.source(), 10, top + 15);
            g.setFill(p.muted());
            g.setFont(small);
            g.fillText(words.laneHeader(lane), 10, top + 33);
        }
        g.restore();
        g.setStroke(p.grid());
        g.setLineWidth(1);
        g.strokeLine(HEADER_WIDTH - 0.5, 0, HEADER_WIDTH - 0.5, f.height());
    }

    private static double x(TimeScale s, double time, double plotWidth) {
        return HEADER_WIDTH + s.x(time, plotWidth);
    }

    private static void shape(GraphicsContext g, Palette p, Look look, double x, double y) {
        double r = MARK_RADIUS;
        g.setFill(p.of(look));
        g.setStroke(p.of(look));
        switch (look) {
            case VERIFIED -> g.fillOval(x - r, y - r, 2 * r, 2 * r);
            case DRILLED -> g.fillPolygon(new double[]{x, x + r + 1, x, x - r - 1}, new double[]{y - r - 1, y, y + r + 1, y}, 4);
            case SAFETY -> g.fillRect(x - r + 0.5, y - r + 0.5, 2 * r - 1, 2 * r - 1);
            case UNCHECKED -> {
                g.setLineWidth(2);
                g.strokeOval(x - r + 1, y - r + 1, 2 * r - 2, 2 * r - 2);
            }
            case FAILED -> g.fillPolygon(new double[]{x - r - 1, x + r + 1, x}, new double[]{y - r, y - r, y + r + 1}, 3);
        }
    }

    private static void cross(GraphicsContext g, double x, double y, double r) {
        g.strokeLine(x - r, y - r, x + r, y + r);
        g.strokeLine(x - r, y + r, x + r, y - r);
    }

    /** The width {@code text} takes in {@code font}, measured by a scene-graph Text (reused: frames are hot). */
    private double textWidth(String text, Font font) {
        measure.setFont(font);
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }
}
