package app.mamori.vault;

/**
 * A file as it landed in the vault.
 *
 * @param name        file name inside the point folder
 * @param size        bytes stored
 * @param sha256      hex SHA-256 of the stored bytes
 * @param rawSize     bytes received from the server, before compression
 * @param compression "zstd" or "none"
 */
public record StoredFile(String name, long size, String sha256, long rawSize, String compression) {
}
