package app.mamori.catalog;

import java.time.Instant;
import java.util.Optional;

/**
 * A job's schedule as the catalogue keeps it, with its catch-up state.
 *
 * @param expression   as the admin wrote it: a preset or a cron expression
 * @param since        when it was set
 * @param handledUntil every slot at or before this time has been run (or passed over when it was set)
 * @param retryAfter   after a failed scheduled run, the next attempt is not before this
 * @param missedTotal  slots missed while the workstation was off, over the job's life
 * @param lastMissed   the newest missed slot
 */
public record JobSchedule(String job, String expression, Instant since, Instant handledUntil,
                          Optional<Instant> retryAfter, long missedTotal, Optional<Instant> lastMissed) {
}
