package app.mamori.vault.s3;

import app.mamori.model.Note;
import app.mamori.model.ObjectVault;
import app.mamori.util.CancelToken;
import app.mamori.util.NativeCrypto;
import app.mamori.vault.Json;
import app.mamori.vault.Manifest;
import app.mamori.vault.ManifestFile;
import app.mamori.vault.crypto.DataKeys;
import app.mamori.vault.crypto.DecryptingInputStream;
import app.mamori.vault.crypto.EncryptingInputStream;
import app.mamori.vault.crypto.TamperedObjectException;
import app.mamori.vault.crypto.VaultKey;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * One object vault, opened: uploads artifacts and manifests of restore points, lists the points
 * it holds and reads them back, decrypting when the vault is encrypted. SDK errors leave as
 * {@link IOException}s whose message says what to do.
 */
public final class S3Vault implements AutoCloseable {
    private static final String MANIFEST_CONTEXT = "point manifest";
    private final ObjectVault config;
    private final S3Client s3;
    private final Optional<DataKeys> keys;
    private final ObjectLayout layout;

    private S3Vault(ObjectVault config, S3Client s3, Optional<DataKeys> keys) {
        this.config = config;
        this.s3 = s3;
        this.keys = keys;
        this.layout = new ObjectLayout(config.prefix(), keys);
    }

    /**
     * Checks the bucket can be reached with the key, and for an encrypted vault sets its key up:
     * a new key file when the bucket has none, or the existing one opened with the passphrase
     * (a vault added again on a new computer). A plain vault over an encrypted one is refused.
     */
    public static S3Vault setUp(ObjectVault config, String secretKey, Optional<String> passphrase) throws IOException {
        S3Client s3 = S3Clients.build(config, secretKey);
        try {
            s3.headBucket(b -> b.bucket(config.bucket()));
            if (config.locked()) {
                ObjectLock.refusal(s3, config.bucket()).ifPresent(why -> {
                    throw new IllegalArgumentException(why);
                });
            }
            boolean keyFile = !KeyObjects.list(s3, config.bucket(), config.prefix()).isEmpty();
            if (!config.encrypted()) {
                if (keyFile) {
                    throw new IllegalArgumentException("--encrypt: s3://" + config.bucket() + "/" + config.prefix()
                            + " holds an encrypted Mamori vault; add it with --encrypt and its passphrase");
                }
                return new S3Vault(config, s3, Optional.empty());
            }
            String pass = passphrase.orElseThrow(() -> new IllegalArgumentException(
                    "--encrypt: give the passphrase on stdin, on the line after the secret key"));
            if (keyFile) {
                return new S3Vault(config, s3, Optional.of(KeyObjects.unlock(s3, config.bucket(), config.prefix(),
                        pass).orElseThrow().keys()));
            }
            VaultKey.Created created = VaultKey.create(pass);
            KeyObjects.create(s3, config.bucket(), config.prefix(), created.file());
            return new S3Vault(config, s3, Optional.of(created.keys()));
        } catch (SdkException e) {
            s3.close();
            throw S3Clients.failure(config, e);
        } catch (IOException | RuntimeException e) {
            s3.close();
            throw e;
        }
    }

    /** Opens a vault already set up; an encrypted one with its passphrase. */
    public static S3Vault open(ObjectVault config, String secretKey, Optional<String> passphrase) throws IOException {
        S3Client s3 = S3Clients.build(config, secretKey);
        try {
            if (!config.encrypted()) {
                return new S3Vault(config, s3, Optional.empty());
            }
            ObjectLayout plain = new ObjectLayout(config.prefix(), Optional.empty());
            String pass = passphrase.orElseThrow(() -> new IOException("vault " + config.name() + " is encrypted"
                    + " and its passphrase is not in the secret store; add the vault again with --encrypt"));
            DataKeys keys = KeyObjects.unlock(s3, config.bucket(), config.prefix(), pass).orElseThrow(() ->
                    new IOException("vault " + config.name() + ": s3://" + config.bucket() + "/" + plain.keyFile()
                            + " is missing, so nothing in this vault can be decrypted; it was deleted, or the bucket or"
                            + " prefix is not the vault's")).keys();
            return new S3Vault(config, s3, Optional.of(keys));
        } catch (SdkException e) {
            s3.close();
            throw S3Clients.failure(config, e);
        } catch (IOException | RuntimeException e) {
            s3.close();
            throw e;
        }
    }

