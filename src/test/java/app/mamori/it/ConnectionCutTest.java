package app.mamori.it;

import app.mamori.catalog.Catalog;
import app.mamori.model.RunStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite's cut connection: the sshd process serving the backup's session is killed
 * (kill -9) while the dump streams, as when the server's sshd crashes or a firewall drops the
 * connection. The run fails saying so, keeps nothing, and the next run succeeds.
 */
class ConnectionCutTest {
    private static LyingServer server;

    @BeforeAll
    static void start() throws Exception {
        // the copy streams its first megabyte, says so, and pauses: the test cuts the connection
        // mid-stream at a moment it knows, not by luck
        server = LyingServer.start(Map.of("cat", """
                case "$(mode):$1" in pause:*/copy.db)
                  head -c 1048576 "$1"; echo $$ > "$LIARS/paused"; sleep 30; exec tail -c +1048577 "$1" ;;
                esac
                exec /bin/cat "$@"
                """));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aConnectionCutMidDumpFailsTheRunKeepsNothingAndTheNextRunSucceeds(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("big.db");
        Process make = new ProcessBuilder("sqlite3", db.toString(), "CREATE TABLE t(b); WITH RECURSIVE c(x) AS"
                + " (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < 3000) INSERT INTO t SELECT randomblob(1000) FROM c;")
                .inheritIO().start();
        assertThat(make.waitFor()).isZero();
        Path vault = tmp.resolve("vault");
        Cli cli = new Cli(tmp.resolve("home"));
        cli.addServer("s", server.sshd());
        cli.run("vault", "add", "v", "--path", vault.toString()).requireOk();
        cli.run("source", "add", "big", "--server", "s", "--kind", "sqlite", "--path", db.toString()).requireOk();
        cli.run("job", "add", "j", "--sources", "big", "--vault", "v").requireOk();
        cli.run("backup", "j").requireOk();
        Path paused = server.dir().resolve("paused");
        Files.deleteIfExists(paused);
        server.lie("pause");

        CompletableFuture<Cli.Result> cut = CompletableFuture.supplyAsync(() -> cli.run("backup", "j"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!Files.exists(paused) || Files.readString(paused).isBlank()) {
            assertThat(cut).as("the backup is still streaming").isNotDone();
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(10);
        }
        List<ProcessHandle> sessions = sshdChildren();
        assertThat(sessions).as("the sshd processes serving the session").isNotEmpty();
        sessions.forEach(ProcessHandle::destroyForcibly);
        Cli.Result r = cut.get(20, TimeUnit.SECONDS);

        assertThat(r.exit()).as(r.err()).isOne();
        assertThat(lastLine(r.err())).startsWith("mamori: ").contains("server 's'", "connection", "lost");
        try (Catalog catalog = Catalog.open(cli.home().resolve("catalog.db"))) {
            assertThat(catalog.runs().list("j", 10).get(0).status()).isEqualTo(RunStatus.FAILED);
        }
        assertThat(temps(vault)).as("the cut run's temp folder").isEmpty();
        assertThat(cli.run("points", "j", "--json").requireOk().json()).as("only the point before").hasSize(1);

        server.lie("");
        cli.run("backup", "j").requireOk();
        assertThat(cli.run("points", "j", "--json").requireOk().json()).hasSize(2);
        assertThat(cli.run("verify", "--job", "j").requireOk().out()).contains("verified");
        assertThat(temps(vault)).isEmpty();
    }

    /** The per-connection sshd processes under the listening one (privilege-separated: a monitor and its child). */
    private static List<ProcessHandle> sshdChildren() throws Exception {
        long main = Long.parseLong(Files.readString(server.sshd().dir().resolve("sshd.pid")).strip());
        return ProcessHandle.of(main).orElseThrow().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/sshd") || c.endsWith("sshd-session")).orElse(false))
                .toList();
    }

    private static List<Path> temps(Path vault) throws Exception {
        try (Stream<Path> s = Files.walk(vault)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList();
        }
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1];
    }
}
