package app.mamori.it;

import app.mamori.testenv.PostgresExtension;
import app.mamori.testenv.PostgresServer;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An in-place restore killed with kill -9 while pg_restore writes into the live database: the
 * live data is as it was before the restore (one transaction, rolled back when its input ends),
 * the safety copy taken first is kept and held, and the next restore runs as if nothing happened.
 */
@ExtendWith({SshdExtension.class, PostgresExtension.class})
class KilledRestoreTest {
    private static final String CONTENTS = "SELECT count(*) || ':' || md5(string_agg(id || note, ',' ORDER BY id))"
            + " FROM orders";

    @Test
    void anInPlaceRestoreKilledMidwayLeavesTheLiveDatabaseAsItWasAndKeepsItsSafetyCopy(
            SshdServer sshd, PostgresServer pg, @TempDir Path tmp) throws Exception {
        Cli cli = new Cli(tmp.resolve("home"));
        cli.addServer("db1", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        String db = "killed_" + System.nanoTime();
        pg.createDatabase(db);
        pg.execSql(db, "CREATE TABLE orders(id int primary key, note text);"
                + " INSERT INTO orders SELECT g, md5(g::text) || md5((g * 7)::text) FROM generate_series(1, 400000) g;"
                + " ALTER TABLE orders OWNER TO mamori;");
        cli.runWithStdin(pg.mamoriPassword() + "\n", "source", "add", "shopdb", "--server", "db1", "--kind", "postgres",
                "--database", db, "--db-host", pg.host(), "--db-port", Integer.toString(pg.port()),
                "--db-user", pg.mamoriUser(), "--password-stdin").requireOk();
        cli.run("job", "add", "shop", "--sources", "shopdb", "--vault", "local").requireOk();
        String original = pg.query(db, CONTENTS);
        String point = cli.run("backup", "shop", "--json").requireOk().json().get("point").get("id").asText();
        pg.execSql(db, "DELETE FROM orders WHERE id > 1000; UPDATE orders SET note = 'damaged' WHERE id = 1;");
        String damaged = pg.query(db, CONTENTS);

        Process restore = cli.start(tmp.resolve("restore.out"), "restore", "--source", "shopdb", "--point", point,
                "--in-place", "--yes");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        // kill once pg_restore is writing into the live database
        while (pg.query(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND application_name = 'pg_restore' AND state = 'active'").equals("0")) {
            assertThat(restore.isAlive()).as("restore still running: " + Files.readString(tmp.resolve("restore.out")))
                    .isTrue();
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(20);
        }
        restore.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        assertThat(restore.waitFor(10, TimeUnit.SECONDS)).isTrue();
        // the server notices its input ended, fails, and rolls back
        while (!pg.query(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND application_name = 'pg_restore'").equals("0")) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(50);
        }

        assertThat(pg.query(db, CONTENTS)).as("the live database after the killed restore").isEqualTo(damaged);
        JsonNode points = cli.run("points", "shop", "--json").requireOk().json();
        assertThat(points).hasSize(2);
        assertThat(points.get(0).get("kind").asText()).as("the safety copy taken first").isEqualTo("pre-restore");
        try (app.mamori.catalog.Catalog catalog = app.mamori.catalog.Catalog.open(cli.home().resolve("catalog.db"))) {
            var events = catalog.events().list(app.mamori.catalog.EventFilter.all(), 50);
            assertThat(events).as("what the Activity page shows of the cut-off restore")
                    .anyMatch(e -> e.kind().equals("restore-started")
                            && e.message().contains("safety point " + points.get(0).get("id").asText()))
                    .noneMatch(e -> e.kind().startsWith("restore-succeeded") || e.kind().startsWith("restore-failed"));
            // the next start (the points command above) found the cut-off restore and said so, once
            assertThat(events).as("the next start's warning").filteredOn(e -> e.kind().equals("restore-interrupted"))
                    .singleElement().satisfies(e -> assertThat(e.message()).contains("shopdb", "may be half restored",
                            "safety point " + points.get(0).get("id").asText()));
        }
        cli.run("status").requireOk();
        try (app.mamori.catalog.Catalog catalog = app.mamori.catalog.Catalog.open(cli.home().resolve("catalog.db"))) {
            assertThat(catalog.events().list(app.mamori.catalog.EventFilter.all().kind("restore-interrupted"), 10))
                    .as("told once, not at every start").hasSize(1);
        }

        cli.run("restore", "--source", "shopdb", "--point", point, "--in-place", "--yes").requireOk();
        assertThat(pg.query(db, CONTENTS)).as("the next restore, run to its end").isEqualTo(original);
    }
}
