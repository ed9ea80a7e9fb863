package app.mamori.it;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.FileEntry;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incremental file-tree snapshots into a vault on the server itself (a backup disk mounted
 * there), rsync run on that host, through the CLI. The test sshd runs on this machine, so the
 * "server's" vault folder is readable here.
 */
@ExtendWith(SshdExtension.class)
class HostVaultFilesBackupTest {
    private Cli cli;
    private Path site;
    private Path vault;

    @BeforeEach
    void setUp(SshdServer sshd, @TempDir Path tmp) throws Exception {
        cli = new Cli(tmp.resolve("home"));
        site = Files.createDirectories(tmp.resolve("var www"));
        vault = tmp.resolve("backup disk");
        cli.addServer("web", sshd);
        cli.run("vault", "add", "hv", "--path", vault.toString(), "--server", "web").requireOk();
        Files.writeString(site.resolve("index.php"), "<?php echo 'hi';");
        Path uploads = Files.createDirectories(site.resolve("wp-content/uploads/2026 11"));
        Files.write(uploads.resolve("photo \"1\".jpg"), new byte[100_000]);
        Files.writeString(uploads.resolve("line\nbreak $(x) `y`.txt"), "newline name");
        Files.createDirectories(site.resolve("empty dir"));
        Files.createSymbolicLink(site.resolve("current"), Path.of("wp-content/uploads"));
        Path secret = Files.writeString(site.resolve("wp-config.php"), "define('DB_PASSWORD', 'x');");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Files.setLastModifiedTime(secret, FileTime.fromMillis(1_600_000_000_000L));
        Files.createDirectories(site.resolve("cache"));
        Files.writeString(site.resolve("cache/page.html"), "cached");
        new ProcessBuilder("sh", "-c", "printf 'latin1' > \"$1\"/$(printf 'caf\\351.txt')", "sh", site.toString())
                .inheritIO().start().waitFor();
        cli.run("source", "add", "www", "--server", "web", "--kind", "files", "--path", site.toString(),
                "--exclude", "cache/").requireOk();
        cli.run("job", "add", "site", "--sources", "www", "--vault", "hv").requireOk();
    }

    @Test
    void twoBackupsCommitTwoPointsOnTheServerAndTheSecondLinksUnchangedFiles() throws Exception {
        JsonNode first = cli.run("backup", "site", "--json").requireOk().json();
        assertThat(first.get("status").asText()).isEqualTo("succeeded");
        Path firstPoint = pointDir(first.get("point"));
        Path firstTree = firstPoint.resolve("www/tree").resolve(site.toString().substring(1));
        assertThat(firstPoint.resolve("manifest.json")).isRegularFile();
        assertThat(firstPoint.resolve("www/index.jsonl.zst")).isRegularFile();
        assertThat(firstTree.resolve("wp-content/uploads/2026 11/line\nbreak $(x) `y`.txt")).hasContent("newline name");
        assertThat(firstTree.resolve("empty dir")).isEmptyDirectory();
        assertThat(Files.readSymbolicLink(firstTree.resolve("current"))).isEqualTo(Path.of("wp-content/uploads"));
        assertThat(Files.getLastModifiedTime(firstTree.resolve("wp-config.php")).toMillis()).isEqualTo(1_600_000_000_000L);
        assertThat(Files.getPosixFilePermissions(firstTree.resolve("wp-config.php")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(firstTree.resolve("cache")).doesNotExist();

        Files.writeString(site.resolve("index.php"), "<?php echo 'changed';");
        JsonNode second = cli.run("backup", "site", "--json").requireOk().json().get("point");
        Path secondPoint = pointDir(second);
        Path secondTree = secondPoint.resolve("www/tree").resolve(site.toString().substring(1));

        assertThat(secondPoint).isNotEqualTo(firstPoint);
        assertThat(secondTree.resolve("index.php")).hasContent("<?php echo 'changed';");
        assertThat(firstTree.resolve("index.php")).hasContent("<?php echo 'hi';");
        Path photo = Path.of("wp-content/uploads/2026 11/photo \"1\".jpg");
        assertThat(Files.getAttribute(secondTree.resolve(photo), "unix:ino"))
                .as("an unchanged file is a hard link to the previous snapshot's")
                .isEqualTo(Files.getAttribute(firstTree.resolve(photo), "unix:ino"));
        assertThat(Files.getAttribute(secondTree.resolve("index.php"), "unix:ino"))
                .isNotEqualTo(Files.getAttribute(firstTree.resolve("index.php"), "unix:ino"));
        String manifest = Files.readString(secondPoint.resolve("manifest.json"));
        assertThat(manifest).contains("\"changedFiles\" : 1").contains("\"newFiles\" : 0")
                .contains("\"unchangedFiles\" : 4");

        JsonNode points = cli.run("points", "site", "--json").requireOk().json();
        assertThat(points).hasSize(2);
        assertThat(points.get(0).get("id").asText()).isEqualTo(second.get("id").asText());
        assertThat(points.get(1).get("id").asText()).isEqualTo(first.get("point").get("id").asText());
        JsonNode artifact = points.get(0).get("artifacts").get(0);
        assertThat(artifact.get("source").asText()).isEqualTo("www");
        assertThat(artifact.get("path").asText()).as("relative to the vault's folder on its server")
                .isEqualTo("web/" + second.get("id").asText() + "/www");
        assertThat(artifact.get("sha256").asText()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(secondPoint.resolve("www/index.jsonl.zst")))));
        try (Catalog catalog = Catalog.open(cli.home().resolve("catalog.db"))) {
            List<FileEntry> entries = catalog.fileIndex().entries(second.get("id").asText(), "www");
            byte[] latin1 = (site + "/caf\u00e9.txt").getBytes(StandardCharsets.ISO_8859_1);
            assertThat(entries).anySatisfy(e -> assertThat(e.path()).isEqualTo(latin1));
            assertThat(entries.stream().filter(e -> new String(e.path(), StandardCharsets.UTF_8).endsWith("wp-config.php")))
                    .singleElement().satisfies(e -> assertThat(e.mode()).isEqualTo(0600));
        }
        try (var s = Files.list(vault.resolve("web/site"))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-")).hasSize(2);
        }
    }

    @Test
    void aMissingDirectoryFailsTheRunAndKeepsNoPointOnTheServer() throws Exception {
        cli.run("source", "add", "gone", "--server", "web", "--kind", "files", "--path", site + "-missing").requireOk();
        cli.run("job", "add", "broken", "--sources", "www,gone", "--vault", "hv").requireOk();

        Cli.Result r = cli.run("backup", "broken");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("gone").contains(site + "-missing");
        assertThat(cli.run("points", "broken", "--json").requireOk().json()).isEmpty();
        try (var s = Files.walk(vault)) {
            assertThat(s.filter(p -> p.toString().contains("broken")).filter(Files::isRegularFile).toList()).isEmpty();
        }
    }

    /** The point's folder on the server: DIR/server/job/point. */
    private Path pointDir(JsonNode point) {
        String id = point.get("id").asText();
        Path dir = vault.resolve("web").resolve(id);
        assertThat(id).startsWith("site/");
        return dir;
    }
}
