package app.mamori.it;

import app.mamori.testenv.MariadbExtension;
import app.mamori.testenv.MariadbServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite's hostile server, MariaDB: its mariadb-dump stops after a few kilobytes and
 * exits 0. The dump starts like SQL, so only its end can tell: it must end with the tool's
 * "-- Dump completed" line, or the run fails and keeps nothing.
 */
@ExtendWith(MariadbExtension.class)
class LyingDumpToolTest {
    private static LyingServer server;

    @BeforeAll
    static void start() throws Exception {
        server = LyingServer.start(Map.of("mariadb-dump", """
                case "$(mode):$*" in truncated:*--single-transaction*)
                  /usr/bin/mariadb-dump "$@" | head -c 3000; exit 0 ;;
                esac
                exec /usr/bin/mariadb-dump "$@"
                """));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSqlDumpCutShortThatExitsZeroIsRefusedNotKeptAsAGoodPoint(MariadbServer db, @TempDir Path tmp)
            throws Exception {
        db.createDatabase("shop");
        db.execSql("shop", "CREATE TABLE orders (id INT PRIMARY KEY, note VARCHAR(200));"
                + " INSERT INTO orders SELECT seq, REPEAT('x', 150) FROM seq_1_to_500;");
        Path vault = tmp.resolve("vault");
        Cli cli = new Cli(tmp.resolve("home"));
        cli.addServer("liar", server.sshd());
        cli.run("vault", "add", "v", "--path", vault.toString()).requireOk();
        cli.runWithStdin(db.mamoriPassword() + "\n", "source", "add", "shopdb", "--server", "liar", "--kind", "mysql",
                "--database", "shop", "--db-host", db.host(), "--db-port", Integer.toString(db.port()),
                "--db-user", db.mamoriUser(), "--password-stdin").requireOk();
        cli.run("job", "add", "shop", "--sources", "shopdb", "--vault", "v").requireOk();
        cli.run("backup", "shop").requireOk();
        server.lie("truncated");

        Cli.Result r = cli.run("backup", "shop");

        server.lie("");
        assertThat(r.exit()).as(r.err()).isOne();
        String line = r.err().lines().filter(l -> l.startsWith("mamori: ")).findFirst().orElse(r.err());
        assertThat(line).contains("shopdb", "server liar", "cut short", "-- Dump completed");
        assertThat(cli.run("points", "shop", "--json").requireOk().json()).as("only the point before").hasSize(1);
        assertThat(cli.run("verify", "--job", "shop").requireOk().out()).contains("verified");
        try (Stream<Path> s = Files.walk(vault)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith(".tmp-"))).isEmpty();
        }
        assertThat(db.query("shop", "SELECT count(*) FROM orders")).as("the live database").isEqualTo("500");
    }
}
