package app.mamori.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * File history across points, asked of the file index in SQL so that three years of points
 * (thousands of points of thousands of files each) are never loaded whole.
 */
public final class HistoryQueries {
    /**
     * Every distinct path once, by hopping through {@code file_index_by_path} from one path to the
     * next greater one (a loose index scan): one index seek per distinct path, where
     * {@code SELECT DISTINCT} would read every row of every point.
     */
    private static final String DISTINCT_PATHS = "WITH RECURSIVE d(path) AS ("
            + " SELECT min(path) FROM file_index WHERE path >= ?"
            + " UNION ALL SELECT (SELECT min(path) FROM file_index WHERE path > d.path) FROM d"
            + " WHERE d.path IS NOT NULL AND (? IS NULL OR d.path < ?))"
            + " SELECT path FROM d WHERE path IS NOT NULL AND (? IS NULL OR path < ?)";
    /** The rule {@code VersionChanges} applies in Java: a directory's size is the file system's business. */
    private static final String DIFFERS = "(a.type IS NOT b.type OR (b.type <> 'directory'"
            + " AND (a.size <> b.size OR a.sha256 IS NOT b.sha256)))";
    private static final String ONLY_IN = "SELECT x.path FROM file_index x WHERE x.point = ? AND x.source = ?"
            + " AND NOT EXISTS (SELECT 1 FROM file_index y WHERE y.point = ? AND y.source = ? AND y.path = x.path)"
            + " ORDER BY x.path";

    private final CatalogConnection db;

    HistoryQueries(CatalogConnection db) {
        this.db = db;
    }

    /**
     * Every path any file index holds, in byte order, between {@code from} (inclusive) and
     * {@code to} (exclusive, or no bound when null).
     */
    public List<byte[]> paths(byte[] from, byte[] to) {
        return db.autocommit(c -> Rows.query(c, DISTINCT_PATHS, row -> row.getBytes(1), from, to, to, to, to));
    }

    /** The sources with a file list in some point, by name. */
    public List<String> indexedSources() {
        return db.autocommit(c -> Rows.names(c, "SELECT DISTINCT source FROM artifacts WHERE files IS NOT NULL"
                + " ORDER BY source"));
    }

    /**
     * One path's entry in each of {@code source}'s points that has it, by point id. Reads only the
     * columns a version needs (the caller has the points' times), so no row of
     * {@code restore_points} is looked up per version: with three years of points that join was
     * half of the cost.
     */
    public Map<String, FileEntry> entriesOf(String source, byte[] path) {
        return db.autocommit(c -> {
            Map<String, FileEntry> out = new HashMap<>();
            Rows.query(c, "SELECT point, type, size, sha256 FROM file_index WHERE path = ? AND source = ?",
                    row -> out.put(row.getString(1), new FileEntry(path, FileType.fromId(row.getString(2)), 0,
                            row.getLong(3), 0, row.getString(4))), path, source);
            return out;
        });
    }

    /** {@code source}'s succeeded points whose file index is stored, oldest first: where a file can be looked for. */
    public List<PointRef> indexedPoints(String source) {
        return db.autocommit(c -> Rows.query(c, "SELECT p.id, p.time FROM artifacts a JOIN restore_points p"
                + " ON p.id = a.point WHERE a.source = ? AND a.files IS NOT NULL AND p.status = 'succeeded'"
                + " ORDER BY p.time, p.id", row -> new PointRef(row.getString(1), Rows.instant(row, "time")), source));
    }

    /** What changed in {@code source} from point {@code a} to point {@code b}; both must have its file index. */
    public TreeDiff diff(String a, String b, String source) {
        return db.autocommit(c -> {
            requireIndex(c, a, source);
            requireIndex(c, b, source);
            List<byte[]> changed = Rows.query(c, "SELECT b.path FROM file_index b JOIN file_index a"
                    + " ON a.point = ? AND a.source = b.source AND a.path = b.path"
                    + " WHERE b.point = ? AND b.source = ? AND " + DIFFERS + " ORDER BY b.path",
                    row -> row.getBytes(1), a, b, source);
            return new TreeDiff(onlyIn(c, b, a, source), onlyIn(c, a, b, source), changed);
        });
    }

    private static List<byte[]> onlyIn(Connection c, String in, String notIn, String source) throws SQLException {
        return Rows.query(c, ONLY_IN, row -> row.getBytes(1), in, source, notIn, source);
    }

    private static void requireIndex(Connection c, String point, String source) throws SQLException {
        Optional<Boolean> indexed = Rows.queryOne(c, "SELECT files IS NOT NULL FROM artifacts WHERE point = ?"
                + " AND source = ?", row -> row.getBoolean(1), point, source);
        if (indexed.isEmpty()) {
            throw new CatalogException("restore point '" + point + "' holds no artifact of source '" + source
                    + "'; `mamori points` lists what each point holds");
        }
        if (!indexed.get()) {
            throw new CatalogException("restore point '" + point + "' has no file list of source '" + source
                    + "' in the catalogue; `mamori catalog rebuild` reads it from the vault again");
        }
    }
}
