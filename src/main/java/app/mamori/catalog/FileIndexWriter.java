package app.mamori.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the file index of one artifact fast: rows are buffered and inserted with one prepared
 * statement in batches, a chunk per transaction.
 *
 * <p>Chunks rather than one transaction for the whole tree: the catalogue has one connection, and
 * a million-file tree in a single transaction would keep the desktop app waiting for seconds.
 * A chunk of {@value #CHUNK_ROWS} rows holds the lock for about a tenth of a second. The price is
 * that a reader may see part of an index while it is written; a failed or abandoned write still
 * leaves nothing behind, because {@link #commit()} is the only success and closing without it
 * removes every row this writer stored.
 */
public final class FileIndexWriter implements AutoCloseable {
    static final int CHUNK_ROWS = 10_000;

    static final String INSERT = "INSERT INTO file_index (point, source, path, type, mode, size, mtime_ns,"
            + " sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final CatalogConnection db;
    private final String point;
    private final String source;
    private final List<FileEntry> pending = new ArrayList<>(CHUNK_ROWS);
    private long written;
    private boolean closed;

    FileIndexWriter(CatalogConnection db, String point, String source) {
        this.db = db;
        this.point = point;
        this.source = source;
    }

    public void add(FileEntry entry) {
        requireOpen();
        pending.add(entry);
        if (pending.size() >= CHUNK_ROWS) {
            flush();
        }
    }

    /** Stores what is still buffered, and the entry count the timeline shows; the index is complete from here on. */
    public void commit() {
        requireOpen();
        flush();
        db.write(c -> Rows.update(c, "UPDATE artifacts SET files = ? WHERE point = ? AND source = ?", written, point,
                source));
        closed = true;
    }

    /** Without a {@link #commit()} first, takes back every row this writer stored. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pending.clear();
        db.write(c -> {
            Rows.update(c, "UPDATE artifacts SET files = NULL WHERE point = ? AND source = ?", point, source);
            return Rows.update(c, "DELETE FROM file_index WHERE point = ? AND source = ?", point, source);
        });
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        db.write(c -> {
            insertAll(c);
            return null;
        });
        pending.clear();
    }

    private void insertAll(Connection c) throws SQLException {
        // Rows arriving in index order land on the same few B-tree pages: about a third less work for SQLite.
        pending.sort(FileEntry.BY_PATH_BYTES);
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (FileEntry entry : pending) {
                addRow(insert, point, source, entry);
            }
            insert.executeBatch();
        }
        written += pending.size();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the file index of '" + source + "' in point '" + point
                    + "' is already committed or closed");
        }
    }

    /** Adds one entry's row to {@link #INSERT}'s batch: the one binding of a file-index row, for this writer and the rebuild's load. */
    static void addRow(PreparedStatement insert, String point, String source, FileEntry entry) throws SQLException {
        insert.setString(1, point);
        insert.setString(2, source);
        insert.setBytes(3, entry.pathBytes());
        insert.setString(4, entry.type().id());
        insert.setInt(5, entry.mode());
        insert.setLong(6, entry.size());
        insert.setLong(7, entry.mtimeNs());
        if (entry.sha256() == null) {
            insert.setNull(8, Types.VARCHAR);
        } else {
            insert.setString(8, entry.sha256());
        }
        insert.addBatch();
    }
}
