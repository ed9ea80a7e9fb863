package app.mamori.it;

import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.luben.zstd.ZstdInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Backs up a SQLite file that is being written to, over a real sshd. */
@ExtendWith(SshdExtension.class)
class SqliteBackupTest {
    private Cli cli;
    private Path tmp;

    @BeforeEach
    void setUp(SshdServer sshd, @TempDir Path tmp) {
        this.tmp = tmp;
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("tools", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
    }

    @Test
    void copyOfADatabaseUnderConstantWritesIsConsistentAndOpens() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("app data 'live'"));
        Path dbFile = dir.resolve("tool.db");
        AtomicBoolean writing = new AtomicBoolean(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("CREATE TABLE ledger(id INTEGER PRIMARY KEY, amount INTEGER NOT NULL)");
                s.execute("CREATE TABLE total(v INTEGER NOT NULL)");
                s.execute("INSERT INTO total VALUES (0)");
            }
            Thread writer = new Thread(() -> write(dbFile, writing));
            writer.start();
            Thread.sleep(200);
            cli.run("source", "add", "tooldb", "--server", "tools", "--kind", "sqlite", "--path", dbFile.toString())
                    .requireOk();
            cli.run("job", "add", "tool", "--sources", "tooldb", "--vault", "local").requireOk();
            Cli.Result result = cli.run("backup", "tool", "--json");
            writing.set(false);
            writer.join();
            result.requireOk();

            JsonNode artifact = result.json().get("point").get("artifacts").get(0);
            Path copy = tmp.resolve("restored.db");
            try (InputStream in = new ZstdInputStream(Files.newInputStream(Path.of(artifact.get("path").asText())))) {
                Files.copy(in, copy);
            }
            try (Connection r = DriverManager.getConnection("jdbc:sqlite:" + copy);
                 Statement s = r.createStatement()) {
                ResultSet ok = s.executeQuery("PRAGMA integrity_check");
                ok.next();
                assertThat(ok.getString(1)).isEqualTo("ok");
                ResultSet sums = s.executeQuery("SELECT (SELECT COALESCE(SUM(amount),0) FROM ledger), (SELECT v FROM total),"
                        + " (SELECT COUNT(*) FROM ledger)");
                sums.next();
                assertThat(sums.getLong(3)).as("rows copied").isPositive();
                assertThat(sums.getLong(1)).as("ledger and total agree: one transaction's state").isEqualTo(sums.getLong(2));
            }
        }
    }

    @Test
    void aMissingFileFailsAndIsNotCreated() {
        Path ghost = tmp.resolve("nowhere.db");
        cli.run("source", "add", "ghost", "--server", "tools", "--kind", "sqlite", "--path", ghost.toString()).requireOk();
        cli.run("job", "add", "g", "--sources", "ghost", "--vault", "local").requireOk();

        Cli.Result result = cli.run("backup", "g");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("no file " + ghost);
        assertThat(ghost).doesNotExist();
    }

    @Test
    void aFailedBackupLeavesTheOlderPointUntouched() throws Exception {
        Path dbFile = tmp.resolve("keep.db");
        new ProcessBuilder("sqlite3", dbFile.toString(), "CREATE TABLE t(x); INSERT INTO t VALUES (42);").start().waitFor();
        cli.run("source", "add", "keep", "--server", "tools", "--kind", "sqlite", "--path", dbFile.toString()).requireOk();
        cli.run("job", "add", "k", "--sources", "keep", "--vault", "local").requireOk();
        JsonNode first = cli.run("backup", "k", "--json").requireOk().json().get("point");
        Path artifact = Path.of(first.get("artifacts").get(0).get("path").asText());
        byte[] before = Files.readAllBytes(artifact);
        Files.delete(dbFile);

        Cli.Result failed = cli.run("backup", "k");

        assertThat(failed.exit()).isEqualTo(1);
        JsonNode points = cli.run("points", "k", "--json").requireOk().json();
        assertThat(points).singleElement().satisfies(p -> assertThat(p.get("id")).isEqualTo(first.get("id")));
        assertThat(Files.readAllBytes(artifact)).isEqualTo(before);
    }

    private static void write(Path dbFile, AtomicBoolean writing) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=5000");
                for (int i = 1; writing.get(); i++) {
                    s.execute("INSERT INTO ledger(amount) VALUES (" + i + ")");
                    s.execute("UPDATE total SET v = v + " + i);
                    c.commit();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
