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
     * Every distinct path once, straight from {@code file_paths}' own index: a path is stored once
     * however many points hold it, and goes with the last entry that uses it (V023's trigger).
     */
    private static final String PATHS_FROM = "SELECT path FROM file_paths WHERE path >= ? ORDER BY path";
    private static final String PATHS_BETWEEN = "SELECT path FROM file_paths WHERE path >= ? AND path < ?"
            + " ORDER BY path";
    /** The rule {@code VersionChanges} applies in Java: a directory's size is the file system's business. */
    private static final String DIFFERS = "(a.type IS NOT b.type OR (b.type <> " + FileType.DIRECTORY.code()
            + " AND (a.size <> b.size OR a.sha256 IS NOT b.sha256)))";
    private static final String ONLY_IN = "SELECT p.path FROM file_entries x JOIN file_paths p ON p.id = x.path"
            + " WHERE x.list = ? AND NOT EXISTS (SELECT 1 FROM file_entries y WHERE y.list = ? AND y.path = x.path)"
            + " ORDER BY p.path";

    private final CatalogConnection db;

    HistoryQueries(CatalogConnection db) {
        this.db = db;
    }

    /**
     * Every path any file index holds, in byte order, between {@code from} (inclusive) and
     * {@code to} (exclusive, or no bound when null).
     */
    public List<byte[]> paths(byte[] from, byte[] to) {
        return db.autocommit(c -> to == null ? Rows.query(c, PATHS_FROM, row -> row.getBytes(1), from)
                : Rows.query(c, PATHS_BETWEEN, row -> row.getBytes(1), from, to));
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
            Rows.query(c, "SELECT l.point, e.type, e.size, e.sha256 FROM file_paths p"
                    + " JOIN file_entries e ON e.path = p.id JOIN file_lists l ON l.id = e.list"
                    + " WHERE p.path = ? AND l.source = ?",
                    row -> out.put(row.getString(1), new FileEntry(path, FileType.fromCode(row.getInt(2)), 0,
                            row.getLong(3), 0, FileRows.hex(row.getBytes(4)))), path, source);
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
            long listA = FileRows.listId(c, a, source);
            long listB = FileRows.listId(c, b, source);
            List<byte[]> changed = Rows.query(c, "SELECT p.path FROM file_entries b JOIN file_entries a"
                    + " ON a.list = ? AND a.path = b.path JOIN file_paths p ON p.id = b.path"
                    + " WHERE b.list = ? AND " + DIFFERS + " ORDER BY p.path", row -> row.getBytes(1), listA, listB);
            return new TreeDiff(onlyIn(c, listB, listA), onlyIn(c, listA, listB), changed);
        });
    }

    private static List<byte[]> onlyIn(Connection c, long in, long notIn) throws SQLException {
        return Rows.query(c, ONLY_IN, row -> row.getBytes(1), in, notIn);
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
