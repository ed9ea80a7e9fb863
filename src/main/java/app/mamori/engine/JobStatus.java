package app.mamori.engine;

import app.mamori.catalog.JobPause;
import app.mamori.model.RunStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One job as the dashboard and {@code mamori status} show it.
 *
 * @param schedule     the schedule as written, when the job has one
 * @param description  the schedule in plain words
 * @param nextDue      the next slot; in the past when a slot is waiting to run
 * @param lastSuccess  start of the newest succeeded run
 * @param lastRun      how the newest ended run ended
 * @param overdueAfter 1.5 times the schedule's interval
 * @param overdue      the last success (or the schedule's start, when none) is older than overdueAfter; never
 *                     while the job is paused, since the admin stopped it on purpose
 * @param problem      why the schedule cannot be read, if it cannot
 * @param paused       since when and why the admin paused the job, while it is paused
 */
public record JobStatus(String job, Optional<String> schedule, Optional<String> description,
                        Optional<Instant> nextDue, Optional<Instant> lastSuccess, Optional<RunStatus> lastRun,
                        Optional<Duration> overdueAfter, boolean overdue, long missedTotal, Optional<String> problem,
                        Optional<JobPause> paused) {

    public JobStatus {
        paused = paused == null ? Optional.empty() : paused;
    }

    /** A job that is not paused. */
    public JobStatus(String job, Optional<String> schedule, Optional<String> description, Optional<Instant> nextDue,
                     Optional<Instant> lastSuccess, Optional<RunStatus> lastRun, Optional<Duration> overdueAfter,
                     boolean overdue, long missedTotal, Optional<String> problem) {
        this(job, schedule, description, nextDue, lastSuccess, lastRun, overdueAfter, overdue, missedTotal, problem,
                Optional.empty());
    }

    public Optional<Duration> age(Instant now) {
        return lastSuccess.map(t -> Duration.between(t, now));
    }
}
