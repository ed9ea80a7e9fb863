package app.mamori.catalog;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Where a rebuild finds the file lists of the artifacts it records (for a file tree, its
 * snapshot's own index in the vault), read one entry at a time so that no list is ever held
 * whole.
 */
@FunctionalInterface
public interface FileLists {

    /** None: the points come back without file lists (a vault whose snapshots cannot be read here). */
    FileLists NONE = (point, source, rows) -> false;

    /**
     * Gives each entry of the file list of {@code source} in {@code point} to {@code rows}, in any
     * order.
     *
     * @return false when that artifact has no file list (a dump), true when every entry was given
     * @throws IOException when the list is there but cannot be read whole; the message names the point
     */
    boolean read(RecordedPoint point, String source, Consumer<FileEntry> rows) throws IOException;
}
