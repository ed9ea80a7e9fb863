package app.mamori.util;

import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class NativeCryptoTest {
    @Test
    void onLinuxX8664StoredBytesAreHashedByTheNativeProvider() {
        String provider = NativeCrypto.sha256().getProvider().getName();
        if (System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64")) {
            assertThat(provider).isEqualTo("AmazonCorrettoCryptoProvider");
            assertThat(NativeCrypto.implementation()).startsWith("AmazonCorrettoCryptoProvider");
        } else {
            assertThat(NativeCrypto.implementation()).isEqualTo("JDK");
        }
    }

    @Test
    void itsSha256IsTheStandardOneWholeOrInPiecesAndAfterAReset() throws Exception {
        MessageDigest sha = NativeCrypto.sha256();
        assertThat(HexFormat.of().formatHex(sha.digest("abc".getBytes())))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        byte[] data = new byte[200_003];
        new java.util.SplittableRandom(3).nextBytes(data);
        for (int off = 0; off < data.length; off += 4_099) {
            sha.update(data, off, Math.min(4_099, data.length - off));
        }
        assertThat(sha.digest()).isEqualTo(MessageDigest.getInstance("SHA-256", "SUN").digest(data));
    }
}
