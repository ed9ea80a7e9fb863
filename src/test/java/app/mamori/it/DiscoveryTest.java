package app.mamori.it;

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

import static org.assertj.core.api.Assertions.assertThat;

/** `mamori server discover` against the real sshd and the harness's PostgreSQL. */
@ExtendWith({SshdExtension.class, PostgresExtension.class})
class DiscoveryTest {
    private Cli cli;
    private Path tmp;

    @BeforeEach
    void setUp(SshdServer sshd, @TempDir Path tmp) {
        this.tmp = tmp;
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
                    "--pg-password-stdin", "--sqlite-root", tmp.toString()).requireOk();
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
    void withoutAPasswordItSaysCredentialsAreNeeded(PostgresServer pg) {
        JsonNode d = cli.run("server", "discover", "db1", "--json", "--pg-host", "127.0.0.1", "--pg-port",
                Integer.toString(pg.port()), "--pg-user", pg.mamoriUser(), "--sqlite-root", tmp.toString())
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

    private static JsonNode findingOf(JsonNode d, String what) {
        for (JsonNode f : d.get("findings")) {
            if (f.get("what").asText().equals(what)) {
                return f;
            }
        }
        throw new AssertionError("no finding '" + what + "' in " + d);
    }
}
