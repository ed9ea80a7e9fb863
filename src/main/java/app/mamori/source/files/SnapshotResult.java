package app.mamori.source.files;

import java.nio.file.Path;
import java.util.List;

/**
 * What a snapshot left, for the manifest and the catalogue. Counts are of regular files;
 * directories, symlinks and others are in the index but not counted here.
 *
 * @param indexSha256 lowercase hex SHA-256 of the index file
 * @param totalBytes  bytes of all regular files in the snapshot (linked or fetched)
 * @param warnings    things the admin should know that did not fail the snapshot (vanished files)
 * @param entries     the index's entries as written, for the catalogue without reading the file back;
 *                    null where the snapshot did not keep them (the index file has them)
 */
public record SnapshotResult(Path index, String indexSha256, long totalBytes, long fileCount, long newFiles,
                             long changedFiles, long unchangedFiles, long deletedFiles, List<String> warnings,
                             List<IndexEntry> entries) {

    public SnapshotResult(Path index, String indexSha256, long totalBytes, long fileCount, long newFiles,
                          long changedFiles, long unchangedFiles, long deletedFiles, List<String> warnings) {
        this(index, indexSha256, totalBytes, fileCount, newFiles, changedFiles, unchangedFiles, deletedFiles,
                warnings, null);
    }
}
