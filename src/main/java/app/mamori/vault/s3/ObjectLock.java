package app.mamori.vault.s3;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * S3 Object Lock as Mamori uses it: COMPLIANCE retention on every object of a copy. COMPLIANCE,
 * not GOVERNANCE, because the threat is someone holding the office's keys: a GOVERNANCE lock
 * yields to any key allowed {@code s3:BypassGovernanceRetention} (an admin's key usually is),
 * while a COMPLIANCE lock is refused to everyone, the bucket's owner included, until it ends.
 * Object Lock PUTs must carry Content-MD5 (or a checksum); every PUT here already does.
 */
final class ObjectLock {
    private ObjectLock() {
    }

    static PutObjectRequest.Builder onPut(PutObjectRequest.Builder b, Optional<Instant> until) {
        return until.map(u -> b.objectLockMode(ObjectLockMode.COMPLIANCE).objectLockRetainUntilDate(u)).orElse(b);
    }

    static CreateMultipartUploadRequest.Builder onCreate(CreateMultipartUploadRequest.Builder b, Optional<Instant> until) {
        return until.map(u -> b.objectLockMode(ObjectLockMode.COMPLIANCE).objectLockRetainUntilDate(u)).orElse(b);
    }

    /** Lengthens one version's lock to {@code until}; a COMPLIANCE lock can be lengthened, never shortened. */
    static void extend(S3Client s3, String bucket, String key, String versionId, Instant until) {
        s3.putObjectRetention(b -> b.bucket(bucket).key(key).versionId(versionId)
                .retention(r -> r.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(until)));
    }

    /**
     * Why the bucket cannot take locked copies, or empty when it can: Object Lock must be on
     * (which needs versioning, and on most providers is chosen when the bucket is created).
     */
    static Optional<String> refusal(S3Client s3, String bucket) {
        try {
            var conf = s3.getObjectLockConfiguration(b -> b.bucket(bucket)).objectLockConfiguration();
            if (conf != null && conf.objectLockEnabled() == ObjectLockEnabled.ENABLED) {
                return Optional.empty();
            }
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
            if (!code.equals("ObjectLockConfigurationNotFoundError") && e.statusCode() != 404) {
                throw e;
            }
        }
        return Optional.of("--object-lock-days: bucket " + bucket + " does not have Object Lock enabled, so its"
                + " copies could be deleted by anyone with the keys. Create a bucket with Object Lock (it turns"
                + " versioning on; e.g. aws s3api create-bucket --bucket NAME --object-lock-enabled-for-bucket, or"
                + " tick Object Lock when creating it in the provider's console; on AWS an existing versioned bucket"
                + " can have it turned on in its properties) and add the vault again, or leave out --object-lock-days");
    }

    /**
     * Every version and delete marker of {@code key}: in a bucket with Object Lock, deleting a key
     * only hides it behind a delete marker, so removing a copy means deleting each version.
     */
    static List<String> versions(S3Client s3, String bucket, String key) {
        List<String> out = new ArrayList<>();
        var pages = s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(key));
        pages.versions().stream().filter(v -> v.key().equals(key)).map(ObjectVersion::versionId).forEach(out::add);
        pages.deleteMarkers().stream().filter(m -> m.key().equals(key)).forEach(m -> out.add(m.versionId()));
        return out;
    }
}
