package app.mamori.ssh;

import app.mamori.util.NativeCrypto;

import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.Provider;
import java.util.Arrays;

/**
 * JSch's {@code aes*-gcm@openssh.com} ciphers with AES-GCM from Amazon Corretto Crypto
 * Provider (AWS-LC, native) where it loads, else from the JDK. Every byte of a backup passes
 * through here; ACCP decrypts 32 KiB packets about three times faster than JDK 17 on the
 * same machine (see docs/benchmarks.md). Key exchange and host keys stay with the JDK's
 * providers; {@link NativeCrypto} chooses ACCP for this cipher and for the SHA-256 of stored bytes.
 *
 * <p>The nonce is RFC 5647's: a fixed 4-byte field and an 8-byte invocation counter that
 * grows by one per packet and must never wrap to its first value.
 */
public abstract class NativeAesGcm implements com.jcraft.jsch.Cipher {
    private static final int BLOCK_FOR_IV = 16;
    private static final int TAG_BYTES = 16;
    private static final Provider PROVIDER = chooseProvider();

    private javax.crypto.Cipher cipher;
    private SecretKeySpec key;
    private int mode;
    private ByteBuffer nonce;
    private long firstCounter;

    /** ACCP when its native library loaded and passed its self-tests; null for the JDK's default. */
    private static Provider chooseProvider() {
        return Boolean.getBoolean("mamori.ssh.jdkAes") ? null : NativeCrypto.provider().orElse(null);
    }

    /** Which implementation this JVM uses, for the log and the benchmark. */
    public static String implementation() {
        return PROVIDER == null ? "JDK" : PROVIDER.getName() + " " + PROVIDER.getVersionStr();
    }

    @Override
    public int getIVSize() {
        return BLOCK_FOR_IV;
    }

    @Override
    public int getTagSize() {
        return TAG_BYTES;
    }

    @Override
    public void init(int mode, byte[] key, byte[] iv) throws Exception {
        this.mode = mode == ENCRYPT_MODE ? javax.crypto.Cipher.ENCRYPT_MODE : javax.crypto.Cipher.DECRYPT_MODE;
        this.key = new SecretKeySpec(Arrays.copyOf(key, getBlockSize()), "AES");
        this.nonce = ByteBuffer.wrap(Arrays.copyOf(iv, 12));
        this.firstCounter = nonce.getLong(4);
        cipher = PROVIDER == null ? javax.crypto.Cipher.getInstance("AES/GCM/NoPadding")
                : javax.crypto.Cipher.getInstance("AES/GCM/NoPadding", PROVIDER);
        rekey();
    }

    @Override
    public void update(byte[] in, int inOffset, int length, byte[] out, int outOffset) throws Exception {
        cipher.update(in, inOffset, length, out, outOffset);
    }

    @Override
    public void updateAAD(byte[] in, int offset, int length) throws Exception {
        cipher.updateAAD(in, offset, length);
    }

    @Override
    public void doFinal(byte[] in, int inOffset, int length, byte[] out, int outOffset) throws Exception {
        cipher.doFinal(in, inOffset, length, out, outOffset);
        long next = nonce.getLong(4) + 1;
        if (next == firstCounter) {
            throw new IllegalStateException("AES-GCM nonce would repeat; the connection must be re-keyed");
        }
        nonce.putLong(4, next);
        rekey();
    }

    private void rekey() throws Exception {
        cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce.array()));
    }

    @Override
    public boolean isCBC() {
        return false;
    }

    @Override
    public boolean isAEAD() {
        return true;
    }

    /** {@code aes128-gcm@openssh.com}. */
    public static final class Aes128 extends NativeAesGcm {
        @Override
        public int getBlockSize() {
            return 16;
        }
    }

    /** {@code aes256-gcm@openssh.com}. */
    public static final class Aes256 extends NativeAesGcm {
        @Override
        public int getBlockSize() {
            return 32;
        }
    }
}
