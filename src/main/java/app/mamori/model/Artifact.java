package app.mamori.model;

/**
 * What one source left in a restore point.
 *
 * @param path   relative to the restore point folder
 * @param size   bytes stored (for a file tree: bytes of all files in the snapshot)
 * @param sha256 hex SHA-256 of the stored file (for a file tree: of its index)
 */
public record Artifact(String source, SourceKind kind, String path, long size, String sha256) {
}
