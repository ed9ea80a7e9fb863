package app.mamori.it;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.EventFilter;
import app.mamori.testenv.PostgresExtension;
import app.mamori.testenv.PostgresServer;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Restores real PostgreSQL backups over a real sshd through the CLI, as an admin in an incident would. */
@ExtendWith({SshdExtension.class, PostgresExtension.class})
class PostgresRestoreTest {
    private static final String CONTENTS = "SELECT string_agg(id || ':' || note, ',' ORDER BY id) FROM orders";

    private Cli cli;
    private Path vault;
    private PostgresServer pg;
    private String db;

    @BeforeEach
    void setUp(SshdServer sshd, PostgresServer pg, @TempDir Path tmp) {
        this.pg = pg;
        cli = new Cli(tmp.resolve("home"));
        vault = tmp.resolve("vault");
        cli.addServer("db1", sshd);
        cli.run("vault", "add", "local", "--path", vault.toString()).requireOk();
        db = "shop_" + System.nanoTime();
        pg.createDatabase(db);
        pg.execSql(db, "CREATE TABLE orders(id int primary key, note text);"
                + " INSERT INTO orders SELECT g, 'order ' || g || ' caf\u00e9 ''q''' FROM generate_series(1, 2000) g;"
                + " ALTER TABLE orders OWNER TO mamori;");
        cli.runWithStdin(pg.mamoriPassword() + "\n", "source", "add", "shopdb", "--server", "db1", "--kind", "postgres",
                "--database", db, "--db-host", pg.host(), "--db-port", Integer.toString(pg.port()),
                "--db-user", pg.mamoriUser(), "--password-stdin").requireOk();
        cli.run("job", "add", "shop", "--sources", "shopdb", "--vault", "local").requireOk();
    }

    @Test
    void restoreToANewDatabaseHoldsTheSameRowsAndNoCommandLineCarriesThePassword() throws Exception {
        String original = pg.query(db, CONTENTS);
        String point = backup();
        String copy = db + "_copy";

        Cli.Result result;
        List<String> seen;
        try (ProcessWatch watch = new ProcessWatch()) {
            result = cli.run("restore", "--source", "shopdb", "--to-database", copy, "--yes", "--json");
            seen = List.copyOf(watch.commandLines());
        }

        result.requireOk();
        assertThat(pg.query(copy, CONTENTS)).isEqualTo(original);
        JsonNode json = result.json();
        assertThat(json.get("status").asText()).isEqualTo("succeeded");
        assertThat(json.get("plan").get("point").asText()).isEqualTo(point);
        assertThat(json.get("safetyPoint").isNull()).as("no safety backup for a new database").isTrue();
        assertThat(seen).as("the process watch saw pg_restore run").anyMatch(c -> c.contains("pg_restore"));
        assertThat(seen).as("no command line carried the password").noneMatch(c -> c.contains(pg.mamoriPassword()));
        assertThat(result.out() + result.err()).doesNotContain(pg.mamoriPassword());
        Path report = Path.of(json.get("report").asText());
        assertThat(report.getParent()).isEqualTo(pointDir(point));
        assertThat(Files.readString(report)).contains("succeeded").contains(copy).contains(point)
                .contains("pg_restore").contains(System.getProperty("user.name")).doesNotContain(pg.mamoriPassword());
        try (Catalog catalog = Catalog.open(cli.home().resolve("catalog.db"))) {
            assertThat(catalog.events().list(EventFilter.all(), 50)).filteredOn(e -> e.kind().equals("restore-succeeded"))
                    .singleElement().satisfies(e -> assertThat(e.message()).contains(point).contains(copy)
                            .contains(System.getProperty("user.name")).contains(report.toString()));
        }
    }

    @Test
    void restoreToAnExistingDatabaseIsRefused() {
        backup();
        String other = db + "_taken";
        pg.createDatabase(other);

        Cli.Result result = cli.run("restore", "--source", "shopdb", "--to-database", other, "--yes");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains(other + " already exists").contains("Nothing on the server was changed");
        assertThat(pg.query(other, "SELECT count(*) FROM pg_tables WHERE tablename = 'orders'")).isEqualTo("0");
    }

    @Test
    void inPlaceRestoreBringsBackTheBackedUpRowsAndKeepsTheOverwrittenStateInAPreRestorePoint() throws Exception {
        String original = pg.query(db, CONTENTS);
        String point = backup();
        pg.execSql(db, "DELETE FROM orders WHERE id > 10; UPDATE orders SET note = 'damaged' WHERE id = 1;");
        String damaged = pg.query(db, CONTENTS);

        Cli.Result result = cli.run("restore", "--source", "shopdb", "--point", point, "--in-place", "--yes", "--json");

        result.requireOk();
        assertThat(pg.query(db, CONTENTS)).isEqualTo(original);
        String safety = result.json().get("safetyPoint").asText();
        assertThat(safety).startsWith("shop/").isNotEqualTo(point);
        JsonNode points = cli.run("points", "shop", "--json").requireOk().json();
        assertThat(points).hasSize(2);
        assertThat(points.get(0).get("id").asText()).isEqualTo(safety);
        assertThat(points.get(0).get("kind").asText()).isEqualTo("pre-restore");
        assertThat(points.get(1).get("kind").asText()).isEqualTo("normal");
        String copy = db + "_before";
        cli.run("restore", "--source", "shopdb", "--point", safety, "--to-database", copy, "--yes").requireOk();
        assertThat(pg.query(copy, CONTENTS)).as("the safety point holds the state before the restore").isEqualTo(damaged);
        assertThat(cli.run("restore", "--source", "shopdb", "--to-database", db + "_latest", "--dry-run", "--json")
                .requireOk().json().get("point").asText()).as("latest skips safety points").isEqualTo(point);
    }

