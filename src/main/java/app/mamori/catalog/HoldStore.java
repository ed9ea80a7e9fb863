package app.mamori.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Holds on restore points: a held point is never pruned and not counted by retention. A point
 * stays held while any hold on it remains; {@link IncidentStore} makes and drops an incident's.
 */
public final class HoldStore {
    private static final String REASONS = "SELECT h.point, group_concat(h.reason, '; ') FROM holds h";

    private static final String SAFETY = "SELECT p.id, 'pre-restore safety point, not released'"
            + " FROM restore_points p";
    private static final String UNRELEASED = " p.kind = 'pre-restore' AND p.released IS NULL";

    private final CatalogConnection db;
    private final Clock clock;

    HoldStore(CatalogConnection db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Holds {@code point} by hand; holding it again replaces the reason. */
    public void hold(String point, String reason) {
        db.write(c -> {
            requirePoint(c, point);
            if (Rows.update(c, "UPDATE holds SET reason = ? WHERE point = ? AND incident IS NULL", reason, point) == 0) {
                Rows.update(c, "INSERT INTO holds (point, reason, incident, created) VALUES (?, ?, NULL, ?)", point,
                        reason, clock.instant());
            }
            return null;
        });
    }

    /** Drops the hold made by hand on {@code point}; false when there was none (an incident's holds stay). */
    public boolean releaseByHand(String point) {
        return db.write(c -> Rows.update(c, "DELETE FROM holds WHERE point = ? AND incident IS NULL", point) > 0);
    }

    /** Every hold on {@code point}, oldest first. */
    public List<Hold> of(String point) {
        return db.autocommit(c -> Rows.query(c, "SELECT point, reason, incident, created FROM holds WHERE point = ?"
                + " ORDER BY created, id", row -> {
                    long incident = row.getLong("incident");
                    return new Hold(row.getString("point"), row.getString("reason"),
                            row.wasNull() ? OptionalLong.empty() : OptionalLong.of(incident),
                            Rows.instant(row, "created"));
                }, point));
    }

    /** The held points of {@code job}: point id to its holds' reasons, joined. */
    public Map<String, String> ofJob(String job) {
        return db.autocommit(c -> reasons(c, REASONS + " JOIN restore_points p ON p.id = h.point WHERE p.job = ?"
                + " GROUP BY h.point", job));
    }

    /** The held points holding an artifact of {@code source}: point id to its holds' reasons, joined. */
    public Map<String, String> ofSource(String source) {
        return db.autocommit(c -> reasons(c, REASONS + " JOIN artifacts a ON a.point = h.point WHERE a.source = ?"
                + " GROUP BY h.point", source));
    }

    /** {@code job}'s pre-restore safety points not released yet, each with the reason a person reads. */
    public Map<String, String> safetyOfJob(String job) {
        return db.autocommit(c -> reasons(c, SAFETY + " WHERE" + UNRELEASED + " AND p.job = ?", job));
    }

    /** The pre-restore safety points not released yet that hold an artifact of {@code source}. */
    public Map<String, String> safetyOfSource(String source) {
        // from the unreleased safety points (points_safety) to their artifacts, not from the source's every artifact
        return db.autocommit(c -> reasons(c, SAFETY + " CROSS JOIN artifacts a ON a.point = p.id WHERE" + UNRELEASED
                + " AND a.source = ?", source));
    }

    private static Map<String, String> reasons(Connection c, String sql, Object... params) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        Rows.query(c, sql, row -> out.put(row.getString(1), row.getString(2)), params);
        return out;
    }

    static void requirePoint(Connection c, String point) throws SQLException {
        if (!Rows.exists(c, "SELECT 1 FROM restore_points WHERE id = ?", point)) {
            throw new CatalogException("restore point '" + point + "' does not exist; `mamori points` lists them");
        }
    }
}