    /**
     * Changes an encrypted vault's passphrase: the data key is rewrapped (see {@link KeyObjects}),
     * nothing else in the bucket changes. The old passphrase must open the vault.
     */
    public static void changePassphrase(ObjectVault config, String secretKey, String oldPassphrase,
                                        String newPassphrase) throws IOException {
        if (!config.encrypted()) {
            throw new IllegalArgumentException("vault " + config.name() + " is not encrypted, so it has no passphrase");
        }
        try (S3Client s3 = S3Clients.build(config, secretKey)) {
            KeyObjects.change(s3, config, oldPassphrase, newPassphrase);
        } catch (SdkException e) {
            throw S3Clients.failure(config, e);
        }
    }

    public ObjectVault config() {
        return config;
    }

    /** The content-addressed objects of one job's file-tree copies (see {@link TreeObjects}). */
    public TreeObjects trees(String server, String job) {
        return new TreeObjects(this, server + "/" + job);
    }

    S3Client client() {
        return s3;
    }

    Optional<DataKeys> keys() {
        return keys;
    }

    ObjectLayout layout() {
        return layout;
    }

    /**
     * Uploads a point's artifact, read from {@code plaintext} ({@code size} bytes), resuming an
     * interrupted upload of the same artifact. The bytes read must hash to {@code sha256}, the
     * SHA-256 recorded when the point was taken, or the object is not completed.
     */
    public UploadResult putArtifact(String location, String artifact, InputStream plaintext, long size, String sha256,
                                    LongConsumer progress, CancelToken cancel) throws IOException {
        return putArtifact(location, artifact, plaintext, size, sha256, Optional.empty(), progress, cancel);
    }

    /** As above; with {@code retainUntil}, the object is under COMPLIANCE Object Lock until then. */
    public UploadResult putArtifact(String location, String artifact, InputStream plaintext, long size, String sha256,
                                    Optional<Instant> retainUntil, LongConsumer progress, CancelToken cancel)
            throws IOException {
        String context = ObjectLayout.dataContext(location, artifact);
        MessageDigest digest = NativeCrypto.sha256();
        InputStream hashed = new DigestInputStream(plaintext, digest);
        InputStream body = keys.<InputStream>map(k -> new EncryptingInputStream(hashed, k, k.saltFor(context, sha256),
                context)).orElse(hashed);
        long stored = keys.isPresent() ? EncryptingInputStream.encryptedSize(size) : size;
        try {
            return new ResumableUpload(s3, config.bucket(), layout.dataKey(location, artifact), retainUntil).send(body, stored,
                    progress, cancel, () -> {
                        String got = HexFormat.of().formatHex(digest.digest());
                        if (!got.equalsIgnoreCase(sha256)) {
                            throw new StorageException(Note.of("copyLocalDamaged", artifact + " in the local vault"
                                    + " has SHA-256 " + got + ", not the " + sha256 + " recorded when point " + location
                                    + " was taken; it is damaged, so it was not copied", artifact, got, sha256,
                                    location), null);
                        }
                    });
        } catch (SdkException e) {
            throw S3Clients.failure(config, e);
        }
    }

    /** Stores a point's manifest: written last, it marks the point's copy complete. */
    public void putManifest(String location, byte[] manifestJson) throws IOException {
        putManifest(location, manifestJson, Optional.empty());
    }

    /** As above; with {@code retainUntil}, the manifest is under COMPLIANCE Object Lock until then. */
    public void putManifest(String location, byte[] manifestJson, Optional<Instant> retainUntil) throws IOException {
        byte[] body = seal(MANIFEST_CONTEXT, manifestJson);
        try {
            s3.putObject(p -> ObjectLock.onPut(p.bucket(config.bucket()).key(layout.pointKey(location))
                    .contentMD5(md5(body)), retainUntil), RequestBody.fromBytes(body));
        } catch (SdkException e) {
            throw S3Clients.failure(config, e);
        }
    }

