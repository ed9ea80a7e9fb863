package app.mamori.ui.dashboard;

import app.mamori.catalog.JobPause;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One job's line on the dashboard, as data: the view formats it.
 *
 * @param vaultBytes stored bytes of the job's restore points
 * @param problem    what is wrong, for a person (the last run's error, or why it is overdue)
 * @param breaches   the recovery objectives the job breaches, with by how much: "RPO 1d breached by 2d 3h"
 * @param paused     since when and why the admin paused the job, while it is paused
 */
public record JobRow(String job, String server, String vault, Health health, Optional<Instant> lastSuccess,
                     Optional<String> lastResult, Optional<String> schedule, Optional<Instant> nextRun,
                     long vaultBytes, int points, Optional<String> problem, List<String> breaches,
                     Optional<JobPause> paused, Optional<app.mamori.service.OffsiteService.Offsite> offsite) {

    public JobRow {
        breaches = List.copyOf(breaches);
        paused = paused == null ? Optional.empty() : paused;
        offsite = offsite == null ? Optional.empty() : offsite;
    }

    /** A row of a job that copies nothing offsite. */
    public JobRow(String job, String server, String vault, Health health, Optional<Instant> lastSuccess,
                  Optional<String> lastResult, Optional<String> schedule, Optional<Instant> nextRun,
                  long vaultBytes, int points, Optional<String> problem, List<String> breaches,
                  Optional<JobPause> paused) {
        this(job, server, vault, health, lastSuccess, lastResult, schedule, nextRun, vaultBytes, points, problem,
                breaches, paused, Optional.empty());
    }

    /** A row of a job that is not paused. */
    public JobRow(String job, String server, String vault, Health health, Optional<Instant> lastSuccess,
                  Optional<String> lastResult, Optional<String> schedule, Optional<Instant> nextRun,
                  long vaultBytes, int points, Optional<String> problem, List<String> breaches) {
        this(job, server, vault, health, lastSuccess, lastResult, schedule, nextRun, vaultBytes, points, problem,
                breaches, Optional.empty());
    }

    /** A row of a job that breaches no objective. */
    public JobRow(String job, String server, String vault, Health health, Optional<Instant> lastSuccess,
                  Optional<String> lastResult, Optional<String> schedule, Optional<Instant> nextRun,
                  long vaultBytes, int points, Optional<String> problem) {
        this(job, server, vault, health, lastSuccess, lastResult, schedule, nextRun, vaultBytes, points, problem,
                List.of());
    }
}
