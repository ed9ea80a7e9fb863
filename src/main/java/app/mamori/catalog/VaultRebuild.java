package app.mamori.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Swaps what the catalogue knows of one vault for what its manifests say, inside the caller's
 * transaction. What only the catalogue knows survives for the points that come back: the link to
 * the run that made each, and the checks of each artifact (the vault has no record of them, and
 * deleting the old rows would take them by ON DELETE CASCADE).
 */
final class VaultRebuild {
    private VaultRebuild() {
    }

    static void replace(Connection c, String vault, List<RecordedPoint> points) throws SQLException {
        for (RecordedPoint point : points) {
            if (!point.point().vault().equals(vault)) {
                throw new CatalogException("restore point '" + point.id() + "' is in vault '"
                        + point.point().vault() + "', not in vault '" + vault + "' being rebuilt");
            }
        }
        Map<String, Long> knownRuns = new HashMap<>();
        for (Map.Entry<String, Long> link : Rows.query(c, "SELECT id, run FROM restore_points"
                + " WHERE vault = ? AND run IS NOT NULL", row -> Map.entry(row.getString(1), row.getLong(2)), vault)) {
            knownRuns.put(link.getKey(), link.getValue());
        }
        Rows.update(c, "CREATE TEMP TABLE rebuild_checks AS SELECT v.* FROM verifications v"
                + " JOIN restore_points p ON p.id = v.point WHERE p.vault = ?", vault);
        try {
            Rows.update(c, "DELETE FROM restore_points WHERE vault = ?", vault);
            for (RecordedPoint point : points) {
                OptionalLong run = point.run().isPresent() ? point.run()
                        : knownRuns.containsKey(point.id()) ? OptionalLong.of(knownRuns.get(point.id()))
                        : OptionalLong.empty();
                if (run.isPresent() && !PointStore.runExists(c, run.getAsLong())) {
                    run = OptionalLong.empty();
                }
                if (Rows.exists(c, "SELECT 1 FROM restore_points WHERE id = ?", point.id())) {
                    throw new CatalogException("restore point '" + point.id() + "' is listed twice or is also in"
                            + " another vault; check the manifests under " + point.point().location());
                }
                PointStore.insert(c, new RecordedPoint(point.point(), run, point.kind(), point.manifests()));
            }
            // in id order, so each artifact's newest check is inserted last, as the timeline's triggers expect
            Rows.update(c, "INSERT INTO verifications SELECT * FROM temp.rebuild_checks t WHERE EXISTS"
                    + " (SELECT 1 FROM artifacts a WHERE a.point = t.point AND a.source = t.source) ORDER BY t.id");
        } finally {
            Rows.update(c, "DROP TABLE temp.rebuild_checks");
        }
    }
}
