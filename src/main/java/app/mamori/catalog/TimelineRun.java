package app.mamori.catalog;

import app.mamori.model.RunStatus;
import java.time.Instant;
import java.util.Optional;

/** A run as the timeline marks it: when it started, how it ended, and the admin-facing error of a failed one. */
public record TimelineRun(long id, String job, Instant started, RunStatus status, Optional<String> error) {

    /** Failed, interrupted or cancelled: what a lane marks; a succeeded run shows as its point. */
    public boolean failed() {
        return status != RunStatus.SUCCEEDED && status != RunStatus.RUNNING;
    }
}
