package app.mamori.vault.s3;

/**
 * What one object's upload did.
 *
 * @param sent    bytes sent in this attempt
 * @param resumed bytes already in the bucket from an interrupted attempt, not sent again
 */
public record UploadResult(long sent, long resumed) {
}
