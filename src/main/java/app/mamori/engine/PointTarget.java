package app.mamori.engine;

import app.mamori.model.Source;
import app.mamori.source.files.IndexEntry;
import app.mamori.util.CancelToken;
import app.mamori.vault.Manifest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A restore point being written into a vault, local or on an SSH host. Closing it without
 * {@link #commit} removes whatever it wrote.
 */
interface PointTarget extends AutoCloseable {

    /** The point's folder name, e.g. {@code 20261124T153012Z}. */
    String id();

    /** Backs up one source into the point. */
    Manifest.Entry backUp(BackupPlan.Step step, Optional<String> secret, long expectedBytes, BackupListener listener,
                          CancelToken cancel) throws IOException;

    /** Writes the manifest and moves the point into place; returns its folder relative to the vault root. */
    String commit(Manifest manifest) throws IOException;

    /** A readable copy of a committed file-tree snapshot's index, for the catalogue. */
    Path snapshotIndex(Source source) throws IOException;

    /**
     * The index entries of the source's snapshot as this point wrote them, for the catalogue
     * without reading the index back; null where only {@link #snapshotIndex} has them.
     */
    default List<IndexEntry> snapshotEntries(Source source) {
        return null;
    }

    @Override
    void close();
}
