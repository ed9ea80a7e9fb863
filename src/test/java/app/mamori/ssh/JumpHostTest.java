package app.mamori.ssh;

import app.mamori.model.JumpHost;
import app.mamori.model.Server;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test sshd jumps to itself: the hop opens a direct-tcpip channel to its own port. */
@ExtendWith(SshdExtension.class)
class JumpHostTest {

    @Test
    void commandsRunThroughAJumpHost(SshdServer sshd) throws Exception {
        Path knownHosts = sshd.newHomeWithPinnedKey().resolve("known_hosts");
        try (RemoteShell shell = new JschConnector(knownHosts, null).connect(viaJump(sshd, sshd.host()))) {
            assertThat(shell.hostKeyFingerprint()).isEqualTo(sshd.hostKeyFingerprint());
            assertThat(shell.run("echo $SSH_CONNECTION")).startsWith("127.0.0.1 ");
            byte[] big = new byte[2 * 1024 * 1024];
            var out = new java.io.ByteArrayOutputStream();
            ExecResult r = shell.exec(Exec.of("cat").stdin(new java.io.ByteArrayInputStream(big)).stdout(out).build());
            assertThat(r.exitStatus()).isZero();
            assertThat(out.size()).isEqualTo(big.length);
        }
    }

    @Test
    void unpinnedJumpHostIsRefusedEvenWhenTheTargetIsPinned(SshdServer sshd) throws Exception {
        // the target is pinned as [127.0.0.1]:port; the jump host is reached as "localhost"
        Path knownHosts = sshd.newHomeWithPinnedKey().resolve("known_hosts");
        assertThatThrownBy(() -> new JschConnector(knownHosts, null).connect(viaJump(sshd, "localhost")))
                .isInstanceOf(HostKeyException.class)
                .hasMessageContaining("jump host")
                .hasMessageContaining("[localhost]:" + sshd.port());
    }

    @Test
    void trustOnFirstUsePinsTheJumpHostToo(SshdServer sshd) throws Exception {
        Path knownHosts = sshd.newHomeWithPinnedKey().resolve("known_hosts");
        var connector = new JschConnector(knownHosts, null);
        try (RemoteShell shell = connector.connect(viaJump(sshd, "localhost"), new HostKeyPolicy.TrustOnFirstUse(), null)) {
            assertThat(shell.run("echo ok")).isEqualTo("ok\n");
            assertThat(shell.jumpHostKey()).map(JumpHostKey::pinnedNow).contains(true);
        }
        assertThat(Files.readString(knownHosts)).contains("[localhost]:" + sshd.port() + " " + sshd.hostKeyLine());
    }

    @Test
    void aJumpHostKeyGivenPinsTheHopAndTheShellSaysWhichKeyItPinned(SshdServer sshd) throws Exception {
        Path knownHosts = sshd.newHomeWithPinnedKey().resolve("known_hosts");
        var connector = new JschConnector(knownHosts, null);
        var hop = new JumpHostKey(sshd.user() + "@localhost:" + sshd.port(), sshd.hostKeyFingerprint(), true);

        try (RemoteShell shell = connector.connect(viaJump(sshd, "localhost"), HostKeyPolicy.pinned(),
                new HostKeyPolicy.Expect(sshd.hostKeyFingerprint()), null)) {
            assertThat(shell.jumpHostKey()).contains(hop);
        }
        try (RemoteShell again = connector.connect(viaJump(sshd, "localhost"))) {
            assertThat(again.jumpHostKey()).contains(new JumpHostKey(hop.address(), hop.fingerprint(), false));
        }
        assertThat(Files.readString(knownHosts)).contains("[localhost]:" + sshd.port() + " " + sshd.hostKeyLine());
    }

