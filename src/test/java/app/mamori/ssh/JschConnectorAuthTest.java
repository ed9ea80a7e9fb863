package app.mamori.ssh;

import app.mamori.model.Server;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(SshdExtension.class)
class JschConnectorAuthTest {

    @ParameterizedTest
    @ValueSource(strings = {"ecdsa", "rsa"})
    void eachKeyTypeAuthenticates(String kind, SshdServer sshd) throws Exception {
        Server server = withKey(sshd, sshd.otherKeys().get(kind));
        try (RemoteShell shell = connector(sshd).connect(server)) {
            assertThat(shell.run("whoami").strip()).isEqualTo(sshd.user());
        }
    }

    @Test
    void passphraseKeyAuthenticatesWithTheRightPassphrase(SshdServer sshd) throws Exception {
        Server server = withKey(sshd, sshd.otherKeys().get("ed25519-passphrase"));
        char[] passphrase = SshdServer.PASSPHRASE.toCharArray();
        try (RemoteShell shell = connector(sshd).connect(server, HostKeyPolicy.pinned(), passphrase)) {
            assertThat(shell.run("echo in")).isEqualTo("in\n");
        }
    }

    @Test
    void passphraseKeyWithWrongPassphraseSaysThePassphraseIsWrong(SshdServer sshd) throws Exception {
        Path key = sshd.otherKeys().get("ed25519-passphrase");
        Server server = withKey(sshd, key);
        assertThatThrownBy(() -> connector(sshd).connect(server, HostKeyPolicy.pinned(), "nope".toCharArray()))
                .isInstanceOf(SshException.class)
                .hasMessageContaining("passphrase for key " + key + " is wrong")
                .hasMessageNotContaining("nope");
    }

    @Test
    void passphraseKeyWithoutPassphraseAsksForIt(SshdServer sshd) throws Exception {
        Server server = withKey(sshd, sshd.otherKeys().get("ed25519-passphrase"));
        assertThatThrownBy(() -> connector(sshd).connect(server))
                .isInstanceOf(SshException.class)
                .hasMessageContaining("protected by a passphrase");
    }

    @Test
    void keyTheServerDoesNotAcceptIsRefusedNamingKeyAndUser(SshdServer sshd) throws Exception {
        Server server = withKey(sshd, sshd.unauthorizedKey());
        assertThatThrownBy(() -> connector(sshd).connect(server))
                .isInstanceOf(SshException.class)
                .isNotInstanceOf(HostKeyException.class)
                .hasMessageContaining("the server refused key " + sshd.unauthorizedKey() + " for user " + sshd.user());
    }

    @Test
    void missingKeyFileIsNamed(SshdServer sshd) throws Exception {
        Server server = withKey(sshd, sshd.dir().resolve("no-such-key"));
        assertThatThrownBy(() -> connector(sshd).connect(server))
                .isInstanceOf(SshException.class)
                .hasMessageContaining("no-such-key").hasMessageContaining("does not exist");
    }

    @Test
    void defaultKeyUnderHomeIsUsedWhenNoKeyIsGiven(SshdServer sshd) throws Exception {
        Path home = sshd.newEmptyHome();
        Files.createDirectories(home.resolve(".ssh"));
        Files.copy(sshd.otherKeys().get("ecdsa"), home.resolve(".ssh/id_ecdsa"));
        var env = Map.of("HOME", home.toString());
        var connector = new JschConnector(sshd.newHomeWithPinnedKey().resolve("known_hosts"), null, env::get);
        try (RemoteShell shell = connector.connect(withoutKey(sshd, sshd.host(), sshd.user()))) {
            assertThat(shell.run("echo default")).isEqualTo("default\n");
        }
    }

    @Test
    void sshAgentKeysAreUsedWhenSshAuthSockIsSet(SshdServer sshd) throws Exception {
        Path sock = sshd.newEmptyHome().resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", sock.toString()).redirectErrorStream(true).start();
        try {
            for (int i = 0; i < 100 && !Files.exists(sock); i++) {
                Thread.sleep(50);
            }
            ProcessBuilder add = new ProcessBuilder("ssh-add", sshd.otherKeys().get("rsa").toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", sock.toString());
            assertThat(add.start().waitFor()).isZero();
            Path emptyHome = sshd.newEmptyHome();
            var env = Map.of("HOME", emptyHome.toString(), "SSH_AUTH_SOCK", sock.toString());
            var connector = new JschConnector(sshd.newHomeWithPinnedKey().resolve("known_hosts"), null, env::get);
            try (RemoteShell shell = connector.connect(withoutKey(sshd, sshd.host(), sshd.user()))) {
                assertThat(shell.run("echo agent")).isEqualTo("agent\n");
            }
        } finally {
            agent.destroy();
            agent.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void sshConfigAliasResolvesHostNamePortUserAndIdentityFile(SshdServer sshd) throws Exception {
        Path config = sshd.newEmptyHome().resolve("config");
        Files.writeString(config, String.join("\n",
                "Host office-db",
                "  HostName " + sshd.host(),
                "  Port " + sshd.port(),
                "  User " + sshd.user(),
                "  IdentityFile " + sshd.otherKeys().get("rsa"),
                ""));
        Path knownHosts = sshd.newEmptyHome().resolve("known_hosts");
        Files.writeString(knownHosts, "[office-db]:" + sshd.port() + " " + sshd.hostKeyLine() + "\n");
        var server = new Server("db", "office-db", 22, "", Optional.empty(), Optional.empty());
        try (RemoteShell shell = new JschConnector(knownHosts, config, Map.of("HOME", "/nonexistent")::get)
                .connect(server)) {
            assertThat(shell.run("echo via-alias")).isEqualTo("via-alias\n");
        }
    }

    @Test
    void connectionRefusedSaysSo(SshdServer sshd) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        var server = new Server("gone", "127.0.0.1", closedPort, sshd.user(),
                Optional.of(sshd.identity().toString()), Optional.empty());
        assertThatThrownBy(() -> connector(sshd).connect(server))
                .isInstanceOf(SshException.class)
                .hasMessageContaining("connection refused")
                .hasMessageContaining(String.valueOf(closedPort));
    }

    @Test
    void unknownHostNameSaysSo(SshdServer sshd) throws Exception {
        var server = new Server("nowhere", "no-such-host.invalid", 22, "root",
                Optional.of(sshd.identity().toString()), Optional.empty());
        assertThatThrownBy(() -> connector(sshd).connect(server))
                .isInstanceOf(SshException.class)
                .hasMessageContaining("unknown host 'no-such-host.invalid'");
    }

    private static JschConnector connector(SshdServer sshd) throws IOException {
        return new JschConnector(sshd.newHomeWithPinnedKey().resolve("known_hosts"), null, Map.<String, String>of()::get);
    }

    private static Server withKey(SshdServer sshd, Path key) {
        return new Server("web", sshd.host(), sshd.port(), sshd.user(), Optional.of(key.toString()), Optional.empty());
    }

    private static Server withoutKey(SshdServer sshd, String host, String user) {
        return new Server("web", host, sshd.port(), user, Optional.empty(), Optional.empty());
    }
}
