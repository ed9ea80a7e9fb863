package app.mamori.it;

import app.mamori.catalog.Catalog;
import app.mamori.testenv.PostgresExtension;
import app.mamori.testenv.PostgresServer;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Restore drills on a schedule, run by run-due against a real sshd and PostgreSQL, and notified. */
@ExtendWith({SshdExtension.class, PostgresExtension.class})
class ScheduledDrillTest {
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private HttpServer http;
    private Cli cli;
    private PostgresServer pg;

    @BeforeEach
    void setUp(SshdServer sshd, PostgresServer pg, @TempDir Path tmp) throws Exception {
        this.pg = pg;
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
        pg.execSql(db, "CREATE TABLE orders(id int primary key); INSERT INTO orders SELECT generate_series(1, 50);"
                + " ALTER TABLE orders OWNER TO mamori;");
        cli.runWithStdin(pg.mamoriPassword() + "\n", "source", "add", "shopdb", "--server", "db1", "--kind", "postgres",
                "--database", db, "--db-host", pg.host(), "--db-port", Integer.toString(pg.port()),
                "--db-user", pg.mamoriUser(), "--password-stdin").requireOk();
        cli.run("job", "add", "shop", "--sources", "shopdb", "--vault", "local", "--rto", "1h").requireOk();
        cli.run("notify", "add", "ops", "--webhook", "http://127.0.0.1:" + http.getAddress().getPort() + "/hook",
                "--on", "success,failure").requireOk();
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    @Test
    void aDueDrillRunsFromRunDueIsRecordedAndNotifiedAndThenIsNotDueAgain() {
        JsonNode point = cli.run("backup", "shop", "--json").requireOk().json().get("point");
        notices.clear();
        Cli.Result set = cli.run("job", "set", "shop", "--drill", "quarterly").requireOk();
        assertThat(set.out()).contains("job shop is drilled ").contains("(quarterly); next ");
        assertThat(cli.run("job", "list").requireOk().out()).contains("\tdrill quarterly");
        assertThat(cli.run("run-due").requireOk().out()).contains("nothing is due");
        drillSetAt(Instant.now().minus(Duration.ofDays(100)));

        Cli.Result due = cli.run("run-due").requireOk();

        assertThat(due.out()).contains("scheduled drill of job shop (point " + point.get("id").asText()
                + "): passed, restored in ");
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0)).contains("Restore drill of job shop on server db1 passed");
        JsonNode rto = cli.run("status", "--json").requireOk().json().get(0).get("objectives").get("rto");
        assertThat(rto.get("state").asText()).as("the drill measured the RTO").isEqualTo("met");
        assertThat(cli.run("run-due").requireOk().out()).contains("nothing is due");
        assertThat(notices).hasSize(1);
        assertThat(cli.run("config", "export").requireOk().out()).contains("drill: quarterly");
        JsonNode history = cli.run("drills", "--source", "shopdb", "--json").requireOk().json();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("point").asText()).isEqualTo(point.get("id").asText());
        assertThat(history.get(0).get("result").asText()).isEqualTo("verified");
        assertThat(history.get(0).get("bytes").asLong()).isPositive();
        assertThat(history.get(0).get("recoveryMs").asLong()).isPositive();
        assertThat(cli.run("drills", "--job", "shop").requireOk().out()).contains("\tshopdb\t").contains("\tpassed");
    }

    @Test
    void aDrillThatFindsOtherDataFailsRunDueAndIsNotifiedAsAFailure() throws Exception {
        JsonNode point = cli.run("backup", "shop", "--json").requireOk().json().get("point");
        Path pointDir = Path.of(point.get("artifacts").get(0).get("path").asText()).getParent();
        Damage.recordExactTables(pointDir, "shopdb", Map.of("public.orders", 49L));
        notices.clear();
        cli.run("job", "set", "shop", "--drill", "monthly").requireOk();
        drillSetAt(Instant.now().minus(Duration.ofDays(40)));

        Cli.Result due = cli.run("run-due");

        assertThat(due.exit()).isEqualTo(1);
        assertThat(due.err()).contains("scheduled drill of job shop").contains("FAILED")
                .contains("table public.orders: 49 rows in the backup, 50 restored");
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0)).contains("Restore drill of job shop on server db1 FAILED");
        assertThat(pg.query("postgres", "SELECT count(*) FROM pg_database WHERE datname LIKE 'mamori\\_drill\\_%'"))
                .isEqualTo("0");
        assertThat(cli.run("drills").requireOk().out()).contains("\tFAILED");
        // the Activity page says the same finding in Japanese, table by table
        try (Catalog catalog = Catalog.open(cli.home().resolve("catalog.db"), Clock.systemUTC())) {
            app.mamori.catalog.Event drill = catalog.events().list(app.mamori.catalog.EventFilter.all()
                    .kind("drill-scheduled"), 1).get(0);
            app.mamori.ui.fx.I18n ja = new app.mamori.ui.fx.I18n(java.util.Locale.JAPANESE);
            assertThat(new app.mamori.ui.fx.EventWords(ja, new app.mamori.ui.fx.Format(ja, ZoneOffset.UTC)).of(drill))
                    .contains("が失敗しました: shopdb (復元リハーサル)")
                    .contains("テーブル public.orders の行数が違います (バックアップ 49 行 → 復元後 50 行)")
                    .doesNotContain("rows");
        }
    }

    @Test
    void aDrillScheduleThatDoesNotReadIsACommandLineMistake() {
        Cli.Result bad = cli.run("job", "set", "shop", "--drill", "fortnightly");

        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--drill");
        assertThat(cli.run("job", "list").requireOk().out()).doesNotContain("drill");
    }

    /** As if the drill schedule had been set at {@code when} and Mamori had not run since. */
    private void drillSetAt(Instant when) {
        try (Catalog catalog = Catalog.open(cli.home().resolve("catalog.db"), Clock.fixed(when, ZoneOffset.UTC))) {
            String expression = catalog.drills().find("shop").orElseThrow().expression();
            catalog.drills().clear("shop");
            catalog.drills().set("shop", expression);
        }
    }
}
