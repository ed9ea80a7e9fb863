package app.mamori.vault.s3;

import app.mamori.util.CancelToken;
import app.mamori.util.NativeCrypto;
import app.mamori.vault.crypto.DataKeys;
import app.mamori.vault.crypto.DecryptingInputStream;
import app.mamori.vault.crypto.EncryptingInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The content-addressed objects of one job's file-tree copies, as restic and borg keep theirs:
 * a large file's content is one object ({@link #BLOB}), small files' contents are packed
 * together ({@link #PACK}); each is named by its plaintext's SHA-256 (a keyed hash of it when
 * encrypted), so content already in the bucket is never sent again. Each point's listing (which
 * content each path has) is one more object under the point's own name. Nothing here knows which
 * listing uses which object: that is the copier's and the prune's business.
 */
public final class TreeObjects {
    public static final String BLOB = "b";
    public static final String PACK = "p";

    private final S3Vault vault;
    private final String scope;

    TreeObjects(S3Vault vault, String scope) {
        this.vault = vault;
        this.scope = scope;
    }

    /** The bucket key of one content object, e.g. to compare with {@link #stored()}. */
    public String key(String kind, String id) {
        return vault.layout().treeKey(scope, kind, id);
    }

    /** Every content object of the scope now in the bucket, by key, with when it was written. */
    public Map<String, Instant> stored() throws IOException {
        Map<String, Instant> out = new HashMap<>();
        try {
            for (S3Object o : vault.client().listObjectsV2Paginator(b -> b.bucket(bucket())
                    .prefix(vault.layout().treePrefix(scope))).contents()) {
                out.put(o.key(), o.lastModified());
            }
            return out;
        } catch (SdkException e) {
            throw S3Clients.failure(vault.config(), e);
        }
    }

    /**
     * Uploads one file's content ({@code size} bytes), resuming an interrupted upload of it. The
     * bytes read must hash to {@code sha256}, or the object is not completed.
     */
    public UploadResult putBlob(String sha256, InputStream plain, long size, Optional<Instant> lock,
                                LongConsumer progress, CancelToken cancel) throws IOException {
        String context = ObjectLayout.treeContext(scope, BLOB, sha256);
        MessageDigest digest = NativeCrypto.sha256();
        InputStream hashed = new DigestInputStream(plain, digest);
        Optional<DataKeys> keys = vault.keys();
        InputStream body = keys.<InputStream>map(k -> new EncryptingInputStream(hashed, k, k.saltFor(context, sha256),
                context)).orElse(hashed);
        long stored = keys.isPresent() ? EncryptingInputStream.encryptedSize(size) : size;
        try {
            return new ResumableUpload(vault.client(), bucket(), key(BLOB, sha256), lock).send(body, stored, progress,
                    cancel, () -> {
                        String got = HexFormat.of().formatHex(digest.digest());
                        if (!got.equalsIgnoreCase(sha256)) {
                            throw new IOException("a file has SHA-256 " + got + ", not the " + sha256 + " its"
                                    + " snapshot's index records; it changed or is damaged, so it was not copied");
                        }
                    });
        } catch (SdkException e) {
            throw S3Clients.failure(vault.config(), e);
        }
    }

    /** Stores a pack whose plaintext ({@code plain}) has SHA-256 {@code packSha}; returns the bytes sent. */
    public long putPack(String packSha, byte[] plain, Optional<Instant> lock) throws IOException {
        byte[] body = vault.seal(ObjectLayout.treeContext(scope, PACK, packSha), plain);
        try {
            vault.client().putObject(p -> ObjectLock.onPut(p.bucket(bucket()).key(key(PACK, packSha))
                    .contentMD5(S3Vault.md5(body)), lock), RequestBody.fromBytes(body));
            return body.length;
        } catch (SdkException e) {
            throw S3Clients.failure(vault.config(), e);
        }
    }

    /** A large file's content, decrypted (every chunk authenticated); the caller checks its SHA-256. */
    public InputStream openBlob(String sha256) throws IOException {
        String key = key(BLOB, sha256);
        try {
            InputStream in = vault.client().getObject(b -> b.bucket(bucket()).key(key));
            String context = ObjectLayout.treeContext(scope, BLOB, sha256);
            return vault.keys().<InputStream>map(k -> new DecryptingInputStream(in, k, context)).orElse(in);
        } catch (NoSuchKeyException e) {
            throw new IOException("vault " + vault.config().name() + " lacks object " + key + " (the content "
                    + sha256 + "); the copy is damaged", e);
        } catch (SdkException e) {
            throw S3Clients.failure(vault.config(), e);
        }
    }

    /** A pack's plaintext, decrypted and checked against its SHA-256. */
    public byte[] readPack(String packSha) throws IOException {
        String key = key(PACK, packSha);
        try {
            byte[] stored = S3Vault.read(vault.client(), bucket(), key).orElseThrow(() -> new IOException("vault "
                    + vault.config().name() + " lacks object " + key + " (a pack of small files); the copy is"
                    + " damaged"));
            byte[] plain = vault.keys().isPresent() ? vault.unseal(ObjectLayout.treeContext(scope, PACK, packSha),
                    stored) : stored;
            String got = HexFormat.of().formatHex(NativeCrypto.sha256().digest(plain));
            if (!got.equals(packSha)) {
                throw new IOException("object " + key + " (a pack of small files) has SHA-256 " + got + ", not "
                        + packSha + "; it is damaged");
            }
            return plain;
        } catch (SdkException e) {
            throw S3Clients.failure(vault.config(), e);
        }
    }

    /**
     * Lengthens a reused object's COMPLIANCE lock to {@code until}: a content object shared by
     * several copies must stay locked as long as the longest-locked copy that uses it.
     */
    public void extendLock(String kind, String id, Instant until) throws IOException {
        try {
            ObjectLock.extend(vault.client(), bucket(), key(kind, id), null, until);
        } catch (SdkException e) {
            throw S3Clients.failure(vault.config(), e);
        }
    }

    /**
     * Deletes one content object (every version, in a locked bucket).
     *
     * @return false when the bucket refused because the object is still under Object Lock
     */
    public boolean delete(String key) throws IOException {
        try {
            vault.delete(key);
            return true;
        } catch (S3Exception e) {
            if (vault.config().locked() && e.statusCode() == 403) {
                return false;
            }
            throw S3Clients.failure(vault.config(), e);
        } catch (SdkException e) {
            throw S3Clients.failure(vault.config(), e);
        }
    }

    /** Stores a point's listing of one snapshot, under the name its artifact has in that point. */
    public void putListing(String location, String artifact, byte[] listing, Optional<Instant> lock)
            throws IOException {
        byte[] body = vault.seal(ObjectLayout.dataContext(location, artifact), listing);
        try {
            vault.client().putObject(p -> ObjectLock.onPut(p.bucket(bucket()).key(vault.layout().dataKey(location,
                    artifact)).contentMD5(S3Vault.md5(body)), lock), RequestBody.fromBytes(body));
        } catch (SdkException e) {
            throw S3Clients.failure(vault.config(), e);
        }
    }

    /** A point's listing of one snapshot, decrypted. */
    public byte[] listing(String location, String artifact) throws IOException {
        try (InputStream in = vault.openArtifact(location, artifact)) {
            return in.readAllBytes();
        }
    }

    /** Bytes an encrypted copy of {@code plain} bytes takes (or {@code plain}, in a plain vault). */
    public long storedSize(long plain) {
        return vault.keys().isPresent() ? EncryptingInputStream.encryptedSize(plain) : plain;
    }

    private String bucket() {
        return vault.config().bucket();
    }
}
