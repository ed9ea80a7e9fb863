package app.mamori.vault.crypto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.crypto.generators.SCrypt;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * An encrypted vault's key file, stored in the bucket beside the data: the random data key,
 * wrapped with AES-256-GCM under a key scrypt derives from the passphrase. With the bucket and
 * the passphrase, and nothing else, the data can be read back. Changing the passphrase means
 * rewrapping this file, not re-encrypting the data.
 *
 * @param logN scrypt cost: N = 2^logN (15: 32 MiB and about a tenth of a second per unlock)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VaultKey(int format, String kdf, int logN, int r, int p, String salt, String nonce, String wrapped) {
    public static final String OBJECT_NAME = "mamori-key.json";
    static final int LOG_N = 15;
    private static final byte[] AAD = "mamori vault key 1".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key file and the keys it holds, for a new vault. */
    public record Created(VaultKey file, DataKeys keys) {
    }

    public static Created create(String passphrase) {
        requireUsable(passphrase);
        byte[] dataKey = random(32);
        byte[] salt = random(16);
        byte[] nonce = random(12);
        byte[] kek = kek(passphrase, salt, LOG_N, 8, 1);
        try {
            byte[] wrapped = gcm(Cipher.ENCRYPT_MODE, kek, nonce).doFinal(dataKey);
            Base64.Encoder b64 = Base64.getEncoder();
            VaultKey file = new VaultKey(1, "scrypt", LOG_N, 8, 1, b64.encodeToString(salt), b64.encodeToString(nonce),
                    b64.encodeToString(wrapped));
            return new Created(file, new DataKeys(dataKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JDK", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
            Arrays.fill(kek, (byte) 0);
        }
    }

    /**
     * The same data key wrapped under {@code newPassphrase}, with a new salt and nonce: what a
     * passphrase change writes. Nothing encrypted with the data key changes.
     */
    public VaultKey rewrap(String oldPassphrase, String newPassphrase) throws IOException {
        requireUsable(newPassphrase);
        byte[] dataKey = dataKey(oldPassphrase);
        byte[] salt = random(16);
        byte[] nonce = random(12);
        byte[] kek = kek(newPassphrase, salt, LOG_N, 8, 1);
        try {
            byte[] rewrapped = gcm(Cipher.ENCRYPT_MODE, kek, nonce).doFinal(dataKey);
            Base64.Encoder b64 = Base64.getEncoder();
            return new VaultKey(1, "scrypt", LOG_N, 8, 1, b64.encodeToString(salt), b64.encodeToString(nonce),
                    b64.encodeToString(rewrapped));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JDK", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** The vault's keys; a passphrase that is not this vault's fails with {@link WrongPassphraseException}. */
    public DataKeys unlock(String passphrase) throws IOException {
        byte[] dataKey = dataKey(passphrase);
        try {
            return new DataKeys(dataKey);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private byte[] dataKey(String passphrase) throws IOException {
        if (format != 1 || !"scrypt".equals(kdf) || logN < 10 || logN > 22 || r < 1 || r > 32 || p < 1 || p > 16) {
            throw new IOException("the vault's key file has format " + format + " and KDF " + kdf + " (N=2^" + logN
                    + ", r=" + r + ", p=" + p + "), which this Mamori does not read; update Mamori");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] kek = kek(passphrase, b64.decode(salt), logN, r, p);
        try {
            return gcm(Cipher.DECRYPT_MODE, kek, b64.decode(nonce)).doFinal(b64.decode(wrapped));
        } catch (AEADBadTagException e) {
            throw new WrongPassphraseException("the passphrase does not open this vault's key; give the passphrase"
                    + " the vault was created with, or the one it was last changed to (mamori vault passphrase)");
        } catch (GeneralSecurityException e) {
            throw new IOException("the vault's key file is damaged: " + e.getMessage(), e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    public byte[] toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("a key file always serialises", e);
        }
    }

    public static VaultKey fromJson(byte[] json) throws IOException {
        try {
            return JSON.readValue(json, VaultKey.class);
        } catch (IOException e) {
            throw new IOException("the vault's key file " + OBJECT_NAME + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Refuses a passphrase no one could type back, or one too short to stand up to guessing. */
    public static void requireUsable(String passphrase) {
        if (passphrase == null || passphrase.strip().length() < 8) {
            throw new IllegalArgumentException("--encrypt: the passphrase (the second line on stdin) must have at"
                    + " least 8 characters; a long sentence is best, and keep it somewhere safe away from the office");
        }
    }

    private static byte[] kek(String passphrase, byte[] salt, int logN, int r, int p) {
        return SCrypt.generate(passphrase.getBytes(StandardCharsets.UTF_8), salt, 1 << logN, r, p, 32);
    }

    private static Cipher gcm(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        c.updateAAD(AAD);
        return c;
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
