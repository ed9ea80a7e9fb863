package app.mamori.catalog;

import app.mamori.model.RetentionPolicy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Each job's retention policy; a job without one keeps every point. */
public final class RetentionStore {
    private final CatalogConnection db;

    RetentionStore(CatalogConnection db) {
        this.db = db;
    }

    public RetentionPolicy get(String job) {
        return db.autocommit(c -> Rows.queryOne(c, "SELECT keep_last, keep_hourly, keep_daily, keep_weekly,"
                + " keep_monthly, keep_yearly FROM job_retention WHERE job = ?", RetentionStore::row, job))
                .orElse(RetentionPolicy.KEEP_ALL);
    }

    /** Every job's policy, by job, in one query; a job without one is absent (it keeps every point). */
    public Map<String, RetentionPolicy> all() {
        return db.autocommit(c -> {
            Map<String, RetentionPolicy> out = new HashMap<>();
            Rows.query(c, "SELECT keep_last, keep_hourly, keep_daily, keep_weekly, keep_monthly, keep_yearly, job"
                    + " FROM job_retention", r -> out.put(r.getString("job"), row(r)));
            return out;
        });
    }

    /** Sets a job's policy; {@link RetentionPolicy#KEEP_ALL} removes it. */
    public void set(String job, RetentionPolicy p) {
        db.write(c -> {
            if (!JobStore.exists(c, job)) {
                throw new CatalogException("job '" + job + "' does not exist");
            }
            Rows.update(c, "DELETE FROM job_retention WHERE job = ?", job);
            if (!p.keepsAll()) {
                Rows.update(c, "INSERT INTO job_retention (job, keep_last, keep_hourly, keep_daily, keep_weekly,"
                        + " keep_monthly, keep_yearly) VALUES (?, ?, ?, ?, ?, ?, ?)", job, p.last(), p.hourly(),
                        p.daily(), p.weekly(), p.monthly(), p.yearly());
            }
            return null;
        });
    }

    /** The policy new jobs start with; {@link RetentionPolicy#KEEP_ALL} when none is set. */
    public RetentionPolicy defaultPolicy() {
        return db.autocommit(c -> Rows.queryOne(c, "SELECT keep_last, keep_hourly, keep_daily, keep_weekly,"
                + " keep_monthly, keep_yearly FROM default_retention WHERE id = 1", RetentionStore::row, new Object[0]))
                .orElse(RetentionPolicy.KEEP_ALL);
    }

    /** Sets the policy new jobs start with; existing jobs keep theirs. */
    public void setDefault(RetentionPolicy p) {
        db.write(c -> {
            Rows.update(c, "DELETE FROM default_retention");
            if (!p.keepsAll()) {
                Rows.update(c, "INSERT INTO default_retention (id, keep_last, keep_hourly, keep_daily, keep_weekly,"
                        + " keep_monthly, keep_yearly) VALUES (1, ?, ?, ?, ?, ?, ?)", p.last(), p.hourly(), p.daily(),
                        p.weekly(), p.monthly(), p.yearly());
            }
            return null;
        });
    }

    /** In {@code JobStore.add}'s transaction: the new job takes the default policy, if one is set. */
    static void applyDefault(java.sql.Connection c, String job) throws SQLException {
        Rows.update(c, "INSERT INTO job_retention (job, keep_last, keep_hourly, keep_daily, keep_weekly, keep_monthly,"
                + " keep_yearly) SELECT ?, keep_last, keep_hourly, keep_daily, keep_weekly, keep_monthly, keep_yearly"
                + " FROM default_retention WHERE id = 1", job);
    }

    private static RetentionPolicy row(ResultSet r) throws SQLException {
        return new RetentionPolicy(r.getInt(1), r.getInt(2), r.getInt(3), r.getInt(4), r.getInt(5), r.getInt(6));
    }
}
