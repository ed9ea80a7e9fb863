package app.mamori.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The rows of the file index as V023 shapes them (a list per artifact, each distinct path once,
 * entries of ids and numbers), for the writer of one list and the rebuild's load of many.
 */
final class FileRows {
    static final String INSERT_ENTRY = "INSERT INTO file_entries (list, path, type, mode, size, mtime_ns, sha256)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    /** The columns {@link #entry} reads, with {@code p} for file_paths and {@code e} for file_entries. */
    static final String COLUMNS = "p.path, e.type, e.mode, e.size, e.mtime_ns, e.sha256";
    /** As V023 makes them; the rebuild drops both while it loads and makes them again. */
    static final String PATH_INDEX = "CREATE INDEX file_entries_by_path ON file_entries(path)";
    static final String UNUSED_PATHS_TRIGGER = "CREATE TRIGGER file_paths_unused AFTER DELETE ON file_entries"
            + " WHEN NOT EXISTS (SELECT 1 FROM file_entries WHERE path = old.path)"
            + " BEGIN DELETE FROM file_paths WHERE id = old.path; END";
    /** Every path no list uses, in one pass: a seek in file_entries_by_path per path. */
    static final String DELETE_UNUSED_PATHS = "DELETE FROM file_paths WHERE NOT EXISTS"
            + " (SELECT 1 FROM file_entries e WHERE e.path = file_paths.id)";

    private static final HexFormat HEX = HexFormat.of();

    private FileRows() {
    }

    /** The id of the artifact's file list, or -1 when it has none (no entry has list -1). */
    static long listId(Connection c, String point, String source) throws SQLException {
        return Rows.queryOne(c, "SELECT id FROM file_lists WHERE point = ? AND source = ?", row -> row.getLong(1),
                point, source).orElse(-1L);
    }

    /** A new, empty list for the artifact, which must have none. */
    static long newList(Connection c, String point, String source) throws SQLException {
        try (PreparedStatement s = Rows.prepare(c, "INSERT INTO file_lists (point, source) VALUES (?, ?) RETURNING id",
                point, source); ResultSet row = s.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    static void dropList(Connection c, String point, String source) throws SQLException {
        Rows.update(c, "DELETE FROM file_lists WHERE point = ? AND source = ?", point, source);
    }

    /**
     * Stores {@code pending} (emptied) in list {@code list}, entries in id order, each landing
     * after the last. With {@code byPath}, paths are looked up in byte order first: neighbouring
     * pages of file_paths' index, and new paths get ids in that order (not worth the sort when
     * nearly every path is in {@code ids}' cache).
     */
    static void insert(PathIds ids, PreparedStatement insert, long list, List<FileEntry> pending, boolean byPath)
            throws SQLException {
        if (byPath) {
            pending.sort(FileEntry.BY_PATH_BYTES);
        }
        int n = pending.size();
        if (n >= 1 << 20) {
            throw new IllegalArgumentException("a chunk of the file index holds at most 1,048,575 entries, not " + n);
        }
        // id in the high bits, position in the low 20 (chunks are at most 10,000 rows): one sort of longs
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = ids.of(pending.get(i).pathBytes()) << 20 | i;
        }
        Arrays.sort(order);
        for (long key : order) {
            FileEntry entry = pending.get((int) (key & 0xFFFFF));
            insert.setLong(1, list);
            insert.setLong(2, key >>> 20);
            insert.setInt(3, entry.type().code());
            insert.setInt(4, entry.mode());
            insert.setLong(5, entry.size());
            insert.setLong(6, entry.mtimeNs());
            if (entry.sha256() == null) {
                insert.setNull(7, Types.BLOB);
            } else {
                insert.setBytes(7, unhex(entry.sha256()));
            }
            insert.addBatch();
        }
        insert.executeBatch();
        pending.clear();
    }

    /** The entry of a row with {@link #COLUMNS}. */
    static FileEntry entry(ResultSet row) throws SQLException {
        return new FileEntry(row.getBytes("path"), FileType.fromCode(row.getInt("type")), row.getInt("mode"),
                row.getLong("size"), row.getLong("mtime_ns"), hex(row.getBytes("sha256")));
    }

    private static final byte[] DIGITS = new byte[128];

    static {
        Arrays.fill(DIGITS, (byte) -1);
        for (int i = 0; i < 16; i++) {
            DIGITS["0123456789abcdef".charAt(i)] = (byte) i;
            DIGITS["0123456789ABCDEF".charAt(i)] = (byte) i;
        }
    }

    /** HexFormat.parseHex, by table: five million hashes in a rebuild made it a tenth of the Java time. */
    static byte[] unhex(String hex) {
        int n = hex.length();
        if ((n & 1) != 0) {
            throw new IllegalArgumentException("a SHA-256 in hex has an even number of digits, not " + n + ": " + hex);
        }
        byte[] out = new byte[n / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = digit(hex, 2 * i);
            int lo = digit(hex, 2 * i + 1);
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    private static int digit(String hex, int at) {
        char c = hex.charAt(at);
        int d = c < 128 ? DIGITS[c] : -1;
        if (d < 0) {
            throw new IllegalArgumentException("not a hex digit at " + at + " of SHA-256 " + hex);
        }
        return d;
    }

    static String hex(byte[] sha) {
        return sha == null ? null : HEX.formatHex(sha);
    }

    /**
     * Path ids, inserting the paths not stored yet. Valid for one transaction: a path whose last
     * entry goes is deleted with it. The cache keeps the first {@code cached} paths met, not the
     * latest: a rebuild meets the same tree in point after point, in the same order, and a
     * least-recently-used cache smaller than the tree would never hit.
     */
    static final class PathIds implements AutoCloseable {
        private final PreparedStatement find;
        private final PreparedStatement add;
        private final Map<Key, Long> cache = new HashMap<>();
        private final int cached;

        PathIds(Connection c, int cached) throws SQLException {
            this.find = c.prepareStatement("SELECT id FROM file_paths WHERE path = ?");
            this.add = c.prepareStatement("INSERT INTO file_paths (path) VALUES (?) RETURNING id");
            this.cached = cached;
        }

        long of(byte[] path) throws SQLException {
            Key key = new Key(path, Arrays.hashCode(path));
            Long id = cache.get(key);
            if (id != null) {
                return id;
            }
            long found = lookUp(find, path);
            if (found < 0) {
                found = lookUp(add, path);
            }
            if (cache.size() < cached) {
                cache.put(key, found);
            }
            return found;
        }

        private static long lookUp(PreparedStatement s, byte[] path) throws SQLException {
            s.setBytes(1, path);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? row.getLong(1) : -1;
            }
        }

        @Override
        public void close() throws SQLException {
            try (find; add) {
                cache.clear();
            }
        }

        /** A path as a map key: ByteBuffer's hashCode, byte by byte through get(i), was a fifth of a rebuild's Java time. */
        private record Key(byte[] path, int hash) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Key k && hash == k.hash && Arrays.equals(path, k.path);
            }

            @Override
            public int hashCode() {
                return hash;
            }
        }
    }
}
