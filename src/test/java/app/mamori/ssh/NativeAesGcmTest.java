package app.mamori.ssh;

import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NativeAesGcmTest {
    private static final Random RANDOM = new Random(42);

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** The JDK's AES-GCM with the nonce of packet {@code n}: the reference. */
    private static byte[] jdk(int mode, byte[] key, byte[] iv, long n, byte[] aad, byte[] in) throws Exception {
        ByteBuffer nonce = ByteBuffer.wrap(Arrays.copyOf(iv, 12));
        nonce.putLong(4, nonce.getLong(4) + n);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce.array()));
        c.updateAAD(aad);
        return c.doFinal(in);
    }

    @Test
    void packetsEncryptAndDecryptExactlyAsTheJdksAesGcmWithACounterNonce() throws Exception {
        for (NativeAesGcm gcm : new NativeAesGcm[]{new NativeAesGcm.Aes128(), new NativeAesGcm.Aes256()}) {
            byte[] key = random(gcm.getBlockSize());
            byte[] iv = random(16);
            NativeAesGcm enc = gcm instanceof NativeAesGcm.Aes128 ? new NativeAesGcm.Aes128() : new NativeAesGcm.Aes256();
            enc.init(com.jcraft.jsch.Cipher.ENCRYPT_MODE, key, iv);
            gcm.init(com.jcraft.jsch.Cipher.DECRYPT_MODE, key, iv);
            for (int packet = 0; packet < 5; packet++) {
                byte[] aad = random(4);
                byte[] plain = random(32768 - 16 * packet);
                byte[] buf = new byte[plain.length + 16];
                System.arraycopy(plain, 0, buf, 0, plain.length);
                enc.updateAAD(aad, 0, 4);
                enc.doFinal(buf, 0, plain.length, buf, 0);
                assertThat(buf).as("packet %d, %d-bit", packet, key.length * 8)
                        .isEqualTo(jdk(Cipher.ENCRYPT_MODE, key, iv, packet, aad, plain));

                gcm.updateAAD(aad, 0, 4);
                byte[] out = new byte[buf.length];
                gcm.doFinal(buf, 0, buf.length, out, 0);
                assertThat(Arrays.copyOf(out, plain.length)).isEqualTo(plain);
            }
        }
    }

    @Test
    void aTamperedPacketIsRefused() throws Exception {
        byte[] key = random(16);
        byte[] iv = random(16);
        byte[] ct = jdk(Cipher.ENCRYPT_MODE, key, iv, 0, new byte[4], random(1000));
        ct[10] ^= 1;
        NativeAesGcm dec = new NativeAesGcm.Aes128();
        dec.init(com.jcraft.jsch.Cipher.DECRYPT_MODE, key, iv);
        dec.updateAAD(new byte[4], 0, 4);
        assertThatThrownBy(() -> dec.doFinal(ct, 0, ct.length, new byte[ct.length], 0))
                .isInstanceOf(javax.crypto.AEADBadTagException.class);
    }

    @Test
    void onLinuxX8664TheNativeImplementationIsTheOneInUse() {
        if (System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64")) {
            assertThat(NativeAesGcm.implementation()).startsWith("AmazonCorrettoCryptoProvider");
        } else {
            assertThat(NativeAesGcm.implementation()).isEqualTo("JDK");
        }
    }
}
