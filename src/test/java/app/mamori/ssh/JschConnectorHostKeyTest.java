package app.mamori.ssh;

import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(SshdExtension.class)
class JschConnectorHostKeyTest {

    @Test
    void pinnedKeyConnectsAndReportsFingerprint(SshdServer sshd) throws Exception {
        Path home = sshd.newHomeWithPinnedKey();
        try (RemoteShell shell = new JschConnector(home.resolve("known_hosts"), null).connect(sshd.server("web"))) {
            assertThat(shell.hostKeyFingerprint()).isEqualTo(sshd.hostKeyFingerprint());
            assertThat(shell.run("echo hello")).isEqualTo("hello\n");
        }
    }

    @Test
    void unknownKeyIsRefusedWithPresentedFingerprintAndHowToTrustIt(SshdServer sshd) throws Exception {
        Path knownHosts = sshd.newEmptyHome().resolve("known_hosts");
        var connector = new JschConnector(knownHosts, null);

        assertThatThrownBy(() -> connector.connect(sshd.server("web")))
                .isInstanceOfSatisfying(HostKeyException.class, e -> {
                    assertThat(e.presented()).isEqualTo(sshd.hostKeyFingerprint());
                    assertThat(e.pinned()).isEmpty();
                })
                .hasMessageContaining(sshd.hostKeyFingerprint())
                .hasMessageContaining("--host-key " + sshd.hostKeyFingerprint())
                .hasMessageContaining("--trust-on-first-use");
        assertThat(knownHosts).doesNotExist();
    }

    @Test
    void changedKeyIsRefusedWithBothFingerprints(SshdServer sshd) throws Exception {
        Path knownHosts = sshd.newEmptyHome().resolve("known_hosts");
        String otherBlob = otherEd25519Blob();
        Files.writeString(knownHosts, sshd.knownHostsAlias() + " ssh-ed25519 " + otherBlob + "\n");
        String otherFp = Fingerprints.sha256(Base64.getDecoder().decode(otherBlob));

        for (HostKeyPolicy policy : new HostKeyPolicy[] {HostKeyPolicy.pinned(), new HostKeyPolicy.TrustOnFirstUse(),
                new HostKeyPolicy.Expect(sshd.hostKeyFingerprint())}) {
            assertThatThrownBy(() -> new JschConnector(knownHosts, null).connect(sshd.server("web"), policy, null))
                    .isInstanceOfSatisfying(HostKeyException.class, e -> {
                        assertThat(e.presented()).isEqualTo(sshd.hostKeyFingerprint());
                        assertThat(e.pinned()).contains(otherFp);
                    })
                    .hasMessageContaining("CHANGED")
                    .hasMessageContaining(otherFp)
                    .hasMessageContaining(sshd.hostKeyFingerprint());
        }
        assertThat(Files.readString(knownHosts)).doesNotContain(sshd.hostKeyLine().split(" ")[1]);
    }

    @Test
    void expectWithWrongFingerprintIsRefusedAndPinsNothing(SshdServer sshd) throws Exception {
        Path knownHosts = sshd.newEmptyHome().resolve("known_hosts");
        String wrong = Fingerprints.sha256(Base64.getDecoder().decode(otherEd25519Blob()));
        var policy = new HostKeyPolicy.Expect(wrong);

        assertThatThrownBy(() -> new JschConnector(knownHosts, null).connect(sshd.server("web"), policy, null))
                .isInstanceOf(HostKeyException.class)
                .hasMessageContaining(wrong)
                .hasMessageContaining(sshd.hostKeyFingerprint());
        assertThat(knownHosts).doesNotExist();
    }

    @Test
    void expectWithWrongFingerprintIsRefusedEvenWhenThePresentedKeyIsAlreadyPinned(SshdServer sshd) throws Exception {
        // a second server name on a known host:port: the pin exists, the admin's fingerprint must still match
        Path knownHosts = sshd.newHomeWithPinnedKey().resolve("known_hosts");
        String before = Files.readString(knownHosts);
        String wrong = Fingerprints.sha256(Base64.getDecoder().decode(otherEd25519Blob()));

        assertThatThrownBy(() -> new JschConnector(knownHosts, null).connect(sshd.server("web2"),
                new HostKeyPolicy.Expect(wrong), null))
                .isInstanceOfSatisfying(HostKeyException.class,
                        e -> assertThat(e.presented()).isEqualTo(sshd.hostKeyFingerprint()))
                .hasMessageContaining("--host-key")
                .hasMessageContaining(wrong)
                .hasMessageContaining(sshd.hostKeyFingerprint());
        assertThat(Files.readString(knownHosts)).isEqualTo(before);
    }

