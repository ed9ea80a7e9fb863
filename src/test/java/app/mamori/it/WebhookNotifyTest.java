package app.mamori.it;

import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Real backups over the test sshd tell a real HTTP receiver on loopback how they went. */
@ExtendWith(SshdExtension.class)
class WebhookNotifyTest {
    private static final String TOKEN = "T0KEN-s3cr3t";

    private record Received(String path, Map<String, List<String>> headers, String body) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(body);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private HttpServer http;
    private Cli cli;
    private Path tmp;

    @BeforeEach
    void setUp(SshdServer sshd, @TempDir Path tmp) throws IOException {
        this.tmp = tmp;
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    new String(body, StandardCharsets.UTF_8)));
            byte[] answer = (status.get() == 200 ? "ok" : "no such hook").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        http.start();
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("tools", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    private Path database() throws Exception {
        Path db = tmp.resolve("tool.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("CREATE TABLE t(x)");
        }
        return db;
    }

    /** Job {@code tool} backing up the SQLite file at {@code db} (which may be missing) on server {@code tools}. */
    private void addJob(Path db) {
        cli.run("source", "add", "tooldb", "--server", "tools", "--kind", "sqlite", "--path", db.toString())
                .requireOk();
        cli.run("job", "add", "tool", "--sources", "tooldb", "--vault", "local").requireOk();
    }

    @Test
    void aFailedBackupNamesServerJobSourceErrorAndWhatToTry() throws Exception {
        addJob(tmp.resolve("missing.db"));
        cli.runWithStdin(url("/hooks/" + TOKEN) + "\n", "notify", "add", "ops", "--webhook-stdin").requireOk();

        Cli.Result backup = cli.run("backup", "tool");

        assertThat(backup.exit()).isEqualTo(1);
        assertThat(received).hasSize(1);
        JsonNode n = received.get(0).json();
        assertThat(n.get("event").asText()).isEqualTo("failure");
        assertThat(n.get("server").asText()).isEqualTo("tools");
        assertThat(n.get("job").asText()).isEqualTo("tool");
        assertThat(n.get("failedSources").get(0).asText()).isEqualTo("tooldb");
        assertThat(n.get("error").asText()).contains("missing.db");
        assertThat(n.get("text").asText()).contains("Source tooldb failed").contains("mamori backup tool")
                .contains("mamori server test tools");
        assertThat(received.get(0).headers().get("Content-type")).containsExactly("application/json");
    }

    @Test
    void successIsSentOnlyToThoseWhoAskedForIt() throws Exception {
        addJob(database());
        cli.run("notify", "add", "failures", "--webhook", url("/failures")).requireOk();
        cli.run("notify", "add", "chat", "--webhook", url("/slack/" + TOKEN), "--format", "slack",
                "--on", "success,failure", "--job", "tool").requireOk();

        cli.run("backup", "tool").requireOk();

        assertThat(received).extracting(Received::path).containsExactly("/slack/" + TOKEN);
        assertThat(received.get(0).json().get("text").asText())
                .startsWith("*Backup of job tool on server tools succeeded*").contains("tooldb");
    }

    @Test
    void anUnreachableWebhookWarnsButDoesNotFailTheBackup() throws Exception {
        addJob(database());
        cli.run("notify", "add", "ping", "--webhook", url("/ping/" + TOKEN), "--format", "healthchecks",
                "--on", "success").requireOk();
        status.set(404);

        Cli.Result backup = cli.run("backup", "tool");

        assertThat(backup.exit()).isZero();
        assertThat(backup.err()).contains("warning: notifier ping: webhook http://127.0.0.1:")
                .contains("answered HTTP 404: no such hook").doesNotContain(TOKEN);
        assertThat(received).extracting(Received::path).containsExactly("/ping/" + TOKEN);
        try (app.mamori.catalog.Catalog c = app.mamori.catalog.Catalog.open(cli.home().resolve("catalog.db"))) {
            var failed = c.events().list(app.mamori.catalog.EventFilter.all().kind("notify-failed"), 1).get(0);
            assertThat(failed.phrase()).as("the reason after the English, for the app's own words")
                    .hasValueSatisfying(p -> assertThat(p.args()).contains("webhookHttp", "404", "no such hook")
                            .noneMatch(a -> a.contains(TOKEN)));
        }
    }

    @Test
    void healthchecksPingsTheFailUrlWhenABackupFails() {
        addJob(tmp.resolve("missing.db"));
        cli.run("notify", "add", "ping", "--webhook", url("/ping/" + TOKEN), "--format", "healthchecks",
                "--on", "success,failure").requireOk();

        cli.run("backup", "tool");

        assertThat(received).extracting(Received::path).containsExactly("/ping/" + TOKEN + "/fail");
        assertThat(received.get(0).body()).contains("Backup of job tool on server tools failed");
    }

    @Test
    void theWebhookUrlIsASecretKeptOutOfTheCatalogueListsAndLogs() throws Exception {
        cli.run("notify", "add", "chat", "--webhook", url("/discord/" + TOKEN), "--format", "discord").requireOk();
        cli.run("notify", "test", "chat").requireOk();

        assertThat(received).hasSize(1);
        assertThat(received.get(0).json().get("content").asText()).contains("Test message from notifier chat");
        Cli.Result list = cli.run("notify", "list", "--json").requireOk();
        assertThat(list.json().get(0).get("url").asText()).isEqualTo("http://127.0.0.1:" + http.getAddress().getPort()
                + "/…");
        try (Stream<Path> files = Files.walk(cli.home())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                if (!f.getFileName().toString().equals("secrets.json")) {
                    assertThat(content).as(f.toString()).doesNotContain(TOKEN);
                }
            }
        }
        cli.run("notify", "remove", "chat").requireOk();
        assertThat(Files.readString(cli.home().resolve("secrets.json"))).doesNotContain(TOKEN);
    }
}
