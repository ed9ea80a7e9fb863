package app.mamori.it;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.Verification;
import app.mamori.testenv.PostgresExtension;
import app.mamori.testenv.PostgresServer;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A check that could not run is "not checked", with its reason, never "failed"; only evidence of
 * damage fails a point, and a damaged point can still be restored after an explicit override.
 */
@ExtendWith({SshdExtension.class, PostgresExtension.class})
class CheckOutcomesTest {
    private Cli cli;
    private PostgresServer pg;
    private String db;
    private String point;

    @BeforeEach
    void setUp(SshdServer sshd, PostgresServer pg, @TempDir Path tmp) {
        this.pg = pg;
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("db1", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        db = "crm_" + System.nanoTime();
        pg.createDatabase(db);
        pg.execSql(db, "CREATE TABLE contacts(id int primary key, name text); INSERT INTO contacts VALUES (1, 'Ana'),"
                + " (2, 'Bo'); ALTER TABLE contacts OWNER TO mamori;");
    }

    private void addSource(String user, String password) {
        cli.runWithStdin(password + "\n", "source", "add", "crm", "--server", "db1", "--kind", "postgres",
                "--database", db, "--db-host", pg.host(), "--db-port", Integer.toString(pg.port()),
                "--db-user", user, "--password-stdin").requireOk();
        cli.run("job", "add", "crm", "--sources", "crm", "--vault", "local").requireOk();
        point = cli.run("backup", "crm", "--json").requireOk().json().get("point").get("id").asText();
    }

    @Test
    void aDrillWhoseUserMayNotCreateTheScratchDatabaseIsNotCheckedNotFailedAndPrintsNoDrop() {
        String user = "reader_" + System.nanoTime();
        pg.execSql("postgres", "CREATE ROLE " + user + " LOGIN NOCREATEDB PASSWORD 'pw-" + user + "';"
                + " GRANT mamori TO " + user + ";");
        addSource(user, "pw-" + user);

        Cli.Result r = cli.run("verify", point, "--drill");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("drill NOT CHECKED").contains("could not create the scratch database")
                .contains("permission denied");
        assertThat(r.out() + r.err()).doesNotContain("DROP DATABASE").doesNotContain("FAILED");
        try (Catalog catalog = Catalog.open(cli.home().resolve("catalog.db"))) {
            assertThat(catalog.verifications().forPoint(point)).extracting(v -> v.method() + "=" + v.result())
                    .containsExactly("CHECKSUM=VERIFIED", "FORMAT=VERIFIED");
            assertThat(catalog.events().list(app.mamori.catalog.EventFilter.all(), 50)).anySatisfy(e -> assertThat(e.message())
                    .contains("could not run, so it is not checked (not failed)"));
        }
        assertThat(cli.run("restore", "--source", "crm", "--point", point, "--to-database", db + "_x", "--dry-run")
                .requireOk().out()).doesNotContain("failed its");
    }

    @Test
    void aDamagedPointIsRefusedUntilTheOverrideAndAWeakerPassingCheckDoesNotClearIt() {
        addSource(pg.mamoriUser(), pg.mamoriPassword());
        try (Catalog catalog = Catalog.open(cli.home().resolve("catalog.db"))) {
            catalog.verifications().record(new Verification(point, "crm", "crm", Instant.now(),
                    Verification.Method.DRILL, Verification.Result.FAILED, "drill: table contacts has 1 row, the"
                    + " backup recorded 2", Duration.ofSeconds(1), Optional.empty()));
        }
        cli.run("verify", point).requireOk(); // checksum and format pass: says nothing against the drill's finding
        String copy = db + "_copy";

        Cli.Result refused = cli.run("restore", "--source", "crm", "--point", point, "--to-database", copy, "--yes");
        Cli.Result accepted = cli.run("restore", "--source", "crm", "--point", point, "--to-database", copy, "--yes",
                "--accept-failed-check");

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("failed its last verification (drill check").contains("--accept-failed-check");
        assertThat(accepted.exit()).as(accepted.err()).isZero();
        assertThat(accepted.out() + accepted.err()).contains("restoring it anyway");
        assertThat(pg.query(copy, "SELECT count(*) FROM contacts")).isEqualTo("2");
    }
}
