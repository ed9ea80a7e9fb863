package app.mamori.it;

import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite's catalogue and vault files: the catalogue held locked by another process
 * for longer than Mamori waits, and a point's manifest or artifact edited by hand.
 */
@ExtendWith(SshdExtension.class)
class CatalogFaultTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path db;
    private Path vault;
    private Cli cli;

    @BeforeEach
    void setUp(SshdServer sshd, @TempDir Path tmp) throws Exception {
        db = tmp.resolve("tool.db");
        Process make = new ProcessBuilder("sqlite3", db.toString(), "CREATE TABLE t(a); INSERT INTO t VALUES (1), (2);")
                .inheritIO().start();
        assertThat(make.waitFor()).isZero();
        vault = tmp.resolve("vault");
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("s", sshd);
        cli.run("vault", "add", "v", "--path", vault.toString()).requireOk();
        cli.run("source", "add", "tooldb", "--server", "s", "--kind", "sqlite", "--path", db.toString()).requireOk();
        cli.run("job", "add", "tool", "--sources", "tooldb", "--vault", "v").requireOk();
        cli.run("backup", "tool").requireOk();
    }

    @Test
    void aCatalogueLockedByAnotherProcessFailsTheBackupSayingSoAndTheNextRunSucceeds() throws Exception {
        Process holder = new ProcessBuilder("sqlite3", cli.home().resolve("catalog.db").toString())
                .redirectErrorStream(true).start();
        OutputStream sql = holder.getOutputStream();
        // stdin stays open: the transaction is held until the test closes it
        sql.write("BEGIN EXCLUSIVE; CREATE TABLE held_by_the_test(x); SELECT 'locked';\n"
                .getBytes(StandardCharsets.UTF_8));
        sql.flush();
        assertThat(new String(holder.getInputStream().readNBytes(7), StandardCharsets.UTF_8)).isEqualTo("locked\n");
        Cli.Result r;
        try {
            r = cli.run("backup", "tool");
        } finally {
            sql.close();
            assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(r.exit()).as(r.out() + r.err()).isOne();
        assertThat(lastLine(r.err())).startsWith("mamori: ").contains("catalogue", "locked", "another");
        assertThat(cli.run("points", "tool", "--json").requireOk().json()).as("only the point before").hasSize(1);
        cli.run("backup", "tool").requireOk();
        assertThat(cli.run("points", "tool", "--json").requireOk().json()).hasSize(2);
        assertThat(cli.run("verify", "--job", "tool").requireOk().out()).contains("verified");
    }

    /**
     * The manifest's recorded SHA-256 edited by hand, the artifact untouched: verify reports the
     * point damaged, naming the manifest; a restore refuses it, and restores it when the admin
     * accepts the failed check (the artifact is still what the backup wrote, per the catalogue).
     */
    @Test
    void aManifestEditedByHandFailsVerifyAndItsPointIsRestoredOnlyWithTheOverride(@TempDir Path out)
            throws Exception {
        Path manifest = manifests().get(0);
        editManifest(manifest, "0".repeat(64), -1);
        Path copy = out.resolve("copy.db");

        Cli.Result verify = cli.run("verify", "--job", "tool");
        Cli.Result refused = cli.run("restore", "--source", "tooldb", "--to-path", copy.toString(), "--yes");

        assertThat(verify.exit()).isOne();
        assertThat(verify.err()).contains("mamori: ", "does not match " + manifest, "checksum FAILED");
        assertThat(cli.run("points", "tool", "--json").json().get(0).get("verification").get("result").asText())
                .isEqualTo("failed");
        assertThat(refused.exit()).isOne();
        assertThat(mamoriLine(refused.err())).contains("failed its last verification",
                "--accept-failed-check");
        assertThat(copy).doesNotExist();

        cli.run("restore", "--source", "tooldb", "--to-path", copy.toString(), "--yes", "--accept-failed-check")
                .requireOk();
        assertThat(rows(copy)).isEqualTo("2");
    }

    /**
     * Someone "repairs" an old point by copying a newer artifact over it and rewriting its manifest
     * to match: the catalogue still knows what the backup wrote. The point is found damaged, and no
     * restore uses those bytes, not even with the failed check accepted: they are not the backup.
     */
    @Test
    void anArtifactAndItsManifestRewrittenByHandAreFoundDamagedAndNeverRestored(@TempDir Path out) throws Exception {
        Process more = new ProcessBuilder("sqlite3", db.toString(), "INSERT INTO t VALUES (3);").inheritIO().start();
        assertThat(more.waitFor()).isZero();
        cli.run("backup", "tool").requireOk();
        List<Path> manifests = manifests();
        JsonNode older = JSON.readTree(manifests.get(0).toFile());
        JsonNode newer = JSON.readTree(manifests.get(1).toFile());
        Path olderArtifact = manifests.get(0).resolveSibling(older.get("sources").get(0).get("artifact").asText());
        Path newerArtifact = manifests.get(1).resolveSibling(newer.get("sources").get(0).get("artifact").asText());
        Files.copy(newerArtifact, olderArtifact, StandardCopyOption.REPLACE_EXISTING);
        editManifest(manifests.get(0), newer.get("sources").get(0).get("sha256").asText(),
                newer.get("sources").get(0).get("size").asLong());
        String olderPoint = "tool/" + older.get("id").asText();
        Path copy = out.resolve("copy.db");

        Cli.Result verify = cli.run("verify", olderPoint);
        Cli.Result refused = cli.run("restore", "--source", "tooldb", "--point", olderPoint,
                "--to-path", copy.toString(), "--yes");
        Cli.Result stillRefused = cli.run("restore", "--source", "tooldb", "--point", olderPoint,
                "--to-path", copy.toString(), "--yes", "--accept-failed-check");

        assertThat(verify.exit()).isOne();
        assertThat(verify.err()).contains("mamori: ", olderArtifact.toString(), "checksum FAILED")
                .containsAnyOf("is corrupted", "is too long", "is truncated");
        assertThat(refused.exit()).isOne();
        assertThat(mamoriLine(refused.err())).contains("failed its last verification",
                "--accept-failed-check");
        assertThat(stillRefused.exit()).isOne();
        assertThat(stillRefused.err()).contains("mamori: the artifact " + olderArtifact + " is corrupted",
                "it was not used", "Nothing on the server was changed");
        assertThat(copy).doesNotExist();
        cli.run("verify", "tool/" + newer.get("id").asText()).requireOk();
    }

    private static String rows(Path sqlite) throws Exception {
        Process count = new ProcessBuilder("sqlite3", sqlite.toString(), "SELECT count(*) FROM t;").start();
        return new String(count.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    /** The points' manifests, oldest first. */
    private List<Path> manifests() throws Exception {
        try (Stream<Path> s = Files.walk(vault)) {
            return s.filter(p -> p.getFileName().toString().equals("manifest.json"))
                    .sorted(Comparator.comparing(p -> {
                        try {
                            return JSON.readTree(p.toFile()).get("started").asText();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })).toList();
        }
    }

    private static void editManifest(Path manifest, String sha256, long size) throws Exception {
        ObjectNode m = (ObjectNode) JSON.readTree(manifest.toFile());
        ObjectNode source = (ObjectNode) m.get("sources").get(0);
        source.put("sha256", sha256);
        if (size >= 0) {
            source.put("size", size);
        }
        Files.write(manifest, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
    }

    /** The one line saying what failed. */
    private static String mamoriLine(String err) {
        List<String> lines = err.lines().filter(l -> l.startsWith("mamori: ")).toList();
        assertThat(lines).as(err).hasSize(1);
        return lines.get(0);
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1];
    }
}
