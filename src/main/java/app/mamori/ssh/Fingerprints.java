package app.mamori.ssh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Host key fingerprints in the form OpenSSH prints: {@code SHA256:} and unpadded base64. */
final class Fingerprints {
    private Fingerprints() {
    }

    static String sha256(byte[] keyBlob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Accepts what an admin may paste: with or without the prefix, with or without padding. */
    static String normalize(String fingerprint) {
        String fp = fingerprint.strip();
        if (!fp.startsWith("SHA256:")) {
            fp = "SHA256:" + fp;
        }
        while (fp.endsWith("=")) {
            fp = fp.substring(0, fp.length() - 1);
        }
        return fp;
    }
}