    @Test
    void atPicksTheNewestPointAtOrBeforeTheTime() throws Exception {
        String first = backup();
        Thread.sleep(1100);
        pg.execSql(db, "INSERT INTO orders VALUES (9999, 'late');");
        String second = backup();
        JsonNode points = cli.run("points", "shop", "--json").requireOk().json();
        String firstTime = points.get(1).get("time").asText();
        String secondTime = points.get(0).get("time").asText();

        assertThat(dryRunPoint("--at", firstTime)).isEqualTo(first);
        assertThat(dryRunPoint("--at", java.time.Instant.parse(secondTime).minusMillis(1).toString())).isEqualTo(first);
        assertThat(dryRunPoint("--at", secondTime)).isEqualTo(second);
        assertThat(dryRunPoint()).isEqualTo(second);
        Cli.Result tooEarly = cli.run("restore", "--source", "shopdb", "--at", "2001-01-01 00:00", "--to-database", "x",
                "--dry-run");
        assertThat(tooEarly.exit()).isEqualTo(1);
        assertThat(tooEarly.err()).contains("no restore point at or before").contains(first);
    }

    @Test
    void dryRunJsonShowsTheCommandsAndRunsNothing() throws Exception {
        backup();
        String copy = db + "_dry";
        List<String> seen;
        Cli.Result result;
        try (ProcessWatch watch = new ProcessWatch()) {
            result = cli.run("restore", "--source", "shopdb", "--to-database", copy, "--dry-run", "--json");
            seen = List.copyOf(watch.commandLines());
        }

        JsonNode plan = result.requireOk().json();
        assertThat(plan.get("target").get("kind").asText()).isEqualTo("new-database");
        assertThat(plan.get("commands")).hasSize(2);
        assertThat(plan.get("commands").get(0).get("command").asText()).contains("CREATE DATABASE");
        assertThat(plan.get("commands").get(1).get("command").asText()).contains("pg_restore").contains("--no-owner");
        assertThat(plan.get("commands").get(1).get("secretOnStdin").asBoolean()).isTrue();
        assertThat(plan.toString()).doesNotContain(pg.mamoriPassword());
        assertThat(seen).noneMatch(c -> c.contains("pg_restore") || c.contains("psql"));
        assertThat(pg.query("postgres", "SELECT count(*) FROM pg_database WHERE datname = '" + copy + "'")).isEqualTo("0");
    }

    @Test
    void withoutYesAndWithoutATerminalNothingIsRestored() {
        backup();
        String copy = db + "_unasked";

        Cli.Result result = cli.run("restore", "--source", "shopdb", "--to-database", copy);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("needs confirmation").contains("--yes");
        assertThat(pg.query("postgres", "SELECT count(*) FROM pg_database WHERE datname = '" + copy + "'")).isEqualTo("0");
    }

    @Test
    void aCorruptedArtifactIsRefusedWithItsNameAndTheTargetIsUntouched() throws Exception {
        String point = backup();
        Path artifact;
        try (Stream<Path> s = Files.list(pointDir(point))) {
            artifact = s.filter(p -> p.toString().endsWith(".pgdump")).findFirst().orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(artifact.toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 0x01);
        }
        pg.execSql(db, "UPDATE orders SET note = 'current' WHERE id = 1;");
        String current = pg.query(db, CONTENTS);

        Cli.Result inPlace = cli.run("restore", "--source", "shopdb", "--in-place", "--yes");
        Cli.Result copy = cli.run("restore", "--source", "shopdb", "--to-database", db + "_bad", "--yes");

        assertThat(inPlace.exit()).isEqualTo(1);
        assertThat(inPlace.err()).contains("corrupted").contains(artifact.getFileName().toString())
                .contains("Nothing on the server was changed");
        assertThat(copy.exit()).isEqualTo(1);
        assertThat(pg.query(db, CONTENTS)).isEqualTo(current);
        assertThat(pg.query("postgres", "SELECT count(*) FROM pg_database WHERE datname = '" + db + "_bad'")).isEqualTo("0");
        assertThat(cli.run("points", "shop", "--json").requireOk().json()).as("no safety point either").hasSize(1);
    }

    private String dryRunPoint(String... at) {
        List<String> args = new java.util.ArrayList<>(List.of("restore", "--source", "shopdb", "--to-database", "x",
                "--dry-run", "--json"));
        args.addAll(List.of(at));
        return cli.run(args.toArray(String[]::new)).requireOk().json().get("point").asText();
    }

    private String backup() {
        return cli.run("backup", "shop", "--json").requireOk().json().get("point").get("id").asText();
    }

    private Path pointDir(String point) throws IOException {
        try (Stream<Path> s = Files.walk(vault)) {
            String folder = point.substring(point.indexOf('/') + 1);
            return s.filter(p -> p.getFileName().toString().equals(folder)).findFirst().orElseThrow();
        }
    }
}
