package app.mamori.it;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.EventFilter;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Retention on a real local vault of hard-linked file snapshots, after real backups over sshd. */
@ExtendWith(SshdExtension.class)
class PruneTest {

    @Test
    void pruneFreesWhatOnlyTheRemovedSnapshotHeldAndLeavesSharedFilesWhole(SshdServer sshd, @TempDir Path tmp)
            throws Exception {
        Path site = Files.createDirectories(tmp.resolve("site"));
        Path vault = tmp.resolve("vault");
        Files.write(site.resolve("shared.bin"), random(2 << 20, 1));
        Files.write(site.resolve("only-first.bin"), random(1 << 20, 2));
        Cli cli = new Cli(tmp.resolve("home"));
        cli.addServer("web", sshd);
        cli.run("vault", "add", "v", "--path", vault.toString()).requireOk();
        cli.run("source", "add", "www", "--server", "web", "--kind", "files", "--path", site.toString()).requireOk();
        cli.run("job", "add", "site", "--sources", "www", "--vault", "v").requireOk();
        String first = backup(cli, "site");
        Files.delete(site.resolve("only-first.bin"));
        String second = backup(cli, "site");
        Files.writeString(site.resolve("new.txt"), "third");
        String third = backup(cli, "site");
        String sharedHash = sha256(site.resolve("shared.bin"));
        long uniqueBefore = uniqueBytes(vault);

        cli.run("job", "set", "site", "--keep-last", "2").requireOk();
        JsonNode dry = cli.run("prune", "site", "--dry-run", "--json").requireOk().json();

        assertThat(ids(dry.get("remove"))).containsExactly(first);
        assertThat(ids(dry.get("keep"))).containsExactly(third, second);
        assertThat(dry.get("keep").get(0).get("reasons").toString()).contains("last").contains("newest");
        assertThat(uniqueBytes(vault)).as("a dry run deletes nothing").isEqualTo(uniqueBefore);

        JsonNode done = cli.run("prune", "site", "--json").requireOk().json();

        assertThat(ids(done.get("removed"))).containsExactly(first);
        long freed = done.get("bytesFreed").asLong();
        assertThat(freed).as("only-first.bin, not the shared file").isBetween(1L << 20, (1L << 20) + 4096);
        assertThat(uniqueBefore - uniqueBytes(vault)).isEqualTo(freed);
        assertThat(pointDirs(vault)).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder(tail(second), tail(third));
        Path sharedInSecond = find(vault, tail(second), "shared.bin");
        assertThat(sha256(sharedInSecond)).isEqualTo(sharedHash);
        assertThat(ids(cli.run("points", "site", "--json").requireOk().json())).containsExactly(third, second);
        try (Catalog catalog = Catalog.open(cli.home().resolve("catalog.db"))) {
            assertThat(catalog.fileIndex().entries(first, "www")).as("its file list went with it").isEmpty();
            assertThat(catalog.fileIndex().entries(second, "www")).isNotEmpty();
            assertThat(catalog.events().list(EventFilter.all().kind("point-pruned"), 10)).singleElement()
                    .satisfies(e -> assertThat(e.message()).contains(first).contains("--keep-last 2"));
        }

        String fourth = backup(cli, "site");

        assertThat(ids(cli.run("points", "site", "--json").requireOk().json()))
                .as("a successful backup prunes by itself").containsExactly(fourth, third);
        assertThat(sha256(find(vault, tail(fourth), "shared.bin"))).isEqualTo(sharedHash);
    }

    @Test
    void aVaultOnTheServerIsPrunedThereAfterEachBackup(SshdServer sshd, @TempDir Path tmp) throws Exception {
        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.write(site.resolve("shared.bin"), random(1 << 20, 3));
        Path disk = tmp.resolve("backup 'disk'");
        Cli cli = new Cli(tmp.resolve("home"));
        cli.addServer("web", sshd);
        cli.run("vault", "add", "hdd", "--server", "web", "--path", disk.toString()).requireOk();
        cli.run("source", "add", "www", "--server", "web", "--kind", "files", "--path", site.toString()).requireOk();
        cli.run("job", "add", "site", "--sources", "www", "--vault", "hdd", "--keep-last", "1").requireOk();
        String first = backup(cli, "site");
        Files.writeString(site.resolve("new.txt"), "second");

        String second = backup(cli, "site");

        assertThat(ids(cli.run("points", "site", "--json").requireOk().json())).containsExactly(second);
        assertThat(pointDirs(disk)).extracting(p -> p.getFileName().toString()).containsExactly(tail(second));
        assertThat(disk.resolve("web/site")).isDirectory();
        assertThat(sha256(find(disk, tail(second), "shared.bin"))).isEqualTo(sha256(site.resolve("shared.bin")));
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void nothingIsPrunedWhileTheLastRunFailed(SshdServer sshd, @TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("tool.db");
        new ProcessBuilder("sqlite3", db.toString(), "CREATE TABLE t(x); INSERT INTO t VALUES (1);").start().waitFor();
        Cli cli = new Cli(tmp.resolve("home"));
        cli.addServer("tools", sshd);
        cli.run("vault", "add", "v", "--path", tmp.resolve("vault").toString()).requireOk();
        cli.run("source", "add", "tooldb", "--server", "tools", "--kind", "sqlite", "--path", db.toString()).requireOk();
        cli.run("job", "add", "tool", "--sources", "tooldb", "--vault", "v").requireOk();
        backup(cli, "tool");
        backup(cli, "tool");
        Files.delete(db);
        assertThat(cli.run("backup", "tool").exit()).isEqualTo(1);
        cli.run("job", "set", "tool", "--keep-last", "1").requireOk();

        JsonNode plan = cli.run("prune", "tool", "--json").requireOk().json();

        assertThat(plan.get("remove")).isEmpty();
        assertThat(plan.get("hold").asText()).contains("last run failed");
        assertThat(cli.run("points", "tool", "--json").requireOk().json()).hasSize(2);
    }

    private static String backup(Cli cli, String job) {
        return cli.run("backup", job, "--json").requireOk().json().get("point").get("id").asText();
    }

    private static List<String> ids(JsonNode array) {
        return Stream.iterate(0, i -> i < array.size(), i -> i + 1)
                .map(i -> array.get(i).isTextual() ? array.get(i).asText() : array.get(i).get("id").asText()).toList();
    }

    private static String tail(String id) {
        return id.substring(id.indexOf('/') + 1);
    }

    private static List<Path> pointDirs(Path vault) throws IOException {
        try (Stream<Path> s = Files.walk(vault, 3)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("manifest.json"))).toList();
        }
    }

    private static Path find(Path vault, String point, String name) throws IOException {
        try (Stream<Path> s = Files.walk(vault)) {
            return s.filter(p -> p.getFileName().toString().equals(name) && p.toString().contains("/" + point + "/"))
                    .findFirst().orElseThrow();
        }
    }

    /** Bytes of distinct files in the vault, each hard-linked inode counted once: what the disk holds. */
    private static long uniqueBytes(Path vault) throws IOException {
        Set<Object> inodes = new HashSet<>();
        long total = 0;
        try (Stream<Path> s = Files.walk(vault)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                if (inodes.add(Files.getAttribute(p, "unix:ino"))) {
                    total += Files.size(p);
                }
            }
        }
        return total;
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
