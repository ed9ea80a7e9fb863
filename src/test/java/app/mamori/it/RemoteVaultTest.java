package app.mamori.it;

import app.mamori.testenv.PostgresExtension;
import app.mamori.testenv.PostgresServer;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import app.mamori.vault.TempPointOwner;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.luben.zstd.ZstdInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A vault on the server itself (a backup disk mounted there): the dump is written by the
 * remote command. The test sshd runs on this machine, so the "server's" disk is a temp folder here.
 */
@ExtendWith({SshdExtension.class, PostgresExtension.class})
class RemoteVaultTest {
    private Cli cli;
    private Path disk;
    private PostgresServer pg;

    @BeforeEach
    void setUp(SshdServer sshd, PostgresServer pg, @TempDir Path tmp) {
        this.pg = pg;
        cli = new Cli(tmp.resolve("home"));
        disk = tmp.resolve("mnt backup-hdd");
        cli.addServer("db1", sshd);
        cli.run("vault", "add", "hdd", "--server", "db1", "--path", disk.toString()).requireOk();
    }

    @Test
    void dumpsAreWrittenOnTheServerWithAManifestAndChecksumsRecordedLocally() throws Exception {
        String db = "crm_" + System.nanoTime();
        pg.createDatabase(db);
        pg.execSql(db, "CREATE TABLE contacts(id int, name text); INSERT INTO contacts VALUES (1, 'Ana');"
                + " ALTER TABLE contacts OWNER TO mamori;");
        cli.runWithStdin(pg.mamoriPassword() + "\n", "source", "add", "crm", "--server", "db1", "--kind", "postgres",
                "--database", db, "--db-host", pg.host(), "--db-port", Integer.toString(pg.port()),
                "--db-user", pg.mamoriUser(), "--password-stdin").requireOk();
        Path sqlite = Files.createTempFile(disk.getParent(), "notes", ".db");
        new ProcessBuilder("sqlite3", sqlite.toString(), "CREATE TABLE n(t); INSERT INTO n VALUES ('x');").start().waitFor();
        cli.run("source", "add", "notes", "--server", "db1", "--kind", "sqlite", "--path", sqlite.toString()).requireOk();
        cli.run("job", "add", "crm", "--sources", "crm,notes", "--vault", "hdd").requireOk();

        List<String> seen;
        Cli.Result result;
        try (ProcessWatch watch = new ProcessWatch()) {
            result = cli.run("backup", "crm", "--json");
            seen = List.copyOf(watch.commandLines());
        }
        JsonNode point = result.requireOk().json().get("point");

        JsonNode dump = point.get("artifacts").get(0);
        Path file = disk.resolve(dump.get("path").asText());
        assertThat(file).exists().hasFileName("crm.pgdump");
        assertThat(PostgresBackupTest.sha256(file)).isEqualTo(dump.get("sha256").asText());
        assertThat(Files.size(file)).isEqualTo(dump.get("size").asLong());
        assertThat(file.getParent().resolve("manifest.json")).exists();
        assertThat(Files.readString(file.getParent().resolve("manifest.json"))).doesNotContain(pg.mamoriPassword());
        Path copy = disk.resolve(point.get("artifacts").get(1).get("path").asText());
        try (InputStream in = new ZstdInputStream(Files.newInputStream(copy))) {
            assertThat(new String(in.readNBytes(15))).isEqualTo("SQLite format 3");
        }
        assertThat(seen).anyMatch(c -> c.contains("pg_dump")).noneMatch(c -> c.contains(pg.mamoriPassword()));
        assertThat(cli.run("points", "crm", "--json").requireOk().json().get(0).get("id").asText())
                .isEqualTo(point.get("id").asText());
    }

    @Test
    void aFailedDumpLeavesNothingOnTheServersDisk() throws Exception {
        cli.run("source", "add", "ghost", "--server", "db1", "--kind", "sqlite", "--path", "/nonexistent/x.db").requireOk();
        cli.run("job", "add", "g", "--sources", "ghost", "--vault", "hdd").requireOk();

        Cli.Result r = cli.run("backup", "g");

        assertThat(r.exit()).isEqualTo(1);
        try (Stream<Path> s = Files.walk(disk)) {
            assertThat(s.filter(Files::isRegularFile).toList()).isEmpty();
        }
        try (Stream<Path> s = Files.walk(disk)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList()).isEmpty();
        }
    }

    @Test
    void aVaultOnAnotherServerIsRefusedAtPlanTime(SshdServer sshd) {
        cli.run("server", "add", "other", "--host", sshd.host(), "--port", Integer.toString(sshd.port()),
                "--user", sshd.user(), "--identity", sshd.identity().toString(),
                "--host-key", sshd.hostKeyFingerprint()).requireOk();
        cli.run("source", "add", "o", "--server", "other", "--kind", "sqlite", "--path", "/x.db").requireOk();
        cli.run("job", "add", "o", "--sources", "o", "--vault", "hdd").requireOk();

        Cli.Result r = cli.run("backup", "o");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("vault 'hdd' is on server db1").contains("use a local vault");
    }

    @Test
    void theNextBackupRemovesOnlyTempPointsWhoseWriterIsProvablyGone(@TempDir Path tmp) throws Exception {
        Path sqlite = Files.createTempFile(disk.getParent(), "notes", ".db");
        new ProcessBuilder("sqlite3", sqlite.toString(), "CREATE TABLE n(t);").start().waitFor();
        cli.run("source", "add", "notes", "--server", "db1", "--kind", "sqlite", "--path", sqlite.toString()).requireOk();
        cli.run("job", "add", "n", "--sources", "notes", "--vault", "hdd").requireOk();
        Path jobDir = Files.createDirectories(disk.resolve("db1/n"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path otherWorkstation = markedTemp(jobDir, "20260101T000000Z", new TempPointOwner("other-workstation",
                gone.pid(), Optional.of(Instant.now().minus(Duration.ofHours(2)))));
        Path crashedHere = markedTemp(jobDir, "20260101T000001Z", new TempPointOwner(
                TempPointOwner.current().host(), gone.pid(), Optional.empty()));
        Path notOurs = Files.createDirectories(jobDir.resolve(".tmp-20260101T000002Z." + gone.pid()));
        Files.writeString(notOurs.resolve("precious"), "x");

        cli.run("backup", "n").requireOk();

        assertThat(otherWorkstation).exists();
        assertThat(notOurs.resolve("precious")).exists();
        assertThat(crashedHere).doesNotExist();
    }

    private static Path markedTemp(Path jobDir, String id, TempPointOwner owner) throws Exception {
        Path dir = Files.createDirectories(jobDir.resolve(".tmp-" + id + "." + owner.pid()));
        Files.writeString(dir.resolve(TempPointOwner.FILE_NAME), owner.format());
        return dir;
    }
}
