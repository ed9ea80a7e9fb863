package app.mamori.it;

import app.mamori.testenv.DockerEngine;
import app.mamori.testenv.DockerExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.luben.zstd.ZstdInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Backs up a real Docker (Podman) volume over a real sshd through the CLI. */
@ExtendWith(DockerExtension.class)
class DockerVolumeBackupTest {
    private static final String QUOTED = "it's a \"quoted\" name.txt";
    // Written inside a busybox container with the volume at /data; modes set explicitly so umask cannot matter.
    private static final String FILL = String.join(" && ",
            "cd /data",
            "printf 'hello\\n' > hello.txt && chmod 644 hello.txt",
            "printf 'q' > \"it's a \\\"quoted\\\" name.txt\" && chmod 640 \"it's a \\\"quoted\\\" name.txt\"",
            "ln -s hello.txt link",
            "mkdir empty && chmod 755 empty",
            "printf 'top secret' > secret && chmod 600 secret",
            "chmod 755 /data");

    private DockerEngine docker;
    private Cli cli;
    private Path vault;

    @BeforeEach
    void setUp(DockerEngine docker, @TempDir Path tmp) {
        this.docker = docker;
        cli = new Cli(tmp.resolve("home"));
        vault = tmp.resolve("vault");
        cli.addServer("host1", docker.sshd());
        cli.run("vault", "add", "local", "--path", vault.toString()).requireOk();
    }

    @Test
    void backupOfAVolumeIsACompressedTarOfExactlyItsEntriesWithTheirModes() throws IOException {
        String volume = docker.newName("vol");
        docker.docker("volume", "create", volume);
        docker.podman("run", "--rm", "--network", "none", "-v", volume + ":/data", docker.busyboxImage(), "sh", "-c", FILL);
        addSourceAndJob("appdata", volume);

        Cli.Result result = cli.run("backup", "app", "--json").requireOk();

        JsonNode run = result.json();
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        Path artifact = Path.of(run.get("point").get("artifacts").get(0).get("path").asText());
        assertThat(artifact).startsWith(vault).hasFileName("appdata.tar.zst");

        Map<String, Entry> entries = readTar(artifact);
        assertThat(entries).containsOnlyKeys("./", "./hello.txt", "./" + QUOTED, "./link", "./empty/", "./secret");
        assertThat(entries.get("./").mode()).isEqualTo(0755);
        assertThat(entries.get("./empty/").mode()).isEqualTo(0755);
        assertThat(entries.get("./hello.txt")).isEqualTo(new Entry(0644, "hello\n", ""));
        assertThat(entries.get("./" + QUOTED)).isEqualTo(new Entry(0640, "q", ""));
        assertThat(entries.get("./secret")).isEqualTo(new Entry(0600, "top secret", ""));
        assertThat(entries.get("./link").linkTarget()).isEqualTo("hello.txt");
    }

    @Test
    void aMissingVolumeFailsWithAClearMessageAndLeavesNoPoint() throws IOException {
        String volume = docker.newName("missing");
        addSourceAndJob("ghostvol", volume);

        Cli.Result result = cli.run("backup", "app");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("Docker volume '" + volume + "' was not found").contains("docker volume ls");
        assertThat(filesIn(vault)).noneMatch(p -> p.getFileName().toString().endsWith(".tar.zst"))
                .noneMatch(p -> p.toString().contains(".tmp-"));
        assertThat(cli.run("points", "--json").requireOk().json()).isEmpty();
    }

    @Test
    void anUnreachableDockerDaemonIsReportedAsSuchAndNotAsAMissingVolume(@TempDir Path tmp) throws Exception {
        String nowhere = "unix://" + tmp.resolve("no-daemon.sock");
        // CONTAINER_HOST for podman-docker's wrapper, where that is the docker command
        try (SshdServer noDaemon = SshdServer.start(Map.of("DOCKER_HOST", nowhere, "CONTAINER_HOST", nowhere))) {
            cli.addServer("host2", noDaemon);
            cli.run("source", "add", "lost", "--server", "host2", "--kind", "docker-volume", "--volume", "data")
                    .requireOk();
            cli.run("job", "add", "lostjob", "--sources", "lost", "--vault", "local").requireOk();

            Cli.Result result = cli.run("backup", "lostjob");

            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.err()).contains("docker volume inspect failed on server host2")
                    .contains("no-daemon.sock").doesNotContain("was not found");
        }
    }

    private void addSourceAndJob(String source, String volume) {
        cli.run("source", "add", source, "--server", "host1", "--kind", "docker-volume", "--volume", volume).requireOk();
        cli.run("job", "add", "app", "--sources", source, "--vault", "local").requireOk();
    }

    /** Mode, content (regular files) and link target (symlinks) of one tar entry. */
    record Entry(int mode, String content, String linkTarget) {
    }

    private static Map<String, Entry> readTar(Path file) throws IOException {
        Map<String, Entry> entries = new TreeMap<>();
        try (InputStream in = Files.newInputStream(file);
             TarArchiveInputStream tar = new TarArchiveInputStream(new ZstdInputStream(in))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                String content = e.isFile() ? new String(tar.readAllBytes(), StandardCharsets.UTF_8) : "";
                entries.put(e.getName(), new Entry(e.getMode() & 07777, content, e.isSymbolicLink() ? e.getLinkName() : ""));
            }
        }
        return entries;
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.toList();
        }
    }
}
