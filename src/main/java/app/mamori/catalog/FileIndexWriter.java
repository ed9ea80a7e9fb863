package app.mamori.catalog;

import java.sql.PreparedStatement;
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

    private final CatalogConnection db;
    private final String point;
    private final String source;
    private final long list;
    private final List<FileEntry> pending = new ArrayList<>(CHUNK_ROWS);
    private long written;
    private boolean closed;

    FileIndexWriter(CatalogConnection db, String point, String source, long list) {
        this.db = db;
        this.point = point;
        this.source = source;
        this.list = list;
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

    /** Without a {@link #commit()} first, takes back every row this writer stored (and the paths only they used). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pending.clear();
        db.write(c -> {
            Rows.update(c, "UPDATE artifacts SET files = NULL WHERE point = ? AND source = ?", point, source);
            return Rows.update(c, "DELETE FROM file_lists WHERE id = ?", list);
        });
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        int rows = pending.size();
        db.write(c -> {
            // no cache: a tree holds each path once, and ids are only good inside this transaction
            try (FileRows.PathIds ids = new FileRows.PathIds(c, 0);
                 PreparedStatement insert = c.prepareStatement(FileRows.INSERT_ENTRY)) {
                FileRows.insert(ids, insert, list, pending, true);
            }
            return null;
        });
        written += rows;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the file index of '" + source + "' in point '" + point
                    + "' is already committed or closed");
        }
    }
}
