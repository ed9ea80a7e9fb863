package app.mamori.vault.crypto;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncryptedObjectTest {
    private static final String CONTEXT = "data/db1/shop/20261124T153012Z/shopdb.dump";
    private static final int CHUNK = ChunkFormat.CHUNK;
    private static final int SEALED = CHUNK + ChunkFormat.TAG;
    private static DataKeys keys;

    @BeforeAll
    static void keys() {
        keys = VaultKey.create("correct horse battery staple").keys();
    }

    private static byte[] plain(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    private static byte[] encrypt(byte[] plain, String context) throws IOException {
        try (InputStream in = new EncryptingInputStream(new ByteArrayInputStream(plain), keys,
                keys.saltFor(context, "sha"), context)) {
            return in.readAllBytes();
        }
    }

    private static byte[] decrypt(byte[] sealed, String context) throws IOException {
        try (InputStream in = new DecryptingInputStream(new ByteArrayInputStream(sealed), keys, context)) {
            return in.readAllBytes();
        }
    }

    @Test
    void roundTripsEmptyShortExactAndLongObjectsAtTheSizeItPredicts() throws IOException {
        for (int size : new int[]{0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 2 * CHUNK + 12345}) {
            byte[] p = plain(size);
            byte[] sealed = encrypt(p, CONTEXT);
            assertThat(sealed).as("size %d", size).hasSize((int) EncryptingInputStream.encryptedSize(size));
            assertThat(decrypt(sealed, CONTEXT)).as("size %d", size).isEqualTo(p);
        }
    }

    /** The format is plain AES-256-GCM as docs/offsite.md describes it: the JDK's own cipher reads what ACCP wrote. */
    @Test
    void anyAesGcmImplementationReadsTheObjectAsDocumented() throws Exception {
        byte[] p = "one short chunk".getBytes(StandardCharsets.UTF_8);
        byte[] salt = keys.saltFor(CONTEXT, "sha");
        byte[] sealed = encrypt(p, CONTEXT);
        byte[] header = Arrays.copyOf(sealed, ChunkFormat.HEADER);
        assertThat(new String(header, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("MAMORIc1");
        assertThat(Arrays.copyOfRange(header, 8, 40)).isEqualTo(salt);

        javax.crypto.Cipher jdk = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        byte[] nonce = new byte[12];
        nonce[11] = 1; // chunk 0, the last one
        jdk.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(keys.objectKey(salt), "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, nonce));
        jdk.updateAAD(header);
        jdk.updateAAD(CONTEXT.getBytes(StandardCharsets.UTF_8));

        assertThat(jdk.doFinal(sealed, ChunkFormat.HEADER, sealed.length - ChunkFormat.HEADER)).isEqualTo(p);
    }

    @Test
    void theSameArtifactEncryptsToTheSameBytesSoAnUploadCanResume() throws IOException {
        byte[] p = plain(CHUNK + 7);
        assertThat(encrypt(p, CONTEXT)).isEqualTo(encrypt(p, CONTEXT));
    }

    @Test
    void noPlaintextIsLeftInTheObject() throws IOException {
        byte[] p = ("CREATE TABLE customers (name text); -- secret row " + "x".repeat(5000))
                .getBytes(StandardCharsets.UTF_8);
        String sealed = new String(encrypt(p, CONTEXT), StandardCharsets.ISO_8859_1);
        assertThat(sealed).doesNotContain("customers").doesNotContain("secret row").doesNotContain("xxxx");
    }

    @Test
    void aFlippedByteAnywhereIsCaught() throws IOException {
        byte[] sealed = encrypt(plain(CHUNK + 100), CONTEXT);
        for (int at : new int[]{3, ChunkFormat.HEADER - 1, ChunkFormat.HEADER + 5, ChunkFormat.HEADER + SEALED - 1,
                sealed.length - 1}) {
            byte[] bad = sealed.clone();
            bad[at] ^= 0x01;
            assertThatThrownBy(() -> decrypt(bad, CONTEXT)).as("byte %d", at).isInstanceOf(TamperedObjectException.class);
        }
    }

    @Test
    void swappedChunksAreCaught() throws IOException {
        byte[] sealed = encrypt(plain(3 * CHUNK), CONTEXT);
        byte[] bad = sealed.clone();
        int a = ChunkFormat.HEADER;
        int b = ChunkFormat.HEADER + SEALED;
        System.arraycopy(sealed, b, bad, a, SEALED);
        System.arraycopy(sealed, a, bad, b, SEALED);

        assertThatThrownBy(() -> decrypt(bad, CONTEXT)).isInstanceOf(TamperedObjectException.class)
                .hasMessageContaining("chunk 0");
    }

    @Test
    void anObjectCutAtAChunkBoundaryOrInsideAChunkIsCaught() throws IOException {
        byte[] sealed = encrypt(plain(2 * CHUNK + 10), CONTEXT);
        byte[] atBoundary = Arrays.copyOf(sealed, ChunkFormat.HEADER + 2 * SEALED);
        byte[] inside = Arrays.copyOf(sealed, ChunkFormat.HEADER + SEALED + 100);
        byte[] headerOnly = Arrays.copyOf(sealed, ChunkFormat.HEADER);

        assertThatThrownBy(() -> decrypt(atBoundary, CONTEXT)).isInstanceOf(TamperedObjectException.class);
        assertThatThrownBy(() -> decrypt(inside, CONTEXT)).isInstanceOf(TamperedObjectException.class);
        assertThatThrownBy(() -> decrypt(headerOnly, CONTEXT)).isInstanceOf(TamperedObjectException.class);
    }

    @Test
    void anObjectReadUnderAnotherNameIsCaught() throws IOException {
        byte[] sealed = encrypt(plain(100), CONTEXT);
        assertThatThrownBy(() -> decrypt(sealed, "data/db1/shop/20261125T000000Z/shopdb.dump"))
                .isInstanceOf(TamperedObjectException.class);
    }

    @Test
    void anotherVaultsKeysCannotReadTheObject() throws IOException {
        byte[] sealed = encrypt(plain(100), CONTEXT);
        DataKeys other = VaultKey.create("correct horse battery staple").keys();
        assertThatThrownBy(() -> new DecryptingInputStream(new ByteArrayInputStream(sealed), other, CONTEXT).readAllBytes())
                .isInstanceOf(TamperedObjectException.class);
    }

    @Test
    void objectNamesAreKeyedHashesThatGiveNothingAway() {
        String name = keys.objectName(CONTEXT);
        assertThat(name).matches("[0-9a-f]{64}").doesNotContain("shop").isEqualTo(keys.objectName(CONTEXT));
        assertThat(VaultKey.create("correct horse battery staple").keys().objectName(CONTEXT)).isNotEqualTo(name);
    }
}
