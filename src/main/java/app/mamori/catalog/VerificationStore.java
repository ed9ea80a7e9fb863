package app.mamori.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verification results per artifact. The newest row of an artifact is its current state, see
 * {@link #latest(String, String)}.
 */
public final class VerificationStore {
    private static final String SELECT = "SELECT point, source, job, time, method, result, detail, detail_key,"
            + " detail_args, duration_ms, recovery_ms FROM verifications";

    private final CatalogConnection db;

    VerificationStore(CatalogConnection db) {
        this.db = db;
    }

    public void record(Verification v) {
        db.write(c -> {
            if (!Rows.exists(c, "SELECT 1 FROM artifacts WHERE point = ? AND source = ?", v.point(), v.source())) {
                throw new CatalogException("restore point '" + v.point() + "' holds no artifact of source '"
                        + v.source() + "'");
            }
            return Rows.update(c, "INSERT INTO verifications (point, source, job, time, method, result, detail,"
                    + " detail_key, detail_args, duration_ms, recovery_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    v.point(), v.source(), v.job(), v.time(), v.method().id(), v.result().id(), v.detail(),
                    NoteColumns.key(v.said()), NoteColumns.args(v.said()), v.took().toMillis(),
                    v.recovery().map(Duration::toMillis));
        });
    }

    /** Every check of the point's artifacts, oldest first. */
    public List<Verification> forPoint(String point) {
        return db.autocommit(c -> Rows.query(c, SELECT + " WHERE point = ? ORDER BY id", VerificationStore::row, point));
    }

    /** Every check of the job's artifacts, newest first. */
    public List<Verification> forJob(String job) {
        return db.autocommit(c -> Rows.query(c, SELECT + " WHERE job = ? ORDER BY id DESC", VerificationStore::row,
                job));
    }

    /** The newest check of one artifact: its current state. */
    public Optional<Verification> latest(String point, String source) {
        return db.autocommit(c -> Rows.queryOne(c, SELECT + " WHERE point = ? AND source = ? ORDER BY id DESC LIMIT 1",
                VerificationStore::row, point, source));
    }

    /** The newest check of each artifact of {@code point}, by source; artifacts never checked are absent. */
    public Map<String, Verification> latestOfPoint(String point) {
        Map<String, Verification> out = new LinkedHashMap<>();
        for (Verification v : forPoint(point)) {
            out.put(v.source(), v);
        }
        return out;
    }

    /** {@link #latestOfPoint} for a page of points at once: point id to source to check; unchecked points absent. */
    public Map<String, Map<String, Verification>> latestOfPoints(java.util.Collection<String> points) {
        Map<String, Map<String, Verification>> out = new LinkedHashMap<>();
        if (points.isEmpty()) {
            return out;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(points.size(), "?"));
        db.autocommit(c -> Rows.query(c, SELECT + " WHERE point IN (" + marks + ") ORDER BY id", VerificationStore::row,
                points.toArray())).forEach(v -> out.computeIfAbsent(v.point(), p -> new LinkedHashMap<>())
                .put(v.source(), v));
        return out;
    }

    /** The newest check of each artifact of every point of {@code job}: point id to source to check. */
    public Map<String, Map<String, Verification>> latestOfJob(String job) {
        Map<String, Map<String, Verification>> out = new LinkedHashMap<>();
        List<Verification> all = forJob(job);
        for (int i = all.size() - 1; i >= 0; i--) {
            Verification v = all.get(i);
            out.computeIfAbsent(v.point(), p -> new LinkedHashMap<>()).put(v.source(), v);
        }
        return out;
    }

    /**
     * Whether a check ever passed on one of {@code job}'s points taken before {@code time}: if none
     * did, no point that old is verified, and a plan of the points since then knows as much.
     */
    public boolean passedBefore(String job, java.time.Instant time) {
        return db.autocommit(c -> Rows.exists(c, "SELECT 1 FROM verifications v JOIN restore_points p"
                + " ON p.id = v.point WHERE v.job = ? AND v.result = 'verified' AND p.time < ? LIMIT 1", job, time));
    }

    /**
     * Every restore drill, newest first: of {@code source}'s artifacts, or of {@code job}'s, or all
     * (null for either means any), with the size of the artifact drilled.
     */
    public List<DrillRecord> drills(String job, String source) {
        return db.autocommit(c -> Rows.query(c, "SELECT v.point, v.source, v.job, v.time, v.method, v.result,"
                + " v.detail, v.detail_key, v.detail_args, v.duration_ms, v.recovery_ms, a.size FROM verifications v"
                + " JOIN artifacts a ON a.point = v.point AND a.source = v.source WHERE v.method = 'drill'"
                + " AND (? IS NULL OR v.job = ?) AND (? IS NULL OR v.source = ?) ORDER BY v.id DESC",
                r -> new DrillRecord(row(r), r.getLong("size")), job, job, source, source));
    }

    /** A drill and the size of what it restored. */
    public record DrillRecord(Verification drill, long bytes) {
    }

    /** The newest restore drill of {@code source} that measured a recovery time, whatever it found. */
    public Optional<Verification> latestDrill(String source) {
        return db.autocommit(c -> Rows.queryOne(c, SELECT + " WHERE source = ? AND method = 'drill'"
                + " AND recovery_ms IS NOT NULL ORDER BY id DESC LIMIT 1", VerificationStore::row, source));
    }

    private static Verification row(ResultSet r) throws SQLException {
        long recovery = r.getLong("recovery_ms");
        Optional<Duration> rec = r.wasNull() ? Optional.empty() : Optional.of(Duration.ofMillis(recovery));
        return new Verification(r.getString("point"), r.getString("source"), r.getString("job"),
                Rows.instant(r, "time"), Verification.Method.fromId(r.getString("method")),
                Verification.Result.fromId(r.getString("result")), said(r), Duration.ofMillis(r.getLong("duration_ms")),
                rec);
    }

    /** A check's detail as stored: keyed since V021, its English alone before. */
    static app.mamori.model.Note said(ResultSet r) throws SQLException {
        return NoteColumns.note(r.getString("detail_key"), r.getString("detail_args"), r.getString("detail"));
    }
}
