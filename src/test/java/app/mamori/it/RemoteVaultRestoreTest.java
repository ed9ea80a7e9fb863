package app.mamori.it;

import app.mamori.testenv.PostgresExtension;
import app.mamori.testenv.PostgresServer;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Restores of dumps kept in a vault on the server itself: the backup file is read there, checked first. */
@ExtendWith({SshdExtension.class, PostgresExtension.class})
class RemoteVaultRestoreTest {
    private static final String ORDERS = "SELECT string_agg(id || ':' || note, ',' ORDER BY id) FROM orders";

    private Cli cli;
    private Path disk;
    private PostgresServer pg;
    private String db;

    @BeforeEach
    void setUp(SshdServer sshd, PostgresServer pg, @TempDir Path tmp) {
        this.pg = pg;
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("db1", sshd);
        disk = tmp.resolve("backup disk");
        cli.run("vault", "add", "hdd", "--server", "db1", "--path", disk.toString()).requireOk();
        db = "crm_" + System.nanoTime();
        pg.createDatabase(db);
        pg.execSql(db, "CREATE TABLE orders(id int primary key, note text);"
                + " INSERT INTO orders SELECT g, 'order ' || g FROM generate_series(1, 300) g;"
                + " ALTER TABLE orders OWNER TO mamori;");
        cli.runWithStdin(pg.mamoriPassword() + "\n", "source", "add", "crm", "--server", "db1", "--kind", "postgres",
                "--database", db, "--db-host", pg.host(), "--db-port", Integer.toString(pg.port()),
                "--db-user", pg.mamoriUser(), "--password-stdin").requireOk();
        cli.run("job", "add", "crm", "--sources", "crm", "--vault", "hdd").requireOk();
        cli.run("backup", "crm").requireOk();
    }

    @Test
    void aDumpInTheServersVaultRestoresIntoANewDatabaseWithoutThePasswordOnAnyCommandLine() throws Exception {
        String original = pg.query(db, ORDERS);
        Cli.Result r;
        List<String> seen;
        try (ProcessWatch watch = new ProcessWatch()) {
            r = cli.run("restore", "--source", "crm", "--to-database", db + "_copy", "--yes");
            seen = List.copyOf(watch.commandLines());
        }
        r.requireOk();
        assertThat(pg.query(db + "_copy", ORDERS)).isEqualTo(original);
        assertThat(seen).noneMatch(c -> c.contains(pg.mamoriPassword()));
    }

    @Test
    void inPlaceTakesTheSafetyBackupIntoTheSameVaultFirst() {
        String original = pg.query(db, ORDERS);
        pg.execSql(db, "DELETE FROM orders WHERE id > 5");

        Cli.Result r = cli.run("restore", "--source", "crm", "--in-place", "--yes").requireOk();

        assertThat(pg.query(db, ORDERS)).isEqualTo(original);
        assertThat(r.out()).contains("safety point: crm/");
        assertThat(cli.run("points", "--json").requireOk().json().toString()).contains("pre-restore");
    }

    @Test
    void aDamagedFileInTheServersVaultIsRefusedBeforeAnythingChanges() throws Exception {
        Path dump;
        try (Stream<Path> s = Files.walk(disk)) {
            dump = s.filter(p -> p.getFileName().toString().startsWith("crm.")).findFirst().orElseThrow();
        }
        byte[] b = Files.readAllBytes(dump);
        b[b.length / 2] ^= 1;
        Files.write(dump, b);

        Cli.Result r = cli.run("restore", "--source", "crm", "--to-database", db + "_bad", "--yes");

        assertThat(r.exit()).isOne();
        assertThat(r.err()).contains("does not match its SHA-256").contains(dump.getFileName().toString());
        assertThat(pg.query("postgres", "SELECT count(*) FROM pg_database WHERE datname = '" + db + "_bad'"))
                .as("the check runs before the database is created").isEqualTo("0");
    }

    @Test
    void aRestoreIntoADatabaseThatExistsSaysSoAndNeverTellsTheAdminToDropIt() {
        String taken = db + "_taken";
        pg.createDatabase(taken);
        pg.execSql(taken, "CREATE TABLE keep(x int); INSERT INTO keep VALUES (42);");

        Cli.Result r = cli.run("restore", "--source", "crm", "--to-database", taken, "--yes");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("database " + taken + " already exists").contains("choose another name")
                .contains("Nothing on the server was changed").doesNotContain("DROP DATABASE");
        assertThat(pg.query(taken, "SELECT x FROM keep")).isEqualTo("42");
    }

    @Test
    void aTableRestoreReadsTheDumpOnTheServerAfterItsChecksumIntoANewDatabase() {
        String original = pg.query(db, ORDERS);
        String copy = db + "_orders";

        Cli.Result plan = cli.run("restore", "--source", "crm", "--table", "orders", "--to-database", copy,
                "--dry-run", "--json").requireOk();
        cli.run("restore", "--source", "crm", "--table", "orders", "--to-database", copy, "--yes").requireOk();

        List<String> purposes = new java.util.ArrayList<>();
        plan.json().get("commands").forEach(c -> purposes.add(c.get("purpose").asText()));
        assertThat(purposes).hasSize(3);
        assertThat(purposes.get(0)).startsWith("check the SHA-256 of " + disk);
        assertThat(purposes.get(1)).isEqualTo("create database " + copy);
        assertThat(purposes.get(2)).startsWith("pg_restore of table orders into " + copy).contains("reading " + disk);
        assertThat(plan.json().get("target").get("include")).as("tables are not --include paths").isEmpty();
        assertThat(plan.json().get("target").get("description").asText()).contains("only table orders");
        assertThat(pg.query(copy, ORDERS)).isEqualTo(original);
    }
}