    @Test
    void expectWithRightFingerprintPinsTheKeyForLaterPinnedConnects(SshdServer sshd) throws Exception {
        Path home = sshd.newEmptyHome();
        Path knownHosts = home.resolve("mamori").resolve("known_hosts");
        var connector = new JschConnector(knownHosts, null);
        // pasted as OpenSSH prints it, also accepted without the prefix
        String pasted = sshd.hostKeyFingerprint().substring("SHA256:".length());

        try (RemoteShell shell = connector.connect(sshd.server("web"), new HostKeyPolicy.Expect(pasted), null)) {
            assertThat(shell.hostKeyFingerprint()).isEqualTo(sshd.hostKeyFingerprint());
        }
        assertThat(Files.readString(knownHosts)).contains(sshd.knownHostsAlias() + " " + sshd.hostKeyLine());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(knownHosts))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(knownHosts.getParent())))
                .isEqualTo("rwx------");
        try (RemoteShell again = connector.connect(sshd.server("web"))) {
            assertThat(again.run("echo ok")).isEqualTo("ok\n");
        }
    }

    @Test
    void trustOnFirstUsePinsAnUnknownKeyOnce(SshdServer sshd) throws Exception {
        Path knownHosts = sshd.newEmptyHome().resolve("known_hosts");
        var connector = new JschConnector(knownHosts, null);

        try (RemoteShell shell = connector.connect(sshd.server("web"), new HostKeyPolicy.TrustOnFirstUse(), null)) {
            assertThat(shell.hostKeyFingerprint()).isEqualTo(sshd.hostKeyFingerprint());
        }
        try (RemoteShell shell = connector.connect(sshd.server("web"), new HostKeyPolicy.TrustOnFirstUse(), null)) {
            assertThat(shell.run("true")).isEmpty();
        }
        assertThat(Files.readAllLines(knownHosts)).containsExactly(sshd.knownHostsAlias() + " " + sshd.hostKeyLine());
        try (RemoteShell pinned = connector.connect(sshd.server("web"))) {
            assertThat(pinned.hostKeyFingerprint()).isEqualTo(sshd.hostKeyFingerprint());
        }
    }

    @Test
    void aRevokedKeyIsRefusedEvenWhereItIsAlsoPinned(SshdServer sshd) throws Exception {
        Path knownHosts = sshd.newHomeWithPinnedKey().resolve("known_hosts");
        Files.writeString(knownHosts, "@revoked " + sshd.knownHostsAlias() + " " + sshd.hostKeyLine() + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        String before = Files.readString(knownHosts);

        for (HostKeyPolicy policy : new HostKeyPolicy[] {HostKeyPolicy.pinned(), new HostKeyPolicy.TrustOnFirstUse(),
                new HostKeyPolicy.Expect(sshd.hostKeyFingerprint())}) {
            assertThatThrownBy(() -> new JschConnector(knownHosts, null).connect(sshd.server("web"), policy, null))
                    .isInstanceOfSatisfying(HostKeyException.class,
                            e -> assertThat(e.presented()).isEqualTo(sshd.hostKeyFingerprint()))
                    .hasMessageContaining("@revoked")
                    .hasMessageContaining(sshd.hostKeyFingerprint());
        }
        assertThat(Files.readString(knownHosts)).isEqualTo(before);
    }

    @Test
    void aKeyRevokedUnderAnyHostPatternIsNeverTrustedOnFirstUse(SshdServer sshd) throws Exception {
        Path knownHosts = sshd.newEmptyHome().resolve("known_hosts");
        String revoked = "@revoked * " + sshd.hostKeyLine() + "\n";
        Files.writeString(knownHosts, revoked);

        assertThatThrownBy(() -> new JschConnector(knownHosts, null).connect(sshd.server("web"),
                new HostKeyPolicy.TrustOnFirstUse(), null))
                .isInstanceOf(HostKeyException.class)
                .hasMessageContaining("@revoked");
        assertThat(Files.readString(knownHosts)).isEqualTo(revoked);
    }

    /** A syntactically valid ed25519 public key blob that is not the server's. */
    private static String otherEd25519Blob() {
        byte[] type = "ssh-ed25519".getBytes();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        var buf = java.nio.ByteBuffer.allocate(4 + type.length + 4 + key.length);
        buf.putInt(type.length).put(type).putInt(key.length).put(key);
        return Base64.getEncoder().encodeToString(buf.array());
    }
}
