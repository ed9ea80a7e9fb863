/**
 * Vaults in S3-compatible object storage (AWS, MinIO, B2, Wasabi, R2, GCS), through the AWS
 * SDK: where copies of restore points go, optionally encrypted on this computer first
 * ({@link app.mamori.vault.crypto}). Uploads are multipart and resume from what the bucket
 * already holds, so nothing local needs to survive an interruption.
 */
package app.mamori.vault.s3;
