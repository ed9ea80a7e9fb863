package app.mamori.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Restores under way, so that one cut off (kill -9, a power cut) is found at the next start:
 * an in-place restore of a MariaDB dump is not one transaction, and its target may be half
 * restored.
 */
public final class RestoreStore {
    private final CatalogConnection db;
    private final Clock clock;

    RestoreStore(CatalogConnection db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A restore that began writing and did not end. */
    public record Underway(long id, String source, String point, String target, Optional<String> safetyPoint,
                           Optional<String> server, Optional<String> job, long pid, Instant started) {
    }

    /** Records a restore about to write into its target, by this process; returns its row. */
    public long start(String source, String point, String target, Optional<String> safetyPoint, String server,
                      String job) {
        return db.write(c -> {
            try (var insert = c.prepareStatement("INSERT INTO restores_running (source, point, target, safety_point,"
                    + " server, job, pid, started) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, source);
                insert.setString(2, point);
                insert.setString(3, target);
                insert.setString(4, safetyPoint.orElse(null));
                insert.setString(5, server);
                insert.setString(6, job);
                insert.setLong(7, ProcessHandle.current().pid());
                insert.setLong(8, clock.instant().toEpochMilli());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** The restore ended, however it ended: it is told by its own event. */
    public void finish(long id) {
        db.write(c -> Rows.update(c, "DELETE FROM restores_running WHERE id = ?", id));
    }

    /** Takes out and returns the restores whose process is gone: each was cut off. Called once at start. */
    public List<Underway> takeCutOff() {
        return db.write(c -> {
            List<Underway> cut = new ArrayList<>();
            for (Underway u : Rows.query(c, "SELECT * FROM restores_running ORDER BY id", RestoreStore::row)) {
                if (!RunStore.ProcessLiveness.isAlive(u.pid(), u.started())) {
                    Rows.update(c, "DELETE FROM restores_running WHERE id = ?", u.id());
                    cut.add(u);
                }
            }
            return cut;
        });
    }

    private static Underway row(ResultSet r) throws SQLException {
        return new Underway(r.getLong("id"), r.getString("source"), r.getString("point"), r.getString("target"),
                Rows.optionalString(r, "safety_point"), Rows.optionalString(r, "server"), Rows.optionalString(r, "job"),
                r.getLong("pid"), Rows.instant(r, "started"));
    }
}
