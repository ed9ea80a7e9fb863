package app.mamori.catalog;

import app.mamori.model.Objectives;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Each job's recovery objectives; a job without a row has none. */
public final class ObjectiveStore {
    private final CatalogConnection db;
    private final Clock clock;

    ObjectiveStore(CatalogConnection db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A job's objectives and when they were set. */
    public record Stored(Objectives objectives, Instant since) {
    }

    public Objectives get(String job) {
        return find(job).map(Stored::objectives).orElse(Objectives.NONE);
    }

    public Optional<Stored> find(String job) {
        return db.autocommit(c -> Rows.queryOne(c, "SELECT rpo_ms, rto_ms, since FROM job_objectives WHERE job = ?",
                ObjectiveStore::row, job));
    }

    /** Every job's objectives, by job, in one query; a job without any is absent. */
    public Map<String, Stored> all() {
        return db.autocommit(c -> {
            Map<String, Stored> out = new HashMap<>();
            Rows.query(c, "SELECT job, rpo_ms, rto_ms, since FROM job_objectives",
                    r -> out.put(r.getString("job"), row(r)));
            return out;
        });
    }

    /**
     * Sets a job's objectives; {@link Objectives#NONE} removes them. Setting the same ones again
     * keeps the time they were first set, so an import of an unchanged file changes nothing.
     */
    public void set(String job, Objectives o) {
        db.write(c -> {
            if (!JobStore.exists(c, job)) {
                throw new CatalogException("job '" + job + "' does not exist");
            }
            Optional<Stored> before = Rows.queryOne(c, "SELECT rpo_ms, rto_ms, since FROM job_objectives"
                    + " WHERE job = ?", ObjectiveStore::row, job);
            if (before.isPresent() && before.get().objectives().equals(o)) {
                return null;
            }
            Rows.update(c, "DELETE FROM job_objectives WHERE job = ?", job);
            if (!o.isEmpty()) {
                Rows.update(c, "INSERT INTO job_objectives (job, rpo_ms, rto_ms, since) VALUES (?, ?, ?, ?)", job,
                        o.rpo().map(Duration::toMillis).orElse(null), o.rto().map(Duration::toMillis).orElse(null),
                        clock.instant());
            }
            return null;
        });
    }

    private static Stored row(ResultSet r) throws SQLException {
        long rpo = r.getLong("rpo_ms");
        Optional<Duration> rpoD = r.wasNull() ? Optional.empty() : Optional.of(Duration.ofMillis(rpo));
        long rto = r.getLong("rto_ms");
        Optional<Duration> rtoD = r.wasNull() ? Optional.empty() : Optional.of(Duration.ofMillis(rto));
        return new Stored(new Objectives(rpoD, rtoD), Rows.instant(r, "since"));
    }
}
