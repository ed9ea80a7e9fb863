package app.mamori.it;

import app.mamori.engine.discover.DiscoveryListener;
import app.mamori.engine.discover.ServerDiscovery;
import app.mamori.source.discover.DiscoverOptions;
import app.mamori.source.discover.Discovery;
import app.mamori.source.discover.DiscoveryStep;
import app.mamori.source.discover.Finding;
import app.mamori.source.discover.Probe;
import app.mamori.ssh.JschConnector;
import app.mamori.ssh.RemoteShell;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** `mamori server discover` against the real sshd and the harness's PostgreSQL and MariaDB. */
@ExtendWith({SshdExtension.class, PostgresExtension.class, MariadbExtension.class})
class DiscoveryTest {
    private Cli cli;
    private Path tmp;
    private SshdServer sshd;

    @BeforeEach
    void setUp(SshdServer sshd, @TempDir Path tmp) {
        this.tmp = tmp;
        this.sshd = sshd;
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("db1", sshd);
    }

    private static List<String> whats(JsonNode d) {
        List<String> out = new ArrayList<>();
        d.get("findings").forEach(f -> out.add(f.get("what").asText()));
        return out;
    }

    @Test
    void findsDatabasesWithThePasswordGivenOnStdinAndNeverOnACommandLine(PostgresServer pg) throws Exception {
        pg.createDatabase("shop_disc");
        Cli.Result r;
        List<String> seen;
        try (ProcessWatch watch = new ProcessWatch()) {
            r = cli.runWithStdin(pg.mamoriPassword() + "\n", "server", "discover", "db1", "--json",
                    "--pg-host", "127.0.0.1", "--pg-port", Integer.toString(pg.port()), "--pg-user", pg.mamoriUser(),
                    "--pg-password-stdin", "--no-default-places").requireOk();
            seen = List.copyOf(watch.commandLines());
        }
        JsonNode d = r.json();
        assertThat(whats(d)).contains("PostgreSQL database shop_disc").doesNotContain("PostgreSQL database postgres");
        JsonNode shop = findingOf(d, "PostgreSQL database shop_disc");
        assertThat(shop.get("command").asText()).isEqualTo("mamori source add shop_disc --server db1 --kind postgres"
                + " --database shop_disc --db-host 127.0.0.1 --db-port " + pg.port() + " --db-user " + pg.mamoriUser()
                + " --password-stdin");
        assertThat(d.get("tools").toString()).contains("pg_dump").contains("psql");
        assertThat(seen).noneMatch(line -> line.contains(pg.mamoriPassword()));
        assertThat(r.out()).doesNotContain(pg.mamoriPassword());
    }

    @Test
    void asksMariadbOverTcpWithAUserAndBothPasswordsFromStdinNeverOnACommandLine(PostgresServer pg, MariadbServer my)
            throws Exception {
        pg.createDatabase("wiki_disc");
        my.createDatabase("blog_disc");
        Cli.Result r;
        List<String> seen;
        try (ProcessWatch watch = new ProcessWatch()) {
            r = cli.runWithStdin(pg.mamoriPassword() + "\n" + my.mamoriPassword() + "\n", "server", "discover", "db1",
                    "--json", "--no-default-places",
                    "--pg-host", "127.0.0.1", "--pg-port", Integer.toString(pg.port()), "--pg-user", pg.mamoriUser(),
                    "--pg-password-stdin",
                    "--mysql-host", my.host(), "--mysql-port", Integer.toString(my.port()), "--mysql-user",
                    my.mamoriUser(), "--mysql-password-stdin").requireOk();
            seen = List.copyOf(watch.commandLines());
        }
        JsonNode d = r.json();
        assertThat(whats(d)).contains("PostgreSQL database wiki_disc", "MariaDB/MySQL database blog_disc")
                .doesNotContain("MariaDB/MySQL database mysql", "MariaDB/MySQL database information_schema");
        assertThat(findingOf(d, "MariaDB/MySQL database blog_disc").get("command").asText()).isEqualTo(
                "mamori source add blog_disc --server db1 --kind mysql --database blog_disc --db-host " + my.host()
                        + " --db-port " + my.port() + " --db-user " + my.mamoriUser() + " --password-stdin");
        assertThat(d.get("notes").toString()).doesNotContain("MariaDB/MySQL:").doesNotContain("PostgreSQL:");
        assertThat(seen).as("the discovery script ran while watched").anyMatch(l -> l.contains("mamori-discover"))
                .noneMatch(l -> l.contains(my.mamoriPassword()) || l.contains(pg.mamoriPassword()));
        assertThat(r.out() + r.err()).doesNotContain(my.mamoriPassword());
    }

