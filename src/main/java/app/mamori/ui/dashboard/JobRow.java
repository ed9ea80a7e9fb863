package app.mamori.ui.dashboard;

import java.time.Instant;
import java.util.Optional;

/**
 * One job's line on the dashboard, as data: the view formats it.
 *
 * @param vaultBytes stored bytes of the job's restore points
 * @param problem    what is wrong, for a person (the last run's error, or why it is overdue)
 */
public record JobRow(String job, String server, String vault, Health health, Optional<Instant> lastSuccess,
                     Optional<String> lastResult, Optional<String> schedule, Optional<Instant> nextRun,
                     long vaultBytes, int points, Optional<String> problem) {
}