    public boolean hasPoint(String location) throws IOException {
        try {
            s3.headObject(b -> b.bucket(config.bucket()).key(layout.pointKey(location)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw S3Clients.failure(config, e);
        } catch (SdkException e) {
            throw S3Clients.failure(config, e);
        }
    }

    /**
     * Until when the bucket keeps a point's copy under Object Lock, read from its manifest's
     * retention (every object of a copy is locked to the same date); empty when it is not locked.
     */
    public Optional<Instant> lockedUntil(String location) throws IOException {
        try {
            return Optional.ofNullable(s3.headObject(b -> b.bucket(config.bucket()).key(layout.pointKey(location)))
                    .objectLockRetainUntilDate());
        } catch (SdkException e) {
            throw S3Clients.failure(config, e);
        }
    }

    /**
     * Every point's manifest in the vault, decrypted. An encrypted manifest is sealed under one
     * fixed context (its name, a keyed hash of its location, cannot be inverted), so after
     * decrypting, its location must give back the name it was listed under.
     */
    public List<ManifestFile> manifests() throws IOException {
        List<ManifestFile> out = new ArrayList<>();
        try {
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(config.bucket()).prefix(layout.pointsPrefix()))
                    .contents()) {
                byte[] stored = read(s3, config.bucket(), o.key()).orElseThrow(() -> new IOException(o.key()
                        + " vanished while the vault was read"));
                byte[] json = keys.isPresent() ? unseal(MANIFEST_CONTEXT, stored) : stored;
                Manifest m = Json.mapper().readValue(json, Manifest.class);
                String location = m.server() + "/" + m.job() + "/" + m.id();
                if (!layout.pointKey(location).equals(o.key())) {
                    throw new TamperedObjectException(o.key() + " holds the manifest of point " + location
                            + ", which belongs under another name; the bucket was tampered with");
                }
                out.add(new ManifestFile(location, m));
            }
        } catch (SdkException e) {
            throw S3Clients.failure(config, e);
        }
        return out;
    }

    /** One point's manifest as it was stored, decrypted. */
    public byte[] manifest(String location) throws IOException {
        try {
            byte[] stored = read(s3, config.bucket(), layout.pointKey(location)).orElseThrow(() -> new IOException(
                    "vault " + config.name() + " holds no copy of point " + location));
            return keys.isPresent() ? unseal(MANIFEST_CONTEXT, stored) : stored;
        } catch (SdkException e) {
            throw S3Clients.failure(config, e);
        }
    }

    /**
     * Removes a point's copy: its manifest first, so a half-removed point is never listed, then
     * its artifacts. A point already gone is no error. In a vault with Object Lock every version
     * of each object is deleted (a plain delete would only hide it); while the lock lasts the
     * bucket refuses, and the error says so.
     */
    public void removePoint(String location) throws IOException {
        Manifest m;
        try {
            m = Json.mapper().readValue(manifest(location), Manifest.class);
        } catch (IOException e) {
            if (!hasPoint(location)) {
                return;
            }
            throw e;
        }
        try {
            delete(layout.pointKey(location));
            for (Manifest.Entry e : m.sources()) {
                delete(layout.dataKey(location, e.artifact()));
            }
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (config.locked() && e.statusCode() == 403) {
                throw new StorageException(Note.of("storageLocked", "vault " + config.name() + " refused to delete"
                        + " the copy of point " + location + ": its objects are still under Object Lock", config.name(),
                        location), e);
            }
            throw S3Clients.failure(config, e);
        } catch (SdkException e) {
            throw S3Clients.failure(config, e);
        }
    }

    void delete(String key) {
        if (!config.locked()) {
            s3.deleteObject(b -> b.bucket(config.bucket()).key(key));
            return;
        }
        for (String version : ObjectLock.versions(s3, config.bucket(), key)) {
            s3.deleteObject(b -> b.bucket(config.bucket()).key(key).versionId(version));
        }
    }

    /** Reads an artifact back, decrypted; the caller checks its SHA-256. */
    public InputStream openArtifact(String location, String artifact) throws IOException {
        try {
            ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(config.bucket())
                    .key(layout.dataKey(location, artifact)));
            String context = ObjectLayout.dataContext(location, artifact);
            return keys.<InputStream>map(k -> new DecryptingInputStream(in, k, context)).orElse(in);
        } catch (NoSuchKeyException e) {
            throw new IOException("vault " + config.name() + " holds no copy of " + artifact + " of point " + location, e);
        } catch (SdkException e) {
            throw S3Clients.failure(config, e);
        }
    }

    byte[] seal(String context, byte[] plain) throws IOException {
        if (keys.isEmpty()) {
            return plain;
        }
        DataKeys k = keys.get();
        return new EncryptingInputStream(new ByteArrayInputStream(plain), k, k.saltFor(context, sha256Hex(plain)),
                context).readAllBytes();
    }

    byte[] unseal(String context, byte[] sealed) throws IOException {
        return new DecryptingInputStream(new ByteArrayInputStream(sealed), keys.orElseThrow(), context).readAllBytes();
    }

    static Optional<byte[]> read(S3Client s3, String bucket, String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    static String md5(byte[] b) {
        try {
            return java.util.Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is in every JDK", e);
        }
    }

    private static String sha256Hex(byte[] b) {
        return HexFormat.of().formatHex(NativeCrypto.sha256().digest(b));
    }

    @Override
    public void close() {
        s3.close();
    }
}
