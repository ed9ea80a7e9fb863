package app.mamori.service;

import app.mamori.catalog.Catalog;
import app.mamori.engine.MamoriHome;
import app.mamori.model.JumpHost;
import app.mamori.model.Server;
import app.mamori.ssh.HostKeyException;
import app.mamori.ssh.JschConnector;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the app is told about host keys: the server's key, never its jump host's in its place. */
@ExtendWith(SshdExtension.class)
class ServerServiceHostKeyTest {
    private SshdServer sshd;
    private Services services;
    private MamoriHome home;

    @BeforeEach
    void open(SshdServer sshd, @TempDir Path tmp) throws Exception {
        this.sshd = sshd;
        home = new MamoriHome(tmp.resolve("home")).ensureExists();
        services = Services.over(home, Catalog.open(home.catalogFile()),
                new JschConnector(home.knownHostsFile(), null), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void anUnpinnedJumpHostIsAnErrorNamingItNotANewKeyForTheServerToConfirm() {
        // the sshd jumps to itself, reached as "localhost": the hop has its own, unpinned, known_hosts line
        Server behind = new Server("behind", sshd.host(), sshd.port(), sshd.user(),
                Optional.of(sshd.identity().toString()), Optional.of(new JumpHost(sshd.user(), "localhost", sshd.port())));

        assertThatThrownBy(() -> services.servers().checkHostKey(behind))
                .isInstanceOfSatisfying(HostKeyException.class, e -> assertThat(e.jumpHost()).isTrue())
                .hasMessageContaining("jump host")
                .hasMessageContaining("[localhost]:" + sshd.port());
        assertThat(home.knownHostsFile()).doesNotExist();
    }

    @Test
    void theServersOwnNewKeyIsStillOfferedForConfirmation() throws Exception {
        var check = services.servers().checkHostKey(sshd.server("web"));

        assertThat(check.state()).isEqualTo(ServerService.KeyState.NEW_KEY);
        assertThat(check.presented()).isEqualTo(sshd.hostKeyFingerprint());
        assertThat(Files.exists(home.knownHostsFile())).isFalse();
    }
}
