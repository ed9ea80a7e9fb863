package app.mamori.ui.timeline;

import java.time.Duration;
import java.time.Instant;

/**
 * The visible span of time, as epoch milliseconds, and how it maps onto a width in pixels.
 * Immutable: zooming and panning return a new scale.
 *
 * @param start the time at the left edge
 * @param end   the time at the right edge
 */
public record TimeScale(double start, double end) {
    /** Zoomed in as far as this, a minute's marks stand apart. */
    public static final double MIN_SPAN = Duration.ofMinutes(10).toMillis();
    /** Zoomed out as far as this, a long-lived office's whole history fits. */
    public static final double MAX_SPAN = Duration.ofDays(366L * 30).toMillis();

    public TimeScale {
        if (!(end > start)) {
            // a caller's mistake, never shown: the view only builds scales from a window it has checked
            throw new IllegalArgumentException(start + " to " + end + ": a time scale must end after it starts");
        }
    }

    public static TimeScale of(Instant start, Instant end) {
        return new TimeScale(start.toEpochMilli(), end.toEpochMilli());
    }

    /** The span ending at {@code now} plus a little room, so the newest point is not on the edge. */
    public static TimeScale endingAt(Instant now, Duration span) {
        double s = span.toMillis();
        double end = now.toEpochMilli() + s / 20;
        return new TimeScale(end - s, end);
    }

    public double span() {
        return end - start;
    }

    public double x(double time, double width) {
        return (time - start) / span() * width;
    }

    public double time(double x, double width) {
        return start + x / width * span();
    }

    /** Scales the span by {@code factor} (below 1 zooms in) keeping the time at {@code anchor} (0 left, 1 right) in place. */
    public TimeScale zoomed(double factor, double anchor) {
        double span = Math.max(MIN_SPAN, Math.min(MAX_SPAN, span() * factor));
        double pivot = start + anchor * span();
        double newStart = pivot - anchor * span;
        return new TimeScale(newStart, newStart + span);
    }

    /** Moves by {@code fraction} of the span: positive later, negative earlier. */
    public TimeScale panned(double fraction) {
        double by = fraction * span();
        return new TimeScale(start + by, end + by);
    }

    /** The same span with {@code time} in the middle. */
    public TimeScale centredOn(double time) {
        double half = span() / 2;
        return new TimeScale(time - half, time + half);
    }

    public boolean contains(double time) {
        return time >= start && time <= end;
    }

    public Instant startInstant() {
        return Instant.ofEpochMilli((long) Math.floor(start));
    }

    public Instant endInstant() {
        return Instant.ofEpochMilli((long) Math.ceil(end));
    }
}
