package app.mamori.ui.timeline;

import app.mamori.catalog.TimelineBucket;
import app.mamori.catalog.TimelinePoint;

/**
 * How a mark looks: each status has its own shape as well as its own colour, so it reads without
 * colour vision and in print. Ordered from least to most urgent; where marks crowd into one
 * pixel, the most urgent one is drawn.
 */
public enum Look {
    /** A restore drill passed: a filled diamond. */
    DRILLED,
    /** The checksum or format check passed: a filled circle. */
    VERIFIED,
    /** A pre-restore safety point: a filled square. */
    SAFETY,
    /** Never checked: a hollow circle. */
    UNCHECKED,
    /** A check failed: a filled triangle pointing down. */
    FAILED;

    public static Look of(TimelinePoint p) {
        return of(TimelineBucket.State.of(p));
    }

    /** A bar of many points takes the look of their most urgent state. */
    public static Look of(TimelineBucket.State state) {
        return values()[state.ordinal()];
    }
}