    @Test
    void aWrongJumpHostKeyIsRefusedNamingItsOptionAndPinsNothing(SshdServer sshd) throws Exception {
        Path knownHosts = sshd.newHomeWithPinnedKey().resolve("known_hosts");
        String before = Files.readString(knownHosts);
        String wrong = "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU";

        assertThatThrownBy(() -> new JschConnector(knownHosts, null).connect(viaJump(sshd, "localhost"),
                HostKeyPolicy.pinned(), new HostKeyPolicy.Expect(wrong), null))
                .isInstanceOf(HostKeyException.class)
                .hasMessageContaining("--jump-host-key " + wrong)
                .hasMessageContaining("jump host")
                .hasMessageContaining(sshd.hostKeyFingerprint());
        assertThat(Files.readString(knownHosts)).isEqualTo(before);
    }

    @Test
    void aServerKeyRefusedBehindAJumpHostLeavesTheJumpHostUnpinnedToo(SshdServer sshd) throws Exception {
        Path knownHosts = sshd.newEmptyHome().resolve("known_hosts");
        String wrong = "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU";

        assertThatThrownBy(() -> new JschConnector(knownHosts, null).connect(viaJump(sshd, "localhost"),
                new HostKeyPolicy.Expect(wrong), new HostKeyPolicy.Expect(sshd.hostKeyFingerprint()), null))
                .isInstanceOf(HostKeyException.class)
                .hasMessageContaining("--host-key " + wrong);
        assertThatThrownBy(() -> new JschConnector(knownHosts, null).connect(viaJump(sshd, "localhost"),
                new HostKeyPolicy.Expect(wrong), new HostKeyPolicy.TrustOnFirstUse(), null))
                .isInstanceOf(HostKeyException.class);
        assertThat(knownHosts).doesNotExist();
    }

    @Test
    void aProxyJumpInTheSshConfigIsFollowed(SshdServer sshd) throws Exception {
        // the alias "behind" goes to the sshd through a hop reached as "localhost", which only
        // the config names: refused while that hop is unpinned, so the jump was really taken
        Path home = sshd.newHomeWithPinnedKey();
        Path knownHosts = home.resolve("known_hosts");
        Files.writeString(knownHosts, "[behind]:" + sshd.port() + " " + sshd.hostKeyLine() + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        Path config = home.resolve("config");
        Files.writeString(config, String.join("\n",
                "Host behind",
                "  HostName " + sshd.host(),
                "  Port " + sshd.port(),
                "  ProxyJump hop",
                "Host hop",
                "  HostName localhost",
                "  Port " + sshd.port(),
                "  User " + sshd.user(),
                ""));
        Server server = new Server("behind", "behind", 22, sshd.user(), Optional.of(sshd.identity().toString()),
                Optional.empty());
        var connector = new JschConnector(knownHosts, config);

        assertThatThrownBy(() -> connector.connect(server))
                .isInstanceOf(HostKeyException.class)
                .hasMessageContaining("jump host")
                .hasMessageContaining("[hop]:" + sshd.port());
        try (RemoteShell shell = connector.connect(server, new HostKeyPolicy.TrustOnFirstUse(), null)) {
            assertThat(shell.run("echo through-config")).isEqualTo("through-config\n");
        }
        assertThat(Files.readString(knownHosts)).contains("[hop]:" + sshd.port() + " " + sshd.hostKeyLine());
    }

    @Test
    void aChainOfJumpHostsInTheSshConfigIsRefusedWithWhatToDo(SshdServer sshd) throws Exception {
        Path home = sshd.newHomeWithPinnedKey();
        Path config = home.resolve("config");
        Files.writeString(config, "Host far\n  ProxyJump a@one,b@two:2222\n");
        Server server = new Server("far", "far", 22, sshd.user(), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> new JschConnector(home.resolve("known_hosts"), config).connect(server))
                .isInstanceOf(SshException.class)
                .hasMessageContaining("chain of jump hosts")
                .hasMessageContaining("--jump USER@HOST[:PORT]");
    }

    private static Server viaJump(SshdServer sshd, String jumpHost) {
        return new Server("behind", sshd.host(), sshd.port(), sshd.user(), Optional.of(sshd.identity().toString()),
                Optional.of(new JumpHost(sshd.user(), jumpHost, sshd.port())));
    }
}
