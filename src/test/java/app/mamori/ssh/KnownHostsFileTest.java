package app.mamori.ssh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class KnownHostsFileTest {

    @Test
    void pinningTheSameKeyTwiceWritesOneLine(@TempDir Path dir) throws Exception {
        var file = new KnownHostsFile(dir.resolve("known_hosts"));
        byte[] key = {0, 0, 0, 11, 's', 's', 'h', '-', 'e', 'd', '2', '5', '5', '1', '9', 1, 2, 3};
        file.pin("[db]:2222", "ssh-ed25519", key);
        file.pin("[db]:2222", "ssh-ed25519", key);
        assertThat(Files.readAllLines(dir.resolve("known_hosts"))).hasSize(1);
        assertThat(file.find("[db]:2222")).singleElement().satisfies(e -> assertThat(e.blob()).isEqualTo(key));
    }

    @Test
    void linesMamoriDoesNotUnderstandAreKeptAndIgnored(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("known_hosts");
        Files.writeString(path, "# pinned by hand\n|1|hashed|entry ssh-ed25519 AAAA\n@revoked x ssh-rsa AAAA\n");
        var file = new KnownHostsFile(path);
        file.pin("web", "ssh-ed25519", new byte[] {1, 2, 3});
        assertThat(Files.readString(path)).startsWith("# pinned by hand\n|1|hashed|entry ssh-ed25519 AAAA\n@revoked");
        assertThat(file.find("web")).hasSize(1);
        assertThat(file.find("x")).isEmpty();
    }

    @Test
    void commaSeparatedHostNamesEachMatch(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("known_hosts");
        Files.writeString(path, "web,[10.0.0.5]:2222 ssh-ed25519 AQID\n");
        var file = new KnownHostsFile(path);
        assertThat(file.find("[10.0.0.5]:2222")).hasSize(1);
        assertThat(file.find("10.0.0.5")).isEmpty();
    }

    @Test
    void fingerprintHasOpenSshFormWithoutPadding() {
        assertThat(Fingerprints.sha256(new byte[] {1, 2, 3})).startsWith("SHA256:").doesNotEndWith("=");
        assertThat(Fingerprints.normalize(" abc= ")).isEqualTo("SHA256:abc");
    }
}
