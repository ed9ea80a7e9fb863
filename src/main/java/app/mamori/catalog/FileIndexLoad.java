package app.mamori.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the file lists of many points at once, inside the caller's transaction (a vault rebuild):
 * one prepared statement, rows sent in batches, and {@code file_index_by_path} dropped first and
 * made again at the end.
 *
 * <p>Why the index goes: it orders rows by path, and every point holds the same paths, so each
 * point's rows land beside the previous points' rows on every page of that index. Kept while
 * loading, the whole index is rewritten for each point, and a rebuild costs the square of the
 * number of points (101 points of 50,000 files: 3 minutes, nearly all of it waiting on the disk).
 * Made once at the end, it is one sort. Both happen in the caller's transaction, so no reader
 * ever sees the table without it, and a failed load takes the drop back with everything else.
 */
final class FileIndexLoad {
    static final int BATCH_ROWS = 10_000;
    /** Pages SQLite may keep for the load (KiB when negative): the batch's B-tree pages stay in memory, outside the heap. */
    private static final int CACHE_KIB = 64 * 1024;

    private FileIndexLoad() {
    }

    /**
     * Drops the path index before anything else touches {@code file_index} in this transaction
     * (deletes included); returns the cache size to give back with {@link #restoreCache}.
     */
    static int begin(Connection c) throws SQLException {
        int cacheSize;
        try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA cache_size")) {
            cacheSize = rs.next() ? rs.getInt(1) : -2000;
        }
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA cache_size = -" + CACHE_KIB);
            s.execute("DROP INDEX IF EXISTS file_index_by_path");
        }
        return cacheSize;
    }

    /** Makes the path index again, as V001 defines it. */
    static void end(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE INDEX file_index_by_path ON file_index(path)");
        }
    }

    /** Gives SQLite its usual cache back (a connection setting, which no rollback undoes). */
    static void restoreCache(Connection c, int cacheSize) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA cache_size = " + cacheSize);
        }
    }

    /** Stores the file lists {@code lists} gives for each artifact of {@code points}. */
    static void load(Connection c, List<RecordedPoint> points, FileLists lists) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(FileIndexWriter.INSERT)) {
            for (RecordedPoint point : points) {
                for (var artifact : point.point().artifacts()) {
                    Batch batch = new Batch(insert, point.id(), artifact.source());
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
                    }
                }
            }
        }
    }

    /** One artifact's rows, sent {@value #BATCH_ROWS} at a time; SQLExceptions travel unchecked through the reader. */
    private static final class Batch {
        private final PreparedStatement insert;
        private final String point;
        private final String source;
        private final List<FileEntry> pending = new ArrayList<>(BATCH_ROWS);
        private long written;

        Batch(PreparedStatement insert, String point, String source) {
            this.insert = insert;
            this.point = point;
            this.source = source;
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
            // in index order, the rows of one batch land on neighbouring pages of the primary key
            pending.sort(FileEntry.BY_PATH_BYTES);
            for (FileEntry entry : pending) {
                FileIndexWriter.addRow(insert, point, source, entry);
            }
            insert.executeBatch();
            written += pending.size();
            pending.clear();
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
