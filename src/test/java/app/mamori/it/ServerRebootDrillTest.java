package app.mamori.it;

import app.mamori.testenv.PostgresServer;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite's reboot: the database server goes down hard (no clean shutdown) and its sshd
 * sessions die while a restore drill is restoring into its scratch database, then the machine
 * comes back. The drill could not run: that is no evidence against the backup, so the point
 * stays restorable, the admin is told what was left on the server and how to remove it, and
 * the next drill passes.
 */
class ServerRebootDrillTest {
    private static SshdServer sshd;
    private static PostgresServer pg;

    @BeforeAll
    static void start() throws Exception {
        sshd = SshdServer.start();
        pg = PostgresServer.start();
    }

    @AfterAll
    static void stop() {
        if (sshd != null) {
            sshd.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void aRebootDuringADrillLeavesThePointRestorableSaysWhatIsLeftAndTheNextDrillPasses(@TempDir Path tmp)
            throws Exception {
        Cli cli = new Cli(tmp.resolve("home"));
        cli.addServer("db1", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        pg.createDatabase("shop");
        // enough rows that restoring them takes a while, so the reboot lands inside the drill
        pg.execSql("shop", "CREATE TABLE orders(id int primary key, note text); INSERT INTO orders SELECT g,"
                + " repeat(md5(g::text), 4) FROM generate_series(1, 400000) g; ALTER TABLE orders OWNER TO mamori;");
        cli.runWithStdin(pg.mamoriPassword() + "\n", "source", "add", "shopdb", "--server", "db1", "--kind",
                "postgres", "--database", "shop", "--db-host", pg.host(), "--db-port", Integer.toString(pg.port()),
                "--db-user", pg.mamoriUser(), "--password-stdin").requireOk();
        cli.run("job", "add", "nightly", "--sources", "shopdb", "--vault", "local").requireOk();
        String point = cli.run("backup", "nightly", "--json").requireOk().json().get("point").get("id").asText();

        Process drill = cli.start(tmp.resolve("drill.out"), "verify", point, "--drill");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (scratchDatabases().isEmpty()) {
            assertThat(drill.isAlive()).as(Files.readString(tmp.resolve("drill.out"))).isTrue();
            assertThat(Instant.now()).as("the drill's scratch database appears").isBefore(deadline);
            Thread.sleep(20);
        }
        Thread.sleep(300); // inside pg_restore
        // the database goes first, its sshd a moment later, as a machine shutting down stops them
        pg.crash();
        Thread.sleep(1000);
        sshdSessions().forEach(ProcessHandle::destroyForcibly);
        assertThat(drill.waitFor(60, TimeUnit.SECONDS)).as("the drill ends when its server goes away").isTrue();
        pg.startAgain();
        String said = Files.readString(tmp.resolve("drill.out"));

        assertThat(said).as("what the admin reads").doesNotContain("drill FAILED").contains("drill NOT CHECKED")
                .contains("database server on server db1 went away").contains("says nothing against the backup");
        for (String left : scratchDatabases()) {
            assertThat(said).as("a scratch database left on the server is named, with how to remove it")
                    .contains(left).contains("remove it by hand");
        }
        JsonNode points = cli.run("points", "nightly", "--json").requireOk().json();
        assertThat(points.get(0).toString()).as("the point is not marked damaged").doesNotContain("\"failed\"");
        Cli.Result again = cli.run("verify", point, "--drill");
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).containsPattern("verified +" + point + " shopdb drill");
    }

    private static List<String> scratchDatabases() {
        try {
            String names = pg.query("postgres", "SELECT datname FROM pg_database WHERE datname LIKE 'mamori_drill_%'");
            return names.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static List<ProcessHandle> sshdSessions() throws Exception {
        long main = Long.parseLong(Files.readString(sshd.dir().resolve("sshd.pid")).strip());
        return ProcessHandle.of(main).orElseThrow().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/sshd") || c.endsWith("sshd-session")).orElse(false))
                .toList();
    }
}
