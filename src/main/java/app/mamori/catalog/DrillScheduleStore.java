package app.mamori.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** When each job's newest good point is drilled: the schedule as written, and the slots done. */
public final class DrillScheduleStore {
    private static final String SELECT = "SELECT job, expression, since, handled_until FROM job_drills";

    private final CatalogConnection db;
    private final Clock clock;

    DrillScheduleStore(CatalogConnection db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** One job's drill schedule. */
    public record DrillSchedule(String job, String expression, Instant since, Instant handledUntil) {
    }

    /** Sets or replaces it; slots before now are passed over. Setting the same expression again changes nothing. */
    public void set(String job, String expression) {
        db.write(c -> {
            if (!JobStore.exists(c, job)) {
                throw new CatalogException("job '" + job + "' does not exist");
            }
            if (Rows.exists(c, "SELECT 1 FROM job_drills WHERE job = ? AND expression = ?", job, expression)) {
                return null;
            }
            Instant now = clock.instant();
            Rows.update(c, "INSERT INTO job_drills (job, expression, since, handled_until) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (job) DO UPDATE SET expression = excluded.expression, since = excluded.since,"
                    + " handled_until = excluded.handled_until", job, expression, now, now);
            return null;
        });
    }

    public void clear(String job) {
        db.autocommit(c -> Rows.update(c, "DELETE FROM job_drills WHERE job = ?", job));
    }

    public Optional<DrillSchedule> find(String job) {
        return db.autocommit(c -> Rows.queryOne(c, SELECT + " WHERE job = ?", DrillScheduleStore::row, job));
    }

    public List<DrillSchedule> list() {
        return db.autocommit(c -> Rows.query(c, SELECT + " ORDER BY job", DrillScheduleStore::row));
    }

    /** Every slot up to {@code until} is done. */
    public void handled(String job, Instant until) {
        db.autocommit(c -> Rows.update(c, "UPDATE job_drills SET handled_until = ? WHERE job = ?", until, job));
    }

    private static DrillSchedule row(ResultSet r) throws SQLException {
        return new DrillSchedule(r.getString("job"), r.getString("expression"), Rows.instant(r, "since"),
                Rows.instant(r, "handled_until"));
    }
}
