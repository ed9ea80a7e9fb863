package app.mamori.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Job schedules and their catch-up state. The expression is stored as text; the schedule
 * package parses it, the engine decides what is due.
 */
public final class ScheduleStore {
    private static final String SELECT = "SELECT job, expression, since, handled_until, retry_after, missed_total,"
            + " last_missed FROM job_schedules";

    private final CatalogConnection db;
    private final Clock clock;

    ScheduleStore(CatalogConnection db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Sets or replaces a job's schedule; slots before now are passed over, not caught up. */
    public void set(String job, String expression) {
        db.write(c -> {
            if (!JobStore.exists(c, job)) {
                throw new CatalogException("job '" + job + "' does not exist");
            }
            Instant now = clock.instant();
            Rows.update(c, "INSERT INTO job_schedules (job, expression, since, handled_until) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (job) DO UPDATE SET expression = excluded.expression, since = excluded.since,"
                    + " handled_until = excluded.handled_until, retry_after = NULL", job, expression, now, now);
            return null;
        });
    }

    public void clear(String job) {
        db.autocommit(c -> Rows.update(c, "DELETE FROM job_schedules WHERE job = ?", job));
    }

    public Optional<JobSchedule> find(String job) {
        return db.autocommit(c -> Rows.queryOne(c, SELECT + " WHERE job = ?", ScheduleStore::row, job));
    }

    public List<JobSchedule> list() {
        return db.autocommit(c -> Rows.query(c, SELECT + " ORDER BY job", ScheduleStore::row));
    }

    /** Every slot up to {@code until} is done; a pending retry is forgotten. */
    public void handled(String job, Instant until) {
        db.autocommit(c -> Rows.update(c, "UPDATE job_schedules SET handled_until = ?, retry_after = NULL"
                + " WHERE job = ?", until, job));
    }

    /** A scheduled run failed: its slots stay pending, tried again from {@code when}. */
    public void retryAfter(String job, Instant when) {
        db.autocommit(c -> Rows.update(c, "UPDATE job_schedules SET retry_after = ? WHERE job = ?", when, job));
    }

    /** Counts {@code count} missed slots, the newest at {@code newest}. */
    public void missed(String job, int count, Instant newest) {
        db.autocommit(c -> Rows.update(c, "UPDATE job_schedules SET missed_total = missed_total + ?,"
                + " last_missed = ? WHERE job = ?", count, newest, job));
    }

    private static JobSchedule row(ResultSet row) throws SQLException {
        return new JobSchedule(row.getString("job"), row.getString("expression"), Rows.instant(row, "since"),
                Rows.instant(row, "handled_until"), Rows.optionalInstant(row, "retry_after"),
                row.getLong("missed_total"), Rows.optionalInstant(row, "last_missed"));
    }
}
