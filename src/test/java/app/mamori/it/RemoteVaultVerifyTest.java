package app.mamori.it;

import app.mamori.testenv.MariadbExtension;
import app.mamori.testenv.MariadbServer;
import app.mamori.testenv.PostgresExtension;
import app.mamori.testenv.PostgresServer;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Format checks and drills of dumps kept in a vault on the databases' own server: every check
 * reads the file there (the test sshd is this machine, so the "server's" disk is a temp folder).
 */
@ExtendWith({SshdExtension.class, PostgresExtension.class, MariadbExtension.class})
class RemoteVaultVerifyTest {
    private Cli cli;
    private Path disk;
    private PostgresServer pg;
    private MariadbServer maria;

    @BeforeEach
    void setUp(SshdServer sshd, PostgresServer pg, MariadbServer maria, @TempDir Path tmp) throws Exception {
        this.pg = pg;
        this.maria = maria;
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("db1", sshd);
        disk = tmp.resolve("backup disk");
        cli.run("vault", "add", "hdd", "--server", "db1", "--path", disk.toString()).requireOk();
        String pgDb = "shop_" + System.nanoTime();
        pg.createDatabase(pgDb);
        pg.execSql(pgDb, "CREATE TABLE orders(id int primary key, note text);"
                + " INSERT INTO orders SELECT g, 'order ' || g FROM generate_series(1, 1500) g;"
                + " ALTER TABLE orders OWNER TO mamori;");
        cli.runWithStdin(pg.mamoriPassword() + "\n", "source", "add", "shopdb", "--server", "db1", "--kind", "postgres",
                "--database", pgDb, "--db-host", pg.host(), "--db-port", Integer.toString(pg.port()),
                "--db-user", pg.mamoriUser(), "--password-stdin").requireOk();
        String myDb = "wp_" + System.nanoTime();
        maria.createDatabase(myDb);
        maria.execSql(myDb, "CREATE TABLE posts(id INT PRIMARY KEY, title TEXT);"
                + " INSERT INTO posts VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd');");
        cli.runWithStdin(maria.mamoriPassword() + "\n", "source", "add", "wpdb", "--server", "db1", "--kind", "mysql",
                "--database", myDb, "--db-host", maria.host(), "--db-port", Integer.toString(maria.port()),
                "--db-user", maria.mamoriUser(), "--password-stdin").requireOk();
        Path tool = tmp.resolve("tool.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tool); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)");
            st.executeUpdate("INSERT INTO notes VALUES (1, 'a'), (2, 'b')");
        }
        cli.run("source", "add", "tooldb", "--server", "db1", "--kind", "sqlite", "--path", tool.toString()).requireOk();
        cli.run("job", "add", "nightly", "--sources", "shopdb,wpdb,tooldb", "--vault", "hdd").requireOk();
        cli.run("backup", "nightly").requireOk();
    }

    @Test
    void formatChecksAndDrillsReadTheDumpsOnTheServerAndLeaveNoScratchDatabase() {
        String plan = cli.run("verify", "--all", "--drill", "--dry-run").requireOk().out();
        JsonNode checks = cli.run("verify", "--all", "--drill", "--json").requireOk().json().get("checks");

        assertThat(plan).contains("every check reads the file there").contains(disk.toString());
        assertThat(checks).extracting(c -> c.get("source").asText() + ":" + c.get("method").asText() + "="
                + c.get("result").asText()).containsExactly("shopdb:checksum=verified", "shopdb:format=verified",
                "shopdb:drill=verified", "wpdb:checksum=verified", "wpdb:format=verified", "wpdb:drill=verified",
                "tooldb:checksum=verified", "tooldb:format=verified", "tooldb:drill=verified");
        assertThat(checks.get(7).get("detail").asText()).contains("PRAGMA integrity_check on server db1 read all of");
        assertThat(checks.get(8).get("detail").asText()).contains("1 tables, 2 rows").contains("all 1 tables match");
        assertThat(checks.get(1).get("detail").asText()).contains("pg_restore --list on server db1 read all of")
                .contains(disk.toString());
        assertThat(checks.get(4).get("detail").asText()).contains("-- Dump completed");
        assertThat(checks.get(2).get("detail").asText()).contains("1 tables, 1500 rows").contains("all 1 tables match");
        assertThat(checks.get(5).get("detail").asText()).contains("1 tables, 4 rows").contains("all 1 tables match");
        assertNoScratchDatabases();
    }

    @Test
    void theDrillComparesWithTheCountsInTheManifestOnTheServer() throws Exception {
        Damage.recordExactTables(pointDir(), "shopdb", Map.of("public.orders", 1400L));

        Cli.Result r = cli.run("verify", "--job", "nightly", "--drill");

        assertThat(r.exit()).isOne();
        assertThat(r.err()).contains("shopdb: drill FAILED").contains("table public.orders: 1400 rows in the backup,"
                + " 1500 restored");
        assertNoScratchDatabases();
    }

    @Test
    void aDumpCutShortButRecordedAsSuchFailsItsFormatCheck() throws Exception {
        // the file and its recorded SHA-256 agree, so only the format check can tell
        Path pointDir = pointDir();
        Path dump;
        try (Stream<Path> s = Files.list(pointDir)) {
            dump = s.filter(p -> p.getFileName().toString().startsWith("wpdb.")).findFirst().orElseThrow();
        }
        TreeFixture.sh("set -e; zstd -q -d -c -- \"$1\" | head -n 20 | zstd -q -c > \"$1.cut\"; mv -- \"$1.cut\" \"$1\"",
                dump.toString());
        String sha = TreeFixture.sh("sha256sum < \"$1\"", dump.toString()).substring(0, 64);
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = (ObjectNode) json.readTree(pointDir.resolve("manifest.json").toFile());
        m.withArray("sources").forEach(e -> {
            if (e.get("name").asText().equals("wpdb")) {
                ((ObjectNode) e).put("sha256", sha).put("size", dump.toFile().length());
            }
        });
        Files.write(pointDir.resolve("manifest.json"), json.writeValueAsBytes(m));
        cli.run("catalog", "rebuild", "--vault", "hdd").requireOk();

        JsonNode checks = cli.run("verify", "--job", "nightly", "--json").json().get("checks");

        assertThat(checks).extracting(c -> c.get("source").asText() + ":" + c.get("method").asText() + "="
                + c.get("result").asText()).contains("wpdb:checksum=verified", "wpdb:format=failed");
        assertThat(checks.toString()).contains("does not end with the dump tool's");
    }

    private Path pointDir() throws Exception {
        try (Stream<Path> s = Files.walk(disk)) {
            List<Path> manifests = s.filter(p -> p.getFileName().toString().equals("manifest.json")).toList();
            assertThat(manifests).hasSize(1);
            return manifests.get(0).getParent();
        }
    }

    private void assertNoScratchDatabases() {
        assertThat(pg.query("postgres", "SELECT count(*) FROM pg_database WHERE datname LIKE 'mamori\\_drill\\_%'"))
                .isEqualTo("0");
        assertThat(maria.query("information_schema", "SELECT COUNT(*) FROM schemata WHERE schema_name LIKE"
                + " 'mamori\\_drill\\_%'")).isEqualTo("0");
    }
}
