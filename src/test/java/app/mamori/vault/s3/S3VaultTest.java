package app.mamori.vault.s3;

import app.mamori.model.ObjectVault;
import app.mamori.testenv.CuttingProxy;
import app.mamori.testenv.S3Extension;
import app.mamori.testenv.S3Server;
import app.mamori.util.CancelToken;
import app.mamori.vault.Json;
import app.mamori.vault.Manifest;
import app.mamori.vault.ManifestFile;
import app.mamori.vault.crypto.WrongPassphraseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The S3 vault against a real S3 API server (S3Mock) on loopback. */
@ExtendWith(S3Extension.class)
class S3VaultTest {
    private static final String PASSPHRASE = "a long passphrase for the office";
    private static final String LOCATION = "db1/shop/20261124T153012Z";

    private static ObjectVault config(String name, String bucket, String endpoint, boolean encrypted) {
        return new ObjectVault(name, bucket, "mamori/", Optional.of(endpoint), S3Server.REGION, true,
                S3Server.ACCESS_KEY_ID, encrypted);
    }

    private static byte[] data(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static UploadResult put(S3Vault v, byte[] b, String sha) throws IOException {
        return v.putArtifact(LOCATION, "shopdb.dump", new ByteArrayInputStream(b), b.length, sha, n -> { },
                CancelToken.none());
    }

    private static byte[] manifest() throws IOException {
        return Json.mapper().writeValueAsBytes(new Manifest(1, "20261124T153012Z", "db1", "db1.example", "SHA256:x",
                "shop", "local", Instant.parse("2026-11-24T15:30:12Z"), Instant.parse("2026-11-24T15:31:00Z"), "0.1",
                List.of()));
    }

    @Test
    void anEncryptedPointRoundTripsInPartsUnderNamesThatSayNothing(S3Server s3) throws Exception {
        String bucket = s3.newBucket("enc");
        byte[] dump = data(20 << 20);
        try (S3Vault v = S3Vault.setUp(config("off", bucket, s3.endpoint(), true), S3Server.SECRET_ACCESS_KEY,
                Optional.of(PASSPHRASE))) {
            UploadResult r = put(v, dump, sha256(dump));
            v.putManifest(LOCATION, manifest());
            assertThat(r.sent()).isGreaterThan(dump.length).isLessThan(dump.length + (1 << 16));
            assertThat(r.resumed()).isZero();
        }

        Map<String, byte[]> objects = s3.objects(bucket);
        // a keyed hash and nothing else ("db1" alone could be hex by chance)
        assertThat(objects.keySet()).hasSize(3).contains("mamori/mamori-key.json")
                .allSatisfy(k -> assertThat(k).matches("mamori/(mamori-key\\.json|points/[0-9a-f]{64}|data/[0-9a-f]{64})"));
        byte[] window = java.util.Arrays.copyOfRange(dump, 12345, 12345 + 64);
        for (byte[] o : objects.values()) {
            assertThat(indexOf(o, window)).as("a piece of the dump in an object").isNegative();
            assertThat(new String(o, StandardCharsets.ISO_8859_1)).doesNotContain("db1.example");
        }
        try (S3Vault again = S3Vault.open(config("off", bucket, s3.endpoint(), true), S3Server.SECRET_ACCESS_KEY,
                Optional.of(PASSPHRASE)); InputStream in = again.openArtifact(LOCATION, "shopdb.dump")) {
            assertThat(in.readAllBytes()).isEqualTo(dump);
            List<ManifestFile> points = again.manifests();
            assertThat(points).extracting(ManifestFile::location).containsExactly(LOCATION);
            assertThat(points.get(0).manifest().host()).isEqualTo("db1.example");
        }
    }

    @Test
    void aCopyCutOffMidUploadResumesWithoutSendingFinishedPartsAgain(S3Server s3) throws Exception {
        String bucket = s3.newBucket("resume");
        byte[] dump = data(30 << 20);
        String sha = sha256(dump);
        try (CuttingProxy proxy = new CuttingProxy(s3.port())) {
            ObjectVault cfg = config("off", bucket, proxy.endpoint(), true);
            try (S3Vault v = S3Vault.setUp(cfg, S3Server.SECRET_ACCESS_KEY, Optional.of(PASSPHRASE))) {
                proxy.cutAfter(20 << 20);
                assertThatThrownBy(() -> put(v, dump, sha)).isInstanceOf(IOException.class);
            }
            assertThat(s3.keys(bucket)).as("nothing half-uploaded is visible").containsExactly("mamori/mamori-key.json");

            proxy.heal();
            UploadResult r;
            try (S3Vault v = S3Vault.open(cfg, S3Server.SECRET_ACCESS_KEY, Optional.of(PASSPHRASE))) {
                r = put(v, dump, sha);
            }
            assertThat(r.resumed()).as("parts kept from the first attempt").isGreaterThanOrEqualTo(16L << 20);
            assertThat(r.sent() + r.resumed()).isEqualTo(EncryptedSize.of(dump.length));
            assertThat(proxy.sent()).as("bytes on the wire the second time").isLessThan(16L << 20);
            try (S3Vault v = S3Vault.open(cfg, S3Server.SECRET_ACCESS_KEY, Optional.of(PASSPHRASE));
                 InputStream in = v.openArtifact(LOCATION, "shopdb.dump")) {
                assertThat(in.readAllBytes()).isEqualTo(dump);
            }
        }
    }

    @Test
    void anArtifactThatNoLongerMatchesItsRecordedSha256IsNotCopied(S3Server s3) throws Exception {
        String bucket = s3.newBucket("damaged");
        byte[] dump = data(12 << 20);
        String recorded = sha256(dump);
        dump[5 << 20] ^= 1;
        try (S3Vault v = S3Vault.setUp(config("off", bucket, s3.endpoint(), false), S3Server.SECRET_ACCESS_KEY,
                Optional.empty())) {
            assertThatThrownBy(() -> put(v, dump, recorded)).isInstanceOf(IOException.class)
                    .hasMessageContaining("not the " + recorded).hasMessageContaining("damaged");
        }
        assertThat(s3.keys(bucket)).isEmpty();
        assertThat(s3.client().listMultipartUploads(b -> b.bucket(bucket)).uploads()).as("aborted").isEmpty();
    }

    @Test
    void aPlainVaultKeepsReadableNamesLikeTheLocalOne(S3Server s3) throws Exception {
        String bucket = s3.newBucket("plain");
        byte[] dump = data(1000);
        try (S3Vault v = S3Vault.setUp(config("off", bucket, s3.endpoint(), false), S3Server.SECRET_ACCESS_KEY,
                Optional.empty())) {
            put(v, dump, sha256(dump));
            v.putManifest(LOCATION, manifest());
            assertThat(v.manifests()).extracting(ManifestFile::location).containsExactly(LOCATION);
        }
        assertThat(s3.objects(bucket)).containsOnlyKeys("mamori/data/" + LOCATION + "/shopdb.dump",
                "mamori/points/" + LOCATION + ".json").containsEntry("mamori/data/" + LOCATION + "/shopdb.dump", dump);
    }

    @Test
    void aWrongPassphraseIsRefusedAndAPlainVaultOverAnEncryptedOneToo(S3Server s3) throws Exception {
        String bucket = s3.newBucket("wrong");
        S3Vault.setUp(config("off", bucket, s3.endpoint(), true), S3Server.SECRET_ACCESS_KEY,
                Optional.of(PASSPHRASE)).close();

        assertThatThrownBy(() -> S3Vault.setUp(config("again", bucket, s3.endpoint(), true), S3Server.SECRET_ACCESS_KEY,
                Optional.of("not the passphrase at all"))).isInstanceOf(WrongPassphraseException.class)
                .hasMessageContaining("passphrase does not open this vault's key");
        assertThatThrownBy(() -> S3Vault.setUp(config("again", bucket, s3.endpoint(), false),
                S3Server.SECRET_ACCESS_KEY, Optional.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds an encrypted Mamori vault");
    }

    @Test
    void aMissingBucketSaysSo(S3Server s3) {
        assertThatThrownBy(() -> S3Vault.setUp(config("off", "no-such-bucket-here", s3.endpoint(), false),
                S3Server.SECRET_ACCESS_KEY, Optional.empty())).isInstanceOf(IOException.class)
                .hasMessageContaining("no-such-bucket-here");
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The encrypted size, from the format's public helper. */
    private static final class EncryptedSize {
        static long of(long plain) {
            return app.mamori.vault.crypto.EncryptingInputStream.encryptedSize(plain);
        }
    }
}
