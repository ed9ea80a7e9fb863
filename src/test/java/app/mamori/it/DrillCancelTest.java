package app.mamori.it;

import app.mamori.catalog.Catalog;
import app.mamori.engine.verify.Verifier;
import app.mamori.engine.verify.VerifyListener;
import app.mamori.engine.verify.VerifyPlan;
import app.mamori.engine.verify.VerifyPlanner;
import app.mamori.engine.verify.VerifyResult;
import app.mamori.secret.SecretStore;
import app.mamori.ssh.JschConnector;
import app.mamori.testenv.PostgresExtension;
import app.mamori.testenv.PostgresServer;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import app.mamori.util.CancelToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A drill cancelled while its scratch database exists still drops it. */
@ExtendWith({SshdExtension.class, PostgresExtension.class})
class DrillCancelTest {
    private static final String SCRATCH = "SELECT count(*) FROM pg_database WHERE datname LIKE 'mamori\\_drill\\_%'";

    @Test
    void cancellingADrillMidwayDropsItsScratchDatabase(SshdServer sshd, PostgresServer pg, @TempDir Path tmp)
            throws Exception {
        Cli cli = new Cli(tmp.resolve("home"));
        cli.addServer("db1", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        String db = "big_" + System.nanoTime();
        pg.createDatabase(db);
        pg.execSql(db, "CREATE TABLE events(id int primary key, payload text);"
                + " INSERT INTO events SELECT g, repeat(md5(g::text), 8) FROM generate_series(1, 300000) g;"
                + " ALTER TABLE events OWNER TO mamori;");
        cli.runWithStdin(pg.mamoriPassword() + "\n", "source", "add", "bigdb", "--server", "db1", "--kind", "postgres",
                "--database", db, "--db-host", pg.host(), "--db-port", Integer.toString(pg.port()),
                "--db-user", pg.mamoriUser(), "--password-stdin").requireOk();
        cli.run("job", "add", "big", "--sources", "bigdb", "--vault", "local").requireOk();
        cli.run("backup", "big").requireOk();
        Path home = cli.home();

        VerifyResult result;
        try (Catalog catalog = Catalog.open(home.resolve("catalog.db"))) {
            VerifyPlan plan = new VerifyPlanner(catalog).plan(new VerifyPlanner.Selection.Job("big"), true);
            Verifier verifier = new Verifier(catalog, new JschConnector(home.resolve("known_hosts"),
                    JschConnector.defaultSshConfig()), new SecretStore(home.resolve("secrets.json")), Clock.systemUTC());
            CancelToken cancel = new CancelToken();
            CompletableFuture<Boolean> sawScratch = CompletableFuture.supplyAsync(() -> {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() < until) {
                    if (!pg.query("postgres", SCRATCH).equals("0")) {
                        cancel.cancel();
                        return true;
                    }
                }
                return false;
            });
            result = verifier.execute(plan, new VerifyListener() { }, cancel);
            assertThat(sawScratch.get(70, TimeUnit.SECONDS)).as("the scratch database was created").isTrue();
        }

        assertThat(result.cancelled()).isTrue();
        assertThat(result.ok()).isFalse();
        assertThat(result.checks()).as("only the checks that finished are recorded")
                .noneMatch(v -> v.method().id().equals("drill"));
        assertThat(pg.query("postgres", SCRATCH)).isEqualTo("0");
    }
}