    @Test
    void aWrongMariadbPasswordIsANoteSayingSo(MariadbServer my) {
        JsonNode d = cli.runWithStdin("not the password\n", "server", "discover", "db1", "--json",
                "--no-default-places", "--mysql-host", my.host(), "--mysql-port", Integer.toString(my.port()),
                "--mysql-user", my.mamoriUser(), "--mysql-password-stdin").requireOk().json();
        assertThat(d.get("notes").toString()).contains("MariaDB/MySQL: needs credentials").contains("Access denied");
        assertThat(whats(d)).noneMatch(w -> w.startsWith("MariaDB/MySQL database"));
    }

    @Test
    void reportsEachStepOnStderrAsItStartsAndEndsAndKeepsStdoutForTheResult() {
        Cli.Result r = cli.run("server", "discover", "db1", "--json", "--no-default-places").requireOk();
        List<String> lines = r.err().lines().toList();
        assertThat(lines.get(0)).isEqualTo("mamori: looking at server db1");
        assertThat(lines.get(1)).isEqualTo("  connecting ...");
        assertThat(lines.get(2)).matches("  connecting \\(\\d+\\.\\d s\\): connected to .*@127\\.0\\.0\\.1:\\d+");
        for (DiscoveryStep step : Probe.remoteSteps()) {
            int started = lines.indexOf("  " + step.label() + " ...");
            List<Integer> ended = indexesStartingWith(lines, "  " + step.label() + " (");
            assertThat(started).as(step + " started").isGreaterThan(2);
            assertThat(ended).as(step + " ended once, after it started").hasSize(1).allMatch(i -> i > started);
        }
        assertThat(lines).anyMatch(l -> l.matches("  backup tools \\(\\d+\\.\\d s\\): .*psql.*"));
        assertThat(r.json().get("server").asText()).isEqualTo("db1");
    }

    @Test
    void theListenerHearsEveryStepStartThenEndWithWhatItFound(MariadbServer my) throws Exception {
        my.createDatabase("shop_listen");
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        DiscoveryListener listener = new DiscoveryListener() {
            @Override
            public void stepStarted(DiscoveryStep step) {
                events.add("start " + step);
            }

            @Override
            public void stepFinished(DiscoveryStep step, app.mamori.model.Note found, java.time.Duration elapsed) {
                assertThat(elapsed).isPositive();
                events.add("end " + step + ": " + found.english());
            }
        };
        DiscoverOptions options = DiscoverOptions.defaults().withoutDefaultPlaces()
                .withMysql(new DiscoverOptions.DbLogin(Optional.of(my.host()), Optional.of(my.port()),
                        Optional.of(my.mamoriUser()), Optional.of(my.mamoriPassword())));
        Discovery d;
        try (RemoteShell shell = new JschConnector(sshd.newHomeWithPinnedKey().resolve("known_hosts"), null)
                .connect(sshd.server("db1"))) {
            d = ServerDiscovery.discover(shell, "db1", options, listener);
        }
        assertThat(d.findings()).extracting(Finding::what).contains("MariaDB/MySQL database shop_listen");
        List<String> remote = Probe.remoteSteps().stream().map(s -> "start " + s).toList();
        assertThat(events.subList(0, remote.size())).as("every step starts before any ends").isEqualTo(remote);
        assertThat(events.subList(remote.size(), events.size())).hasSize(remote.size())
                .allMatch(e -> e.startsWith("end "))
                .anyMatch(e -> e.matches("end MYSQL: \\d+ databases?: .+"))
                .anyMatch(e -> e.startsWith("end TOOLS: ") && e.contains("mariadb"));
    }

