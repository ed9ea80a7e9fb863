package app.mamori.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Jobs paused by the admin; a job without a row runs on its schedule. */
public final class PauseStore {
    private static final String SELECT = "SELECT job, since, reason FROM job_pauses";

    private final CatalogConnection db;
    private final Clock clock;

    PauseStore(CatalogConnection db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Pauses a job. Pausing a paused job again replaces the reason but keeps the time it was
     * first paused, so "paused since" stays true.
     */
    public JobPause pause(String job, Optional<String> reason) {
        return db.write(c -> {
            if (!JobStore.exists(c, job)) {
                throw CatalogException.refused("jobGone", "job '" + job + "' does not exist; see: mamori job list", job);
            }
            Rows.update(c, "INSERT INTO job_pauses (job, since, reason) VALUES (?, ?, ?)"
                    + " ON CONFLICT (job) DO UPDATE SET reason = excluded.reason", job, clock.instant(),
                    reason.orElse(null));
            return Rows.queryOne(c, SELECT + " WHERE job = ?", PauseStore::row, job).orElseThrow();
        });
    }

    /**
     * Pauses a job as it was paused elsewhere, since {@code since} (a configuration import): the
     * time and reason given replace any here, so an export of this workstation says the same.
     */
    public JobPause pauseAsOf(String job, java.time.Instant since, Optional<String> reason) {
        return db.write(c -> {
            if (!JobStore.exists(c, job)) {
                throw CatalogException.refused("jobGone", "job '" + job + "' does not exist; see: mamori job list", job);
            }
            Rows.update(c, "INSERT INTO job_pauses (job, since, reason) VALUES (?, ?, ?) ON CONFLICT (job)"
                    + " DO UPDATE SET since = excluded.since, reason = excluded.reason", job, since, reason.orElse(null));
            return Rows.queryOne(c, SELECT + " WHERE job = ?", PauseStore::row, job).orElseThrow();
        });
    }

    /** Resumes a job; returns the pause it ended, empty when the job was not paused. */
    public Optional<JobPause> resume(String job) {
        return db.write(c -> {
            if (!JobStore.exists(c, job)) {
                throw CatalogException.refused("jobGone", "job '" + job + "' does not exist; see: mamori job list", job);
            }
            Optional<JobPause> was = Rows.queryOne(c, SELECT + " WHERE job = ?", PauseStore::row, job);
            Rows.update(c, "DELETE FROM job_pauses WHERE job = ?", job);
            return was;
        });
    }

    public Optional<JobPause> find(String job) {
        return db.autocommit(c -> Rows.queryOne(c, SELECT + " WHERE job = ?", PauseStore::row, job));
    }

    public List<JobPause> list() {
        return db.autocommit(c -> Rows.query(c, SELECT + " ORDER BY job", PauseStore::row));
    }

    private static JobPause row(ResultSet r) throws SQLException {
        return new JobPause(r.getString("job"), Rows.instant(r, "since"), Rows.optionalString(r, "reason"));
    }
}
