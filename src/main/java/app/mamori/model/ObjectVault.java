package app.mamori.model;

import java.net.URI;
import java.util.Optional;

/**
 * A vault in S3-compatible object storage, where copies of restore points go: a bucket and a
 * prefix in it, the endpoint (absent for AWS itself) and region, and the access key's id. The
 * secret key and the passphrase of an encrypted vault are kept in the secret store, not here.
 * {@code objectLockDays}: every object of a copied point is locked against deletion and
 * overwriting (S3 Object Lock, COMPLIANCE mode) for that many days after the copy; 0: not locked.
 */
public record ObjectVault(String name, String bucket, String prefix, Optional<String> endpoint, String region,
                          boolean pathStyle, String accessKeyId, boolean encrypted, int objectLockDays) {

    /** The longest lock accepted: ten years, more than any office's retention, less than a typo of 36500. */
    public static final int MAX_LOCK_DAYS = 3650;

    /** A vault whose copies are not locked. */
    public ObjectVault(String name, String bucket, String prefix, Optional<String> endpoint, String region,
                       boolean pathStyle, String accessKeyId, boolean encrypted) {
        this(name, bucket, prefix, endpoint, region, pathStyle, accessKeyId, encrypted, 0);
    }

    public ObjectVault {
        Names.requireValid("vault name", name);
        if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.\\-_]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("--s3: '" + bucket + "' is not a bucket name; give BUCKET or"
                    + " BUCKET/PREFIX (bucket names have 3-63 lower-case letters, digits, dots and hyphens)");
        }
        prefix = prefix == null ? "" : prefix.replaceAll("^/+", "");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        if (prefix.contains("//") || prefix.contains("..")) {
            throw new IllegalArgumentException("--s3: the prefix '" + prefix + "' has an empty or '..' part;"
                    + " give BUCKET/FOLDER/SUBFOLDER");
        }
        endpoint = endpoint == null ? Optional.empty() : endpoint.map(String::strip).filter(e -> !e.isEmpty());
        endpoint.ifPresent(ObjectVault::requireUrl);
        if (region == null || !region.matches("[a-z0-9\\-]{2,32}")) {
            throw new IllegalArgumentException("--region: '" + region + "' is not a region; give the one the provider"
                    + " names (us-east-1, eu-central-003, auto for Cloudflare R2)");
        }
        if (accessKeyId == null || accessKeyId.isBlank() || accessKeyId.matches(".*\\s.*")) {
            throw new IllegalArgumentException("--access-key-id: give the access key's id (no spaces)");
        }
        if (objectLockDays < 0 || objectLockDays > MAX_LOCK_DAYS) {
            throw new IllegalArgumentException("--object-lock-days: " + objectLockDays + " is not a number of days"
                    + " from 1 to " + MAX_LOCK_DAYS + " (a COMPLIANCE lock cannot be shortened, even by the bucket's"
                    + " owner); leave the option out for no lock");
        }
    }

    /** Whether copies in this vault are written with Object Lock retention. */
    public boolean locked() {
        return objectLockDays > 0;
    }

    private static void requireUrl(String endpoint) {
        try {
            URI u = URI.create(endpoint);
            if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme())) || u.getHost() == null) {
                throw new IllegalArgumentException("no scheme");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--endpoint: '" + endpoint + "' is not a URL; give the provider's S3"
                    + " endpoint, e.g. https://s3.eu-central-003.backblazeb2.com", e);
        }
    }

    /** As a person reads it: {@code s3://bucket/prefix} and where. */
    public String describe() {
        return "s3://" + bucket + "/" + prefix + endpoint.map(e -> " at " + e).orElse(" (AWS, " + region + ")")
                + (encrypted ? ", encrypted" : "") + (locked() ? ", object lock " + objectLockDays + " days" : "");
    }

    public static String secretKeyKey(String vault) {
        return "vault/" + vault + "/secret-access-key";
    }

    public static String passphraseKey(String vault) {
        return "vault/" + vault + "/passphrase";
    }
}
