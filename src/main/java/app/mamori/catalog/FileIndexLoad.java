package app.mamori.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the file lists of many points at once, inside the caller's transaction (a vault rebuild):
 * one prepared statement, rows sent in batches, path ids kept in memory from one point to the
 * next, and {@code file_entries_by_path} with its trigger dropped first and made again at the end.
 *
 * <p>Why the index goes: it orders entries by path, and every point holds the same paths, so each
 * point's entries land beside the previous points' on every page of that index. Kept while
 * loading, the whole index is rewritten for each point and a rebuild costs the square of the
 * number of points. Made once at the end, it is one sort. The trigger that deletes unused paths
 * goes with it (without the index each of its checks would read the whole table); the paths the
 * rebuild's deletes left unused are removed in one pass at the end. All of it happens in the
 * caller's transaction, so no reader sees the tables without them, and a failed load takes the
 * drops back with everything else.
 */
final class FileIndexLoad {
    static final int BATCH_ROWS = 10_000;
    /** Pages SQLite may keep for the load (KiB when negative): the batch's B-tree pages stay in memory, outside the heap. */
    private static final int CACHE_KIB = 64 * 1024;
    /**
     * Path ids kept in the heap across points (about 10 MB at most): every point of a tree of up
     * to this many files then finds its paths without asking SQLite.
     */
    static final int CACHED_PATHS = 1 << 16;

    private FileIndexLoad() {
    }

    /**
     * Drops the path index and trigger before anything else touches the file lists in this
     * transaction (deletes included); returns the cache size to give back with {@link #restoreCache}.
     */
    static int begin(Connection c) throws SQLException {
        int cacheSize = Rows.queryOne(c, "PRAGMA cache_size", row -> row.getInt(1)).orElse(-2000);
        Rows.execute(c, "PRAGMA cache_size = -" + CACHE_KIB);
        Rows.execute(c, "DROP TRIGGER IF EXISTS file_paths_unused");
        Rows.execute(c, "DROP INDEX IF EXISTS file_entries_by_path");
        return cacheSize;
    }

    /** Makes the path index and trigger again, as V023 defines them, after removing the paths no list uses. */
    static void end(Connection c) throws SQLException {
        Rows.execute(c, FileRows.PATH_INDEX);
        Rows.execute(c, FileRows.DELETE_UNUSED_PATHS);
        Rows.execute(c, FileRows.UNUSED_PATHS_TRIGGER);
    }

    /** Gives SQLite its usual cache back (a connection setting, which no rollback undoes). */
    static void restoreCache(Connection c, int cacheSize) throws SQLException {
        Rows.execute(c, "PRAGMA cache_size = " + cacheSize);
    }

    /** Stores the file lists {@code lists} gives for each artifact of {@code points}. */
    static void load(Connection c, List<RecordedPoint> points, FileLists lists) throws SQLException {
        try (FileRows.PathIds ids = new FileRows.PathIds(c, CACHED_PATHS);
             PreparedStatement insert = c.prepareStatement(FileRows.INSERT_ENTRY)) {
            for (RecordedPoint point : points) {
                for (var artifact : point.point().artifacts()) {
                    long list = FileRows.newList(c, point.id(), artifact.source());
                    Batch batch = new Batch(ids, insert, list);
                    boolean listed;
                    try {
                        listed = lists.read(point, artifact.source(), batch::add);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (BatchFailed e) {
                        throw e.getCause();
                    }
                    if (listed) {
                        batch.flush();
                        Rows.update(c, "UPDATE artifacts SET files = ? WHERE point = ? AND source = ?", batch.written,
                                point.id(), artifact.source());
                    } else {
                        Rows.update(c, "DELETE FROM file_lists WHERE id = ?", list);
                    }
                }
            }
        }
    }

    /** One artifact's rows, sent {@value #BATCH_ROWS} at a time; SQLExceptions travel unchecked through the reader. */
    private static final class Batch {
        private final FileRows.PathIds ids;
        private final PreparedStatement insert;
        private final long list;
        private final List<FileEntry> pending = new ArrayList<>(BATCH_ROWS);
        private long written;

        Batch(FileRows.PathIds ids, PreparedStatement insert, long list) {
            this.ids = ids;
            this.insert = insert;
            this.list = list;
        }

        void add(FileEntry entry) {
            pending.add(entry);
            if (pending.size() >= BATCH_ROWS) {
                try {
                    flush();
                } catch (SQLException e) {
                    throw new BatchFailed(e);
                }
            }
        }

        void flush() throws SQLException {
            written += pending.size();
            FileRows.insert(ids, insert, list, pending, false);
        }
    }

    /** A failed insert, carried out of the file list reader's callback. */
    static final class BatchFailed extends RuntimeException {
        BatchFailed(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
