package app.mamori.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Which files each file-tree artifact holds, for browsing a snapshot and restoring single files. */
public final class FileIndex {
    private static final String COLUMNS = FileRows.COLUMNS;
    private static final String OF_LIST = " FROM file_lists l JOIN file_entries e ON e.list = l.id"
            + " JOIN file_paths p ON p.id = e.path WHERE l.point = ? AND l.source = ?";

    /**
     * Paths in byte order from file_paths' own index, each looked up in the list (CROSS JOIN keeps
     * that order of the loops): paths of other points or sources cost a lookup each, never a sort.
     */
    private static final String CHILDREN = "SELECT " + COLUMNS + " FROM file_paths p CROSS JOIN file_entries e"
            + " WHERE p.path >= ? AND p.path < ? AND e.list = ? AND e.path = p.id ORDER BY p.path";

    private final CatalogConnection db;

    FileIndex(CatalogConnection db) {
        this.db = db;
    }

    /**
     * A writer for the index of {@code source}'s artifact in {@code point}, which must be recorded
     * already. Any index stored for it before is replaced.
     */
    public FileIndexWriter writer(String point, String source) {
        long list = db.write(c -> {
            if (!Rows.exists(c, "SELECT 1 FROM artifacts WHERE point = ? AND source = ?", point, source)) {
                throw new CatalogException("restore point '" + point + "' has no artifact of source '" + source
                        + "' to index; record the point first");
            }
            Rows.update(c, "UPDATE artifacts SET files = NULL WHERE point = ? AND source = ?", point, source);
            FileRows.dropList(c, point, source);
            return FileRows.newList(c, point, source);
        });
        return new FileIndexWriter(db, point, source, list);
    }

    /** Every entry of the artifact, ordered by path bytes. */
    public List<FileEntry> entries(String point, String source) {
        return db.autocommit(c -> Rows.query(c, "SELECT " + COLUMNS + OF_LIST + " ORDER BY p.path",
                FileRows::entry, point, source));
    }

    public Optional<FileEntry> entry(String point, String source, byte[] path) {
        return db.autocommit(c -> Rows.queryOne(c, "SELECT " + COLUMNS + OF_LIST + " AND p.path = ?",
                FileRows::entry, point, source, path));
    }

    public long count(String point, String source) {
        return db.autocommit(c -> Rows.queryOne(c, "SELECT count(*) FROM file_entries WHERE list ="
                + " (SELECT id FROM file_lists WHERE point = ? AND source = ?)", row -> row.getLong(1), point, source)
                .orElse(0L));
    }

    /**
     * One folder's children in the artifact's index, in path byte order, without reading the
     * folder's subtree: the paths of a folder and everything below it are one range of
     * {@code file_paths}' index, each looked up in the list, and a sub-folder's own subtree is
     * skipped with one new seek past it. A folder holding 50,000 files below a few sub-folders
     * costs one seek per child, not a read of 50,000 rows. Paths stored for other points or
     * sources but not in this list cost one lookup each where they sort among the children.
     * Asked for a folder above the snapshot's roots (such as {@code /}), the folders that lead to
     * them come back too, as children with no entry: the index does not list them.
     *
     * @param folder raw path bytes, absolute as on the server ({@code /} for the top)
     */
    public List<Child> children(String point, String source, byte[] folder) {
        byte[] prefix = folder.length > 0 && folder[folder.length - 1] == '/' ? folder
                : java.util.Arrays.copyOf(folder, folder.length + 1);
        prefix[prefix.length - 1] = '/';
        // '0' is the byte after '/': every path below the folder sorts before prefix-with-'0'
        byte[] end = prefix.clone();
        end[end.length - 1] = '0';
        return db.autocommit(c -> {
            List<Child> out = new java.util.ArrayList<>();
            java.util.Set<java.nio.ByteBuffer> listed = new java.util.HashSet<>();
            long list = FileRows.listId(c, point, source);
            byte[] from = prefix;
            while (from != null) {
                from = childrenFrom(c, list, prefix, from, end, out, listed);
            }
            // a folder above the roots is found after siblings that sort between it and its '/'
            out.sort((a, b) -> java.util.Arrays.compareUnsigned(a.path, b.path));
            return out;
        });
    }

    /** Reads children from {@code from} on; returns where to seek next (past a sub-folder's subtree), or null at the end. */
    private static byte[] childrenFrom(java.sql.Connection c, long list, byte[] prefix, byte[] from, byte[] end,
                                       List<Child> out, java.util.Set<java.nio.ByteBuffer> listed)
            throws SQLException {
        try (java.sql.PreparedStatement s = Rows.prepare(c, CHILDREN, from, end, list);
             ResultSet row = s.executeQuery()) {
            while (row.next()) {
                byte[] path = row.getBytes("path");
                int slash = indexOf(path, (byte) '/', prefix.length);
                if (slash < 0) {
                    out.add(new Child(path, FileRows.entry(row)));
                    listed.add(java.nio.ByteBuffer.wrap(path));
                    continue;
                }
                // below a child: listed already (a sibling such as "a-b" sorts between "a" and "a/"), or,
                // above the roots, a folder the index does not hold
                byte[] child = java.util.Arrays.copyOf(path, slash);
                if (listed.add(java.nio.ByteBuffer.wrap(child))) {
                    out.add(new Child(child, null));
                }
                byte[] past = java.util.Arrays.copyOf(child, child.length + 1);
                past[child.length] = '0';
                return past;
            }
            return null;
        }
    }

    private static int indexOf(byte[] b, byte x, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /**
     * One entry of a folder.
     *
     * @param path  raw path bytes, absolute
     * @param entry its index entry; null for a folder above the snapshot's roots, which the index does not hold
     */
    public record Child(byte[] path, FileEntry entry) {
        public Child {
            path = path.clone();
        }

        @Override
        public byte[] path() {
            return path.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Child x && java.util.Arrays.equals(path, x.path)
                    && java.util.Objects.equals(entry, x.entry);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(path) * 31 + java.util.Objects.hashCode(entry);
        }

        @Override
        public String toString() {
            return "Child[" + new String(path, java.nio.charset.StandardCharsets.UTF_8) + ", " + entry + "]";
        }
    }

    /** Every stored version of one file of {@code source}, newest point first. */
    public List<FileVersion> versionsOf(String source, byte[] path) {
        return db.autocommit(c -> Rows.query(c, "SELECT r.id AS point, r.time, " + COLUMNS + " FROM file_paths p"
                + " JOIN file_entries e ON e.path = p.id JOIN file_lists l ON l.id = e.list"
                + " JOIN restore_points r ON r.id = l.point WHERE p.path = ? AND l.source = ?"
                + " ORDER BY r.time DESC, r.id DESC",
                row -> new FileVersion(row.getString("point"), Rows.instant(row, "time"), FileRows.entry(row)), path,
                source));
    }
}
