package app.mamori.catalog;

import app.mamori.model.RunStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * A run as the timeline marks it: when it started, how it ended, and the admin-facing error of a
 * failed one.
 *
 * @param ended the event that recorded how a failed run ended, whose phrase says the error in the
 *              app's language; empty for runs read without it and for runs older than such events
 */
public record TimelineRun(long id, String job, Instant started, RunStatus status, Optional<String> error,
                          Optional<Event> ended) {
    public TimelineRun {
        ended = ended == null ? Optional.empty() : ended;
    }

    public TimelineRun(long id, String job, Instant started, RunStatus status, Optional<String> error) {
        this(id, job, started, status, error, Optional.empty());
    }

    /** Failed, interrupted or cancelled: what a lane marks; a succeeded run shows as its point. */
    public boolean failed() {
        return status != RunStatus.SUCCEEDED && status != RunStatus.RUNNING;
    }
}
