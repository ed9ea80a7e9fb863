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

/** Incremental file-tree snapshots over a real sshd, through the CLI. */
@ExtendWith(SshdExtension.class)
class FilesBackupTest {
    private Cli cli;
    private Path site;
    private Path vault;

    @BeforeEach
    void setUp(SshdServer sshd, @TempDir Path tmp) throws Exception {
        cli = new Cli(tmp.resolve("home"));
        site = Files.createDirectories(tmp.resolve("var www"));
        vault = tmp.resolve("vault");
        cli.addServer("web", sshd);
        cli.run("vault", "add", "v", "--path", vault.toString()).requireOk();
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
        // a name that is not UTF-8: only the shell can make it
        new ProcessBuilder("sh", "-c", "printf 'latin1' > \"$1\"/$(printf 'caf\\351.txt')", "sh", site.toString())
                .inheritIO().start().waitFor();
        cli.run("source", "add", "www", "--server", "web", "--kind", "files", "--path", site.toString(),
                "--exclude", "cache/").requireOk();
        cli.run("job", "add", "site", "--sources", "www", "--vault", "v").requireOk();
    }

    @Test
    void theSecondSnapshotLinksUnchangedFilesAndCopiesOnlyTheChangedOne() throws Exception {
        JsonNode first = cli.run("backup", "site", "--json").requireOk().json().get("point");
        Path firstTree = snapshotRoot(first);
        assertThat(firstTree.resolve("index.php")).hasContent("<?php echo 'hi';");
        assertThat(firstTree.resolve("wp-content/uploads/2026 11/line\nbreak $(x) `y`.txt")).hasContent("newline name");
        assertThat(firstTree.resolve("empty dir")).isEmptyDirectory();
        assertThat(Files.readSymbolicLink(firstTree.resolve("current"))).isEqualTo(Path.of("wp-content/uploads"));
        assertThat(Files.getLastModifiedTime(firstTree.resolve("wp-config.php")).toMillis()).isEqualTo(1_600_000_000_000L);
        assertThat(firstTree.resolve("cache")).doesNotExist();

        Files.writeString(site.resolve("index.php"), "<?php echo 'changed';");
        JsonNode second = cli.run("backup", "site", "--json").requireOk().json().get("point");
        Path secondTree = snapshotRoot(second);

        assertThat(secondTree.resolve("index.php")).hasContent("<?php echo 'changed';");
        Path photo = Path.of("wp-content/uploads/2026 11/photo \"1\".jpg");
        assertThat(Files.getAttribute(secondTree.resolve(photo), "unix:ino"))
                .as("an unchanged file is a hard link to the previous snapshot's")
                .isEqualTo(Files.getAttribute(firstTree.resolve(photo), "unix:ino"));
        assertThat(Files.getAttribute(secondTree.resolve("index.php"), "unix:ino"))
                .isNotEqualTo(Files.getAttribute(firstTree.resolve("index.php"), "unix:ino"));
        Path secondPoint = Path.of(second.get("artifacts").get(0).get("path").asText()).getParent();
        String manifest = Files.readString(secondPoint.resolve("manifest.json"));
        assertThat(manifest).contains("\"changedFiles\" : 1").contains("\"newFiles\" : 0");

        try (Catalog catalog = Catalog.open(cli.home().resolve("catalog.db"))) {
            List<FileEntry> entries = catalog.fileIndex().entries(second.get("id").asText(), "www");
            byte[] latin1 = (site + "/caf\u00e9.txt").getBytes(StandardCharsets.ISO_8859_1);
            assertThat(entries).anySatisfy(e -> assertThat(e.path()).isEqualTo(latin1));
            assertThat(entries).anySatisfy(e -> assertThat(new String(e.path(), StandardCharsets.UTF_8))
                    .endsWith("wp-config.php").isNotNull());
            assertThat(entries.stream().filter(e -> new String(e.path(), StandardCharsets.UTF_8).endsWith("wp-config.php")))
                    .singleElement().satisfies(e -> assertThat(e.mode()).isEqualTo(0600));
        }
    }

    @Test
    void aMissingDirectoryFailsTheRunAndKeepsNoPoint() throws Exception {
        cli.run("source", "add", "gone", "--server", "web", "--kind", "files", "--path", site + "-missing").requireOk();
        cli.run("job", "add", "broken", "--sources", "www,gone", "--vault", "v").requireOk();

        Cli.Result r = cli.run("backup", "broken");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("gone").contains(site + "-missing");
        assertThat(cli.run("points", "broken", "--json").requireOk().json()).isEmpty();
        try (var s = Files.walk(vault)) {
            assertThat(s.filter(p -> p.toString().contains("broken")).filter(Files::isRegularFile).toList()).isEmpty();
        }
    }

    /** The snapshot's copy of the site folder inside the point (each root is kept under its absolute path). */
    private Path snapshotRoot(JsonNode point) {
        Path artifact = Path.of(point.get("artifacts").get(0).get("path").asText());
        return artifact.resolve("tree").resolve(site.toString().substring(1));
    }
}
