package app.mamori.it;

import app.mamori.catalog.Catalog;
import app.mamori.model.Objectives;
import app.mamori.testenv.PostgresExtension;
import app.mamori.testenv.PostgresServer;
import app.mamori.testenv.S3Extension;
import app.mamori.testenv.S3Server;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Recovery objectives set from the CLI, checked against real backups and drills of a PostgreSQL database. */
@ExtendWith({SshdExtension.class, PostgresExtension.class, S3Extension.class})
class ObjectivesTest {
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private HttpServer http;
    private Cli cli;

    @BeforeEach
    void setUp(SshdServer sshd, PostgresServer pg, @TempDir Path tmp) throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            notices.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        http.start();
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("db1", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        String db = "shop_" + System.nanoTime();
        pg.createDatabase(db);
        pg.execSql(db, "CREATE TABLE orders(id int primary key); INSERT INTO orders SELECT generate_series(1, 200);"
                + " ALTER TABLE orders OWNER TO mamori;");
        cli.runWithStdin(pg.mamoriPassword() + "\n", "source", "add", "shopdb", "--server", "db1", "--kind", "postgres",
                "--database", db, "--db-host", pg.host(), "--db-port", Integer.toString(pg.port()),
                "--db-user", pg.mamoriUser(), "--password-stdin").requireOk();
        cli.run("job", "add", "shop", "--sources", "shopdb", "--vault", "local").requireOk();
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    @Test
    void objectivesAreSetListedAndRemovedFromTheCommandLine() {
        Cli.Result set = cli.run("job", "set", "shop", "--rpo", "24h", "--rto", "4h").requireOk();
        assertThat(set.out()).contains("job shop objectives: RPO 1d, RTO 4h");
        assertThat(cli.run("job", "list").requireOk().out()).contains("objectives RPO 1d, RTO 4h");

        cli.run("job", "set", "shop", "--rpo", "none").requireOk();

        assertThat(cli.run("job", "list").requireOk().out()).contains("objectives RPO none, RTO 4h");
        cli.run("job", "set", "shop", "--rto", "none").requireOk();
        assertThat(cli.run("status", "--json").requireOk().json().get(0).get("objectives").isNull()).isTrue();
    }

    @Test
    void aWrongDurationIsACommandLineMistakeNamingTheOptionAndChangesNothing() {
        Cli.Result bad = cli.run("job", "set", "shop", "--rpo", "24x", "--rto", "4h");

        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--rpo: '24x' is not a duration; write it as 30m, 4h, 24h, 7d or 1h30m");
        assertThat(cli.run("job", "list").requireOk().out()).doesNotContain("objectives");
    }

    @Test
    void aBreachedRpoShowsInStatusJsonIsNotifiedOnceAndClearsAfterABackup() {
        cli.run("notify", "add", "ops", "--webhook", "http://127.0.0.1:" + http.getAddress().getPort() + "/hook",
                "--on", "overdue").requireOk();
        objectivesSetAt(Instant.now().minus(Duration.ofDays(3)), "1d", "4h");

        Cli.Result status = cli.run("status", "--json");

        assertThat(status.exit()).isEqualTo(1);
        assertThat(status.err()).contains("1 job(s) breach a recovery objective: shop");
        JsonNode rpo = status.json().get(0).get("objectives").get("rpo");
        assertThat(rpo.get("state").asText()).isEqualTo("breached");
        assertThat(rpo.get("met").asBoolean()).isFalse();
        assertThat(rpo.get("targetSeconds").asLong()).isEqualTo(86_400);
        assertThat(rpo.get("marginSeconds").asLong()).isBetween(-2 * 86_400L - 120, -2 * 86_400L + 120);
        assertThat(Instant.parse(rpo.get("since").asText())).isBefore(Instant.now().minus(Duration.ofDays(1)));
        assertThat(status.json().get(0).get("objectives").get("rto").get("state").asText()).isEqualTo("unknown");

        cli.run("run-due").requireOk();
        cli.run("run-due").requireOk();

        assertThat(notices).as("one notice per breach, however often run-due looks").hasSize(1);
        assertThat(notices.get(0)).contains("breaches its RPO by 2 days").contains("mamori backup shop");

        cli.run("backup", "shop").requireOk();
        JsonNode after = cli.run("status", "--json").requireOk().json().get(0).get("objectives");
        assertThat(after.get("rpo").get("state").asText()).isEqualTo("met");
        assertThat(after.get("rpo").get("measuredSeconds").asLong()).isLessThan(120);
        assertThat(Instant.parse(after.get("rpo").get("since").asText()))
                .isAfter(Instant.now().minus(Duration.ofMinutes(5)));
    }

    @Test
    void rtoIsMeasuredByTheNewestDrillOfEachSource() {
        cli.run("job", "set", "shop", "--rpo", "24h", "--rto", "1h").requireOk();
        cli.run("backup", "shop").requireOk();
        JsonNode before = cli.run("status", "--json").requireOk().json().get(0).get("objectives").get("rto");
        assertThat(before.get("state").asText()).isEqualTo("unknown");
        assertThat(before.get("detail").asText()).contains("never drilled: shopdb");

        cli.run("verify", "--all", "--drill").requireOk();

        JsonNode rto = cli.run("status", "--json").requireOk().json().get(0).get("objectives").get("rto");
        assertThat(rto.get("state").asText()).isEqualTo("met");
        assertThat(rto.get("measuredSeconds").asLong()).isLessThan(60);
        assertThat(rto.get("marginSeconds").asLong()).isGreaterThan(3_500);
        assertThat(rto.get("detail").asText()).contains("shopdb").contains("drilled");
        assertThat(cli.run("status").requireOk().out()).contains("RPO 1d met").contains("RTO 1h met");
    }

    @Test
    void anOffsiteCopyBehindTheRpoIsABreachOfItsOwnNotifiedOnceWhileTheLocalRpoIsMet(S3Server s3) {
        cli.run("notify", "add", "ops", "--webhook", "http://127.0.0.1:" + http.getAddress().getPort() + "/hook",
                "--on", "overdue").requireOk();
        cli.runWithStdin(S3Server.SECRET_ACCESS_KEY + "\n", "vault", "add", "offsite", "--s3",
                s3.newBucket("rpo") + "/mamori", "--endpoint", s3.endpoint(), "--region", S3Server.REGION,
                "--access-key-id", S3Server.ACCESS_KEY_ID, "--secret-access-key-stdin").requireOk();
        objectivesSetAt(Instant.now().minus(Duration.ofDays(3)), "1d", "none");
        cli.run("backup", "shop").requireOk();
        // copying starts after the backup: the new point is local only
        cli.run("job", "set", "shop", "--copy-to", "offsite").requireOk();

        Cli.Result status = cli.run("status", "--json");

        assertThat(status.exit()).isEqualTo(1);
        JsonNode objectives = status.json().get(0).get("objectives");
        assertThat(objectives.get("rpo").get("state").asText()).isEqualTo("met");
        assertThat(objectives.get("rto").isNull()).isTrue();
        JsonNode offsite = objectives.get("offsiteRpo");
        assertThat(offsite.get("state").asText()).isEqualTo("breached");
        assertThat(offsite.get("targetSeconds").asLong()).isEqualTo(86_400);
        assertThat(offsite.get("marginSeconds").asLong()).isBetween(-2 * 86_400L - 120, -2 * 86_400L + 120);
        assertThat(offsite.get("detail").asText()).contains("no point copied to vault offsite yet");
        assertThat(cli.run("status").out()).contains("offsite RPO 1d BREACHED");

        cli.run("run-due").requireOk();
        cli.run("run-due").requireOk();

        assertThat(notices).as("one notice per breach spell, however often run-due looks").hasSize(1);
        assertThat(notices.get(0)).contains("The offsite copy of job shop").contains("breaches its RPO by 2 days")
                .contains("mamori copy shop");

        cli.run("copy", "shop").requireOk();
        JsonNode after = cli.run("status", "--json").requireOk().json().get(0).get("objectives").get("offsiteRpo");
        assertThat(after.get("state").asText()).isEqualTo("met");
        assertThat(after.get("measuredSeconds").asLong()).isLessThan(120);
        assertThat(after.get("detail").asText()).contains("newest point copied to vault offsite taken");
        cli.run("run-due").requireOk();
        assertThat(notices).hasSize(1);
    }

    @Test
    void aJobThatCopiesNothingOffsiteHasNoOffsiteRpo() {
        cli.run("job", "set", "shop", "--rpo", "24h").requireOk();
        cli.run("backup", "shop").requireOk();

        JsonNode objectives = cli.run("status", "--json").requireOk().json().get(0).get("objectives");

        assertThat(objectives.get("rpo").get("state").asText()).isEqualTo("met");
        assertThat(objectives.has("offsiteRpo")).isTrue();
        assertThat(objectives.get("offsiteRpo").isNull()).isTrue();
    }

    /** As if the objectives had been set at {@code when}. */
    private void objectivesSetAt(Instant when, String rpo, String rto) {
        try (Catalog catalog = Catalog.open(cli.home().resolve("catalog.db"), Clock.fixed(when, ZoneOffset.UTC))) {
            catalog.objectives().set("shop", new Objectives(Objectives.parse("--rpo", rpo),
                    Objectives.parse("--rto", rto)));
        }
    }

}
