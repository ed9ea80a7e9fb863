package app.mamori.it;

import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies file-tree snapshots (in a local vault and in a vault on the server) over a real sshd. */
@ExtendWith(SshdExtension.class)
class FilesVerifyTest {
    private Cli cli;
    private Path site;
    private Path tmp;

    @BeforeEach
    void setUp(SshdServer sshd, @TempDir Path tmp) throws Exception {
        this.tmp = tmp;
        cli = new Cli(tmp.resolve("home"));
        site = Files.createDirectories(tmp.resolve("var www"));
        cli.addServer("web", sshd);
        cli.run("vault", "add", "v", "--path", tmp.resolve("vault").toString()).requireOk();
        Files.writeString(site.resolve("index.php"), "<?php echo 'hi';");
        Path uploads = Files.createDirectories(site.resolve("uploads/2026 11"));
        Files.write(uploads.resolve("photo \"1\".jpg"), new byte[50_000]);
        Files.writeString(uploads.resolve("line\nbreak $(x).txt"), "newline name");
        Files.createDirectories(site.resolve("empty dir"));
        Files.createSymbolicLink(site.resolve("current"), Path.of("uploads"));
        cli.run("source", "add", "www", "--server", "web", "--kind", "files", "--path", site.toString()).requireOk();
        cli.run("job", "add", "site", "--sources", "www", "--vault", "v").requireOk();
    }

    @Test
    void aGoodSnapshotPassesAndAStoredFileWithAFlippedByteIsNamed() throws Exception {
        JsonNode point = cli.run("backup", "site", "--json").requireOk().json().get("point");
        String id = point.get("id").asText();

        JsonNode good = cli.run("verify", id, "--json").requireOk().json().get("checks");
        assertThat(good).extracting(c -> c.get("method").asText() + "=" + c.get("result").asText())
                .containsExactly("checksum=verified", "format=verified");
        assertThat(good.get(0).get("detail").asText()).contains("3 stored files match");

        Path photo;
        try (var s = Files.walk(Path.of(point.get("artifacts").get(0).get("path").asText()))) {
            photo = s.filter(p -> p.getFileName().toString().startsWith("photo")).findFirst().orElseThrow();
        }
        Damage.flipByte(photo, 100);
        Cli.Result bad = cli.run("verify", id);

        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains(photo.toString()).contains("corrupted").contains("checksum FAILED");
    }

    @Test
    void aDumpInAVaultOnTheServerIsHashedThereAndATruncatedOneIsNamed() throws Exception {
        Path disk = tmp.resolve("mnt hdd");
        cli.run("vault", "add", "hdd", "--server", "web", "--path", disk.toString()).requireOk();
        Path db = tmp.resolve("notes.db");
        new ProcessBuilder("sqlite3", db.toString(), "CREATE TABLE n(t); INSERT INTO n VALUES ('x');").start().waitFor();
        cli.run("source", "add", "notes", "--server", "web", "--kind", "sqlite", "--path", db.toString()).requireOk();
        cli.run("job", "add", "notes", "--sources", "notes", "--vault", "hdd").requireOk();
        String id = cli.run("backup", "notes", "--json").requireOk().json().get("point").get("id").asText();

        JsonNode good = cli.run("verify", "--job", "notes", "--json").requireOk().json();
        assertThat(good.get("checks")).hasSize(2);
        assertThat(good.get("checks").get(0).get("detail").asText()).contains("on server web matches the catalogue");
        assertThat(good.get("checks").get(1).get("detail").asText())
                .as("the source's own server keeps it: its format is checked there too")
                .contains("PRAGMA integrity_check on server web read all of");
        assertThat(good.get("notes").get(0).asText()).contains("every check reads the file there");

        Path artifact;
        try (var s = Files.walk(disk)) {
            artifact = s.filter(p -> p.getFileName().toString().equals("notes.sqlite.zst")).findFirst().orElseThrow();
        }
        Damage.truncate(artifact);
        Cli.Result bad = cli.run("verify", id);
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains(artifact.toString()).contains("truncated");
    }

    @Test
    void aSnapshotInAVaultOnTheServerIsHashedFileByFileThere() throws Exception {
        Path disk = tmp.resolve("mnt hdd");
        cli.run("vault", "add", "hdd", "--server", "web", "--path", disk.toString()).requireOk();
        cli.run("job", "add", "onhdd", "--sources", "www", "--vault", "hdd").requireOk();
        String id = cli.run("backup", "onhdd", "--json").requireOk().json().get("point").get("id").asText();

        JsonNode good = cli.run("verify", id, "--json").requireOk().json().get("checks");
        assertThat(good).singleElement().satisfies(c -> assertThat(c.get("detail").asText())
                .contains("3 stored files there match"));
        JsonNode drilled = cli.run("verify", id, "--drill", "--json").requireOk().json().get("checks");
        assertThat(drilled).extracting(c -> c.get("method").asText() + "=" + c.get("result").asText())
                .containsExactly("checksum=verified", "drill=verified");
        assertThat(drilled.get(1).get("detail").asText()).contains("drill: 3 files")
                .contains("every one's SHA-256 matched the snapshot's index");
        try (var s = Files.list(Path.of("/var/tmp"))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("mamori_drill_"));
        }

        Path newline;
        try (var s = Files.walk(disk)) {
            newline = s.filter(p -> p.getFileName().toString().startsWith("line\nbreak")).findFirst().orElseThrow();
        }
        Files.writeString(newline, "newline nam3");
        Cli.Result bad = cli.run("verify", id);
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).hasLineCount(1).contains("line\\nbreak").contains("is corrupted").contains("on server web");
    }
}
