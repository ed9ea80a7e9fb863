package app.mamori.vault.s3;

import app.mamori.model.ObjectVault;
import app.mamori.vault.crypto.DataKeys;
import app.mamori.vault.crypto.VaultKey;
import app.mamori.vault.crypto.WrongPassphraseException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * An encrypted vault's key files in its bucket: {@code mamori-key.json} as the vault was
 * created, {@code mamori-key-TIME.json} after each passphrase change. A change writes the new
 * file, reads it back, and only then deletes the others; so a change cut short leaves two
 * files, each opened by its own passphrase, and reading tries each (newest first) until the
 * passphrase opens one. Once a change finishes, only the new passphrase opens the vault.
 */
final class KeyObjects {
    private static final String STEM = "mamori-key";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyObjects() {
    }

    /** The key files' keys in the bucket, newest first (the name the vault was created with last). */
    static List<String> list(S3Client s3, String bucket, String prefix) {
        List<String> out = new ArrayList<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix + STEM)).contents()) {
            String rest = o.key().substring(prefix.length());
            if (rest.equals(VaultKey.OBJECT_NAME) || rest.matches(STEM + "-[0-9TZ]+-[0-9a-f]+\\.json")) {
                out.add(o.key());
            }
        }
        out.sort(Comparator.comparing((String k) -> k.endsWith("/" + VaultKey.OBJECT_NAME)
                || k.equals(VaultKey.OBJECT_NAME)).thenComparing(Comparator.<String>reverseOrder()));
        return out;
    }

    /** The key file {@code passphrase} opens, with the keys; the wrong passphrase for all of them fails. */
    static Optional<Unlocked> unlock(S3Client s3, String bucket, String prefix, String passphrase) throws IOException {
        WrongPassphraseException wrong = null;
        for (String key : list(s3, bucket, prefix)) {
            Optional<byte[]> json = S3Vault.read(s3, bucket, key);
            if (json.isEmpty()) {
                continue;
            }
            VaultKey file = VaultKey.fromJson(json.get());
            try {
                return Optional.of(new Unlocked(key, file, file.unlock(passphrase)));
            } catch (WrongPassphraseException e) {
                wrong = e;
            }
        }
        if (wrong != null) {
            throw wrong;
        }
        return Optional.empty();
    }

    /** One key file, opened. */
    record Unlocked(String key, VaultKey file, DataKeys keys) {
    }

    /** Writes a new key file (the first one, named as vaults always were). */
    static void create(S3Client s3, String bucket, String prefix, VaultKey file) {
        put(s3, bucket, prefix + VaultKey.OBJECT_NAME, file.toJson());
    }

    /**
     * Rewraps the data key under {@code newPassphrase}: the new key file first, read back and
     * opened, then every other key file deleted (each version, in a bucket with Object Lock).
     */
    static void change(S3Client s3, ObjectVault config, String oldPassphrase, String newPassphrase)
            throws IOException {
        String prefix = config.prefix();
        Unlocked old = unlock(s3, config.bucket(), prefix, oldPassphrase).orElseThrow(() -> new IOException("vault "
                + config.name() + " has no key file in s3://" + config.bucket() + "/" + prefix));
        VaultKey rewrapped = old.file().rewrap(oldPassphrase, newPassphrase);
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        String key = prefix + STEM + "-" + STAMP.format(Instant.now()) + "-" + HexFormat.of().formatHex(random) + ".json";
        put(s3, config.bucket(), key, rewrapped.toJson());
        byte[] back = S3Vault.read(s3, config.bucket(), key).orElseThrow(() -> new IOException("the new key file "
                + key + " was not found after it was written; the passphrase is unchanged"));
        VaultKey.fromJson(back).unlock(newPassphrase);
        for (String other : list(s3, config.bucket(), prefix)) {
            if (!other.equals(key)) {
                if (config.locked()) {
                    for (String version : ObjectLock.versions(s3, config.bucket(), other)) {
                        s3.deleteObject(b -> b.bucket(config.bucket()).key(other).versionId(version));
                    }
                } else {
                    s3.deleteObject(b -> b.bucket(config.bucket()).key(other));
                }
            }
        }
    }

    private static void put(S3Client s3, String bucket, String key, byte[] json) {
        s3.putObject(p -> p.bucket(bucket).key(key).contentMD5(S3Vault.md5(json)), RequestBody.fromBytes(json));
    }
}
