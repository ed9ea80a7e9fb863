package app.mamori.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Which files each file-tree artifact holds, for browsing a snapshot and restoring single files. */
public final class FileIndex {
    private static final String COLUMNS = "f.path, f.type, f.mode, f.size, f.mtime_ns, f.sha256";

    private final CatalogConnection db;

    FileIndex(CatalogConnection db) {
        this.db = db;
    }

    /**
     * A writer for the index of {@code source}'s artifact in {@code point}, which must be recorded
     * already. Any index stored for it before is replaced.
     */
    public FileIndexWriter writer(String point, String source) {
        db.write(c -> {
            if (!Rows.exists(c, "SELECT 1 FROM artifacts WHERE point = ? AND source = ?", point, source)) {
                throw new CatalogException("restore point '" + point + "' has no artifact of source '" + source
                        + "' to index; record the point first");
            }
            Rows.update(c, "UPDATE artifacts SET files = NULL WHERE point = ? AND source = ?", point, source);
            return Rows.update(c, "DELETE FROM file_index WHERE point = ? AND source = ?", point, source);
        });
        return new FileIndexWriter(db, point, source);
    }

    /** Every entry of the artifact, ordered by path bytes. */
    public List<FileEntry> entries(String point, String source) {
        return db.autocommit(c -> Rows.query(c, "SELECT " + COLUMNS + " FROM file_index f WHERE f.point = ? AND f.source = ?"
                + " ORDER BY f.path", FileIndex::entry, point, source));
    }

    public Optional<FileEntry> entry(String point, String source, byte[] path) {
        return db.autocommit(c -> Rows.queryOne(c, "SELECT " + COLUMNS + " FROM file_index f WHERE f.point = ?"
                + " AND f.source = ? AND f.path = ?", FileIndex::entry, point, source, path));
    }

    public long count(String point, String source) {
        return db.autocommit(c -> Rows.queryOne(c, "SELECT count(*) FROM file_index WHERE point = ? AND source = ?",
                row -> row.getLong(1), point, source).orElse(0L));
    }

    /** Every stored version of one file of {@code source}, newest point first. */
    public List<FileVersion> versionsOf(String source, byte[] path) {
        return db.autocommit(c -> Rows.query(c, "SELECT p.id, p.time, " + COLUMNS + " FROM file_index f"
                + " JOIN restore_points p ON p.id = f.point WHERE f.path = ? AND f.source = ?"
                + " ORDER BY p.time DESC, p.id DESC",
                row -> new FileVersion(row.getString("id"), Rows.instant(row, "time"), entry(row)), path, source));
    }

    private static FileEntry entry(ResultSet row) throws SQLException {
        return new FileEntry(row.getBytes("path"), FileType.fromId(row.getString("type")), row.getInt("mode"),
                row.getLong("size"), row.getLong("mtime_ns"), row.getString("sha256"));
    }
}
