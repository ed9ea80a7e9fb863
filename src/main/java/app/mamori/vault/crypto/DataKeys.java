package app.mamori.vault.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The keys an unlocked vault works with, derived from its random 32-byte data key: one that
 * encrypts objects and one that names them. Names are keyed hashes, so the bucket's listing
 * shows no server, job, source or file name, and still a resumed copy finds its object again.
 */
public final class DataKeys {
    private final byte[] encryption;
    private final byte[] naming;

    DataKeys(byte[] dataKey) {
        if (dataKey.length != 32) {
            throw new IllegalArgumentException("a data key has 32 bytes");
        }
        this.encryption = hmac(dataKey, "mamori object encryption");
        this.naming = hmac(dataKey, "mamori object names");
    }

    /** The object name for what {@code context} says (e.g. {@code data/db1/shop/20261124T153012Z/shopdb.dump}). */
    public String objectName(String context) {
        return HexFormat.of().formatHex(hmac(naming, context));
    }

    /** An object's key, from the salt in its header. */
    byte[] objectKey(byte[] salt) {
        return hmac(encryption, salt);
    }

    /**
     * A salt fixed by what the object holds: the same artifact encrypts to the same bytes, so an
     * interrupted upload can resume part for part. Two different plaintexts never share a salt
     * (their SHA-256 differ), so no key and nonce are ever used twice on different data.
     */
    public byte[] saltFor(String context, String plaintextSha256) {
        return hmac(encryption, "salt\0" + context + "\0" + plaintextSha256);
    }

    static byte[] hmac(byte[] key, String message) {
        return hmac(key, message.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }
}
