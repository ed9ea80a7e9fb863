package app.mamori.catalog;

import java.util.Comparator;

/**
 * One row of the timeline: one source as one job backs it up.
 *
 * @param kind the source's kind as stored ({@code postgres}, {@code files}, ...)
 */
public record TimelineLane(String server, String job, String source, String kind) {

    /** Server, then job, then source: an office's lanes grouped the way the admin thinks of them. */
    public static final Comparator<TimelineLane> ORDER = Comparator.comparing(TimelineLane::server)
            .thenComparing(TimelineLane::job).thenComparing(TimelineLane::source);

    public boolean holds(TimelinePoint p) {
        return job.equals(p.job()) && source.equals(p.source());
    }
}
