package app.mamori.util;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.Optional;

/**
 * Amazon Corretto Crypto Provider (AWS-LC, native code) where it loads and passes its
 * self-tests, for the two operations every byte of a backup goes through: AES-GCM on the SSH
 * channel and SHA-256 of what is stored. Elsewhere (ACCP ships Linux libraries only) the JDK's
 * providers do the same work more slowly.
 *
 * <p>ACCP's SHA-256 does not depend on the JIT. The JDK's keeps up with it only once C2 has
 * compiled it (its intrinsic); before that, and in commands, which run with C1 only, it is
 * several times slower: 11.2 s against 0.9 s per GiB measured (docs/benchmarks.md §3).
 */
public final class NativeCrypto {
    private static final Provider PROVIDER = choose();

    private NativeCrypto() {
    }

    private static Provider choose() {
        if (Boolean.getBoolean("mamori.jdkCrypto")) {
            return null;
        }
        try {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            if (accp.getLoadingError() != null) {
                return null;
            }
            accp.assertHealthy();
            return accp;
        } catch (RuntimeException | LinkageError unavailable) {
            return null;
        }
    }

    /** ACCP when it works on this machine; empty for the JDK's default providers. */
    public static Optional<Provider> provider() {
        return Optional.ofNullable(PROVIDER);
    }

    /** A new SHA-256 digest, native where ACCP works. */
    public static MessageDigest sha256() {
        try {
            return PROVIDER != null ? MessageDigest.getInstance("SHA-256", PROVIDER) : MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Which implementation this JVM uses, for the log and the benchmarks. */
    public static String implementation() {
        return PROVIDER == null ? "JDK" : PROVIDER.getName() + " " + PROVIDER.getVersionStr();
    }
}
