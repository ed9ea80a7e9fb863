package app.mamori.catalog;

import app.mamori.model.Refused;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How long each job's dumps and tree copies may send nothing before they are stopped as
 * stalled; a job without a row has {@link #DEFAULT}.
 */
public final class StallStore {
    /** Long enough for a dump that waits on a busy table, short enough to be told the same morning. */
    public static final Duration DEFAULT = Duration.ofMinutes(30);
    private final CatalogConnection db;

    StallStore(CatalogConnection db) {
        this.db = db;
    }

    /** The job's limit, or empty when it has the default. */
    public Optional<Duration> find(String job) {
        return db.autocommit(c -> Rows.queryOne(c, "SELECT seconds FROM job_stall WHERE job = ?",
                r -> Duration.ofSeconds(r.getLong("seconds")), job));
    }

    /** Every job's limit that is not the default, by job, in one query. */
    public Map<String, Duration> all() {
        return db.autocommit(c -> {
            Map<String, Duration> out = new HashMap<>();
            Rows.query(c, "SELECT job, seconds FROM job_stall",
                    r -> out.put(r.getString("job"), Duration.ofSeconds(r.getLong("seconds"))));
            return out;
        });
    }

    public Duration get(String job) {
        return find(job).orElse(DEFAULT);
    }

    /** Sets the job's limit; empty goes back to the default. */
    public void set(String job, Optional<Duration> limit) {
        limit.ifPresent(d -> {
            if (d.toSeconds() < 1) {
                throw Refused.of("stallTooShort", "--stall-timeout: give at least 1s, e.g. 30m or 2h");
            }
        });
        db.write(c -> {
            if (!JobStore.exists(c, job)) {
                throw CatalogException.refused("jobGone", "job '" + job + "' does not exist", job);
            }
            Rows.update(c, "DELETE FROM job_stall WHERE job = ?", job);
            if (limit.isPresent()) {
                Rows.update(c, "INSERT INTO job_stall (job, seconds) VALUES (?, ?)", job, limit.get().toSeconds());
            }
            return null;
        });
    }
}
