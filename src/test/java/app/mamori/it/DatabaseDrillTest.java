package app.mamori.it;

import app.mamori.testenv.MariadbExtension;
import app.mamori.testenv.MariadbServer;
import app.mamori.testenv.PostgresExtension;
import app.mamori.testenv.PostgresServer;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Verify and restore drills of real PostgreSQL and MariaDB backups, over a real sshd. */
@ExtendWith({SshdExtension.class, PostgresExtension.class, MariadbExtension.class})
class DatabaseDrillTest {
    private Cli cli;
    private PostgresServer pg;
    private MariadbServer maria;
    private String pgDb;
    private String myDb;

    @BeforeEach
    void setUp(SshdServer sshd, PostgresServer pg, MariadbServer maria, @TempDir Path tmp) {
        this.pg = pg;
        this.maria = maria;
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("db1", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        pgDb = "shop_" + System.nanoTime();
        pg.createDatabase(pgDb);
        pg.execSql(pgDb, "CREATE TABLE orders(id int primary key, note text);"
                + " INSERT INTO orders SELECT g, 'order ' || g FROM generate_series(1, 1500) g;"
                + " CREATE SCHEMA \"Odd Schema\"; CREATE TABLE \"Odd Schema\".\"Mixed Case\"(x int);"
                + " INSERT INTO \"Odd Schema\".\"Mixed Case\" VALUES (1), (2), (3);"
                + " ALTER TABLE orders OWNER TO mamori; ALTER SCHEMA \"Odd Schema\" OWNER TO mamori;"
                + " ALTER TABLE \"Odd Schema\".\"Mixed Case\" OWNER TO mamori;");
        cli.runWithStdin(pg.mamoriPassword() + "\n", "source", "add", "shopdb", "--server", "db1", "--kind", "postgres",
                "--database", pgDb, "--db-host", pg.host(), "--db-port", Integer.toString(pg.port()),
                "--db-user", pg.mamoriUser(), "--password-stdin").requireOk();
        myDb = "wp_" + System.nanoTime();
        maria.createDatabase(myDb);
        maria.execSql(myDb, "CREATE TABLE posts(id INT PRIMARY KEY, title TEXT); CREATE TABLE `we``ird`(x INT);"
                + " INSERT INTO posts VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'); INSERT INTO `we``ird` VALUES (7);");
        cli.runWithStdin(maria.mamoriPassword() + "\n", "source", "add", "wpdb", "--server", "db1", "--kind", "mysql",
                "--database", myDb, "--db-host", maria.host(), "--db-port", Integer.toString(maria.port()),
                "--db-user", maria.mamoriUser(), "--password-stdin").requireOk();
        cli.run("job", "add", "nightly", "--sources", "shopdb,wpdb", "--vault", "local").requireOk();
    }

    @Test
    void verifyAndDrillPassFindTheTablesAndRowCountsAndLeaveNoScratchDatabase() throws Exception {
        JsonNode point = cli.run("backup", "nightly", "--json").requireOk().json().get("point");
        Path pointDir = Path.of(point.get("artifacts").get(0).get("path").asText()).getParent();
        assertThat(Damage.recordedStats(pointDir, "shopdb")).containsEntry("tableCounts", "exact")
                .containsEntry("tables", Map.of("public.orders", 1500, "\"Odd Schema\".\"Mixed Case\"", 3));
        assertThat(Damage.recordedStats(pointDir, "wpdb")).containsEntry("tableCounts", "approximate")
                .containsEntry("tables", Map.of("posts", 4, "we`ird", 1));

        Cli.Result r = cli.run("verify", "--all", "--drill", "--json").requireOk();

        JsonNode checks = r.json().get("checks");
        assertThat(checks).extracting(c -> c.get("source").asText() + ":" + c.get("method").asText() + "="
                + c.get("result").asText()).containsExactly("shopdb:checksum=verified", "shopdb:format=verified",
                "shopdb:drill=verified", "wpdb:checksum=verified", "wpdb:format=verified", "wpdb:drill=verified");
        assertThat(checks.get(1).get("detail").asText()).contains("pg_restore --list");
        assertThat(checks.get(4).get("detail").asText()).contains("-- Dump completed");
        assertThat(checks.get(2).get("recoveryMs").asLong()).isPositive();
        assertThat(checks.get(2).get("detail").asText()).contains("2 tables, 1503 rows").contains("all 2 tables match");
        assertThat(checks.get(5).get("recoveryMs").asLong()).isPositive();
        assertThat(checks.get(5).get("detail").asText()).contains("2 tables, 5 rows").contains("all 2 tables match");
        assertNoScratchDatabases();
    }

    @Test
    void aDrillThatFindsOtherRowCountsFailsWithBothNumbersAndStillDropsItsDatabases() throws Exception {
        JsonNode point = cli.run("backup", "nightly", "--json").requireOk().json().get("point");
        Path pointDir = Path.of(point.get("artifacts").get(0).get("path").asText()).getParent();
        Damage.recordExactTables(pointDir, "shopdb", Map.of("public.orders", 1400L, "\"Odd Schema\".\"Mixed Case\"", 3L));
        Damage.recordExactTables(pointDir, "wpdb", Map.of("posts", 4L));

        Cli.Result r = cli.run("verify", point.get("id").asText(), "--drill");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("shopdb: drill FAILED").contains("table public.orders: 1400 rows in the backup,"
                + " 1500 restored").contains("wpdb: drill FAILED")
                .contains("table we`ird: 1 rows restored, not recorded by the backup");
        assertNoScratchDatabases();
    }

    @Test
    void approximateCountsThatDifferAreReportedWithBothNumbersButDoNotFailTheDrill() throws Exception {
        JsonNode point = cli.run("backup", "nightly", "--json").requireOk().json().get("point");
        Path pointDir = Path.of(point.get("artifacts").get(0).get("path").asText()).getParent();
        Damage.recordTables(pointDir, "wpdb", Map.of("posts", 6L, "we`ird", 1L), "approximate");

        Cli.Result r = cli.run("verify", point.get("id").asText(), "--drill").requireOk();

        assertThat(r.err()).contains("warning").contains("table posts: 6 rows in the backup, 4 restored");
        assertNoScratchDatabases();
    }

    private void assertNoScratchDatabases() {
        assertThat(pg.query("postgres", "SELECT count(*) FROM pg_database WHERE datname LIKE 'mamori\\_drill\\_%'"))
                .isEqualTo("0");
        assertThat(maria.query("information_schema", "SELECT COUNT(*) FROM schemata WHERE schema_name LIKE"
                + " 'mamori\\_drill\\_%'")).isEqualTo("0");
    }
}