    private static List<Integer> indexesStartingWith(List<String> lines, String prefix) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void withoutAPasswordItSaysCredentialsAreNeeded(PostgresServer pg) {
        JsonNode d = cli.run("server", "discover", "db1", "--json", "--pg-host", "127.0.0.1", "--pg-port",
                Integer.toString(pg.port()), "--pg-user", pg.mamoriUser(), "--no-default-places")
                .requireOk().json();
        assertThat(d.get("notes").toString()).contains("PostgreSQL: needs credentials").contains("--pg-password-stdin");
        assertThat(whats(d)).noneMatch(w -> w.startsWith("PostgreSQL database"));
    }

    @Test
    void findsSqliteFilesByTheirHeaderWhateverTheirNameAndCommonFolders() throws Exception {
        Path app = Files.createDirectories(tmp.resolve("srv/app one/data"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.resolve("state.bin"))) {
            c.createStatement().execute("CREATE TABLE t(x)");
        }
        Files.writeString(app.resolve("notes.db"), "not a database, whatever the name says");
        Path odd = app.resolve("we'ird\nname.sqlite");
        Files.copy(app.resolve("state.bin"), odd);

        Cli.Result r = cli.run("server", "discover", "db1", "--sqlite-root", tmp.resolve("srv").toString()).requireOk();
        JsonNode d = cli.run("server", "discover", "db1", "--json", "--sqlite-root", tmp.resolve("srv").toString())
                .requireOk().json();

        assertThat(whats(d)).contains("SQLite file " + app.resolve("state.bin"), "SQLite file " + odd)
                .doesNotContain("SQLite file " + app.resolve("notes.db"))
                .contains("folder /etc");
        assertThat(findingOf(d, "SQLite file " + odd).get("command").asText())
                .contains("--path '" + app + "/we'\\''ird\nname.sqlite'");
        assertThat(r.out()).contains("mamori source add state.bin --server db1 --kind sqlite --path '"
                + app.resolve("state.bin") + "'");
    }

    @Test
    void offersTheFoldersGivenWithTheirSizeAndOnlyThemWithoutTheUsualPlaces() throws Exception {
        Path uploads = Files.createDirectories(tmp.resolve("data/uploads"));
        Files.write(uploads.resolve("big.bin"), new byte[3 * 1024 * 1024]);
        JsonNode d = cli.run("server", "discover", "db1", "--json", "--no-default-places", "--folder",
                uploads.toString(), "--folder", tmp.resolve("not-there").toString()).requireOk().json();
        List<String> folders = whats(d).stream().filter(w -> w.startsWith("folder ")).toList();
        assertThat(folders).containsExactly("folder " + uploads);
        assertThat(findingOf(d, "folder " + uploads).get("detail").asText()).isEqualTo("3.0 MiB");
        assertThat(whats(d)).noneMatch(w -> w.startsWith("SQLite file"));

        JsonNode usual = cli.run("server", "discover", "db1", "--json", "--folder", uploads.toString())
                .requireOk().json();
        assertThat(whats(usual)).contains("folder /etc", "folder " + uploads);
    }

    private static JsonNode findingOf(JsonNode d, String what) {
        for (JsonNode f : d.get("findings")) {
            if (f.get("what").asText().equals(what)) {
                return f;
            }
        }
        throw new AssertionError("no finding '" + what + "' in " + d);
    }
}
