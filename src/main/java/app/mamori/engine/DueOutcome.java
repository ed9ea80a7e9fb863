package app.mamori.engine;

import java.util.Optional;

/**
 * What run-due did with one due job.
 *
 * @param missed slots missed while the workstation was off, caught up by this one run
 * @param run    the run, when one happened
 */
public record DueOutcome(String job, Kind kind, int missed, Optional<RunResult> run, String message) {

    /** PAUSED: due, but the admin paused the job, so it was not started (nor counted as failed). */
    public enum Kind { SUCCEEDED, FAILED, ALREADY_RUNNING, BAD_SCHEDULE, PAUSED }

    public boolean failed() {
        return kind == Kind.FAILED || kind == Kind.BAD_SCHEDULE;
    }
}
