package app.mamori.vault.crypto;

import app.mamori.util.NativeCrypto;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;

/**
 * The layout of an encrypted object: {@code MAMORIc1}, a 32-byte salt, then AES-256-GCM chunks
 * of {@link #CHUNK} plaintext bytes (the last one shorter, possibly empty), each with its
 * 16-byte tag. The nonce of chunk {@code i} is {@code i} (8 bytes) and a last-chunk flag, so a
 * reordered chunk or one cut off at a chunk boundary fails its tag. Every tag also covers the
 * header and the object's context (what it holds, in words), so one object's bytes stored
 * under another's name fail too.
 */
final class ChunkFormat {
    static final byte[] MAGIC = "MAMORIc1".getBytes(StandardCharsets.US_ASCII);
    static final int SALT = 32;
    static final int HEADER = MAGIC.length + SALT;
    static final int CHUNK = 1 << 20;
    static final int TAG = 16;

    /**
     * AES-GCM from Amazon Corretto Crypto Provider (AWS-LC, native; already Mamori's for SSH)
     * where its library loads and passes its self-tests, else the JDK's: every byte of an
     * encrypted copy goes through it, and JDK 17's GCM costs several times the CPU.
     */
    private static final Provider PROVIDER = chooseProvider();

    private ChunkFormat() {
    }

    private static Provider chooseProvider() {
        return Boolean.getBoolean("mamori.vault.jdkAes") ? null : NativeCrypto.provider().orElse(null);
    }

    /** Which AES-GCM this JVM uses, for the log and the benchmark. */
    static String implementation() {
        return PROVIDER == null ? "JDK" : PROVIDER.getName() + " " + PROVIDER.getVersionStr();
    }

    /** Bytes an object of {@code plain} plaintext bytes takes once encrypted. */
    static long encryptedSize(long plain) {
        long chunks = Math.max(1, (plain + CHUNK - 1) / CHUNK);
        return HEADER + plain + chunks * TAG;
    }

    static byte[] aad(byte[] header, String context) {
        byte[] c = context.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(header.length + c.length).put(header).put(c).array();
    }

    static Cipher cipher(int mode, byte[] key, long index, boolean last, byte[] aad) {
        try {
            byte[] nonce = ByteBuffer.allocate(12).putLong(index).put(new byte[3]).put((byte) (last ? 1 : 0)).array();
            Cipher c = PROVIDER == null ? Cipher.getInstance("AES/GCM/NoPadding")
                    : Cipher.getInstance("AES/GCM/NoPadding", PROVIDER);
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG * 8, nonce));
            c.updateAAD(aad);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JDK", e);
        }
    }
}
