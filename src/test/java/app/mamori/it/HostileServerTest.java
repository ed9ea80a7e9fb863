package app.mamori.it;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.Run;
import app.mamori.model.RunStatus;
import app.mamori.vault.TempPointOwner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite's hostile server: the tools on its PATH lie (a folder of scripts first on the
 * session's PATH, through sshd's SetEnv). Each lie is switched on by a word in the folder's
 * {@code mode} file; with no word every script runs the real tool. The admin must see one
 * {@code mamori:} line saying what failed, and nothing may be lost: no point recorded for the
 * failed run, no temp folder left, the point before still listed and verifying, the live
 * database untouched.
 */
class HostileServerTest {
    private static LyingServer server;

    private Path tmp;
    private Path db;
    private Path vault;
    private Cli cli;

    @BeforeAll
    static void startLyingServer() throws Exception {
        server = LyingServer.start(Map.of(
                // `cat` streams the SQLite copy to the workstation (SqliteDriver): cut it in half, or
                // send its head and then never end
                "cat", """
                        case "$1" in */copy.db)
                          case "$(mode)" in
                            truncated) exec head -c $(( $(stat -c %s "$1") / 2 )) "$1" ;;
                            endless) head -c 4096 "$1"; echo $$ > "$LIARS/endless.pid"; exec sleep 300 ;;
                          esac ;;
                        esac
                        exec /bin/cat "$@"
                        """,
                // megabytes of noise on stderr, the telling line last, as a tool in trouble writes them
                "sqlite3", """
                        case "$(mode):$*" in noisy:*.backup*)
                          yes 'sqlite3: note: page cache spill, retrying the read of page 4096' | head -c 6000000 >&2
                          echo 'Error: disk I/O error reading page 7 of /srv/tool.db' >&2
                          exit 1 ;;
                        esac
                        exec /usr/bin/sqlite3 "$@"
                        """));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void setUp(@TempDir Path tmp) throws Exception {
        this.tmp = tmp;
        lie("");
        db = tmp.resolve("tool.db");
        run("sqlite3", db.toString(), "CREATE TABLE t(b); WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1"
                + " FROM c WHERE x < 500) INSERT INTO t SELECT randomblob(1000) FROM c;");
        vault = tmp.resolve("vault");
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("liar", server.sshd());
        cli.run("vault", "add", "v", "--path", vault.toString()).requireOk();
        cli.run("source", "add", "tooldb", "--server", "liar", "--kind", "sqlite", "--path", db.toString())
                .requireOk();
        cli.run("job", "add", "tool", "--sources", "tooldb", "--vault", "v").requireOk();
        cli.run("backup", "tool").requireOk();
    }

    @Test
    void aCopyCutInHalfThatExitsZeroIsRefusedNotKeptAsAGoodPoint() throws Exception {
        String before = sha256(db);
        lie("truncated");

        Cli.Result r = cli.run("backup", "tool");

        assertThat(r.exit()).as(r.err()).isOne();
        assertThat(lastLine(r.err())).startsWith("mamori: ").contains("tooldb", "server liar", "cut short");
        assertNothingLost(before);
    }

    @Test
    void aCopyCutInHalfIntoAVaultOnTheServerIsRefusedToo() throws Exception {
        Path disk = tmp.resolve("server disk");
        cli.run("vault", "add", "hdd", "--server", "liar", "--path", disk.toString()).requireOk();
        cli.run("job", "add", "ondisk", "--sources", "tooldb", "--vault", "hdd").requireOk();
        cli.run("backup", "ondisk").requireOk();
        lie("truncated");

        Cli.Result r = cli.run("backup", "ondisk");

        lie("");
        assertThat(r.exit()).as(r.err()).isOne();
        assertThat(lastLine(r.err())).startsWith("mamori: ").contains("tooldb", "server liar", "cut short");
        assertThat(cli.run("points", "ondisk", "--json").requireOk().json()).as("only the point before").hasSize(1);
        assertThat(cli.run("verify", "--job", "ondisk").requireOk().out()).contains("verified");
        try (Stream<Path> s = Files.walk(disk)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith(".tmp-"))).isEmpty();
        }
    }

    @Test
    void megabytesOfStderrKeepMemoryBoundedAndTheMessageShowsTheTellingLine() throws Exception {
        String before = sha256(db);
        lie("noisy");

        Cli.Result r = cli.run("backup", "tool");

        assertThat(r.exit()).isOne();
        assertThat(lastLine(r.err())).startsWith("mamori: ")
                .contains("server liar", "Error: disk I/O error reading page 7 of /srv/tool.db");
        try (Catalog catalog = Catalog.open(cli.home().resolve("catalog.db"))) {
            Run failed = catalog.runs().list("tool", 10).get(0);
            assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
            assertThat(failed.errorDetails().orElse("")).as("what the catalogue keeps of 6 MB of stderr")
                    .hasSizeLessThan(200_000).contains("Error: disk I/O error reading page 7");
        }
        assertNothingLost(before);
    }

    /**
     * A stream that never ends: the admin stops the backup (Ctrl-C, or the process is told to
     * stop). The run must end at once as cancelled, kill what it started on the server, and keep
     * nothing.
     */
    @Test
    void aStreamThatNeverEndsIsCancelledByTheAdminAndLeavesNothingRunning() throws Exception {
        String before = sha256(db);
        lie("endless");
        Path pidFile = server.dir().resolve("endless.pid");
        Files.deleteIfExists(pidFile);

        Process backup = cli.start(tmp.resolve("backup.out"), "backup", "tool");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()) {
            assertThat(backup.isAlive()).as(Files.readString(tmp.resolve("backup.out"))).isTrue();
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(20);
        }
        long remote = Long.parseLong(Files.readString(pidFile).strip());
        Thread.sleep(300); // the head of the copy is in the vault's temp file

        backup.destroy(); // SIGTERM, as Ctrl-C or a stopping OS sends

        assertThat(backup.waitFor(15, TimeUnit.SECONDS)).as("the backup ends when told to").isTrue();
        assertThat(Files.readString(tmp.resolve("backup.out"))).contains("mamori: ").contains("cancelled");
        Instant reaped = Instant.now().plus(Duration.ofSeconds(5)); // killed, then reaped by its sshd
        while (ProcessHandle.of(remote).filter(ProcessHandle::isAlive).isPresent() && Instant.now().isBefore(reaped)) {
            Thread.sleep(20);
        }
        assertThat(ProcessHandle.of(remote).filter(ProcessHandle::isAlive))
                .as("the endless tool on the server was killed").isEmpty();
        try (Catalog catalog = Catalog.open(cli.home().resolve("catalog.db"))) {
            assertThat(catalog.runs().list("tool", 10).get(0).status()).isEqualTo(RunStatus.CANCELLED);
        }
        assertThat(tempFolders()).as("the cancelled run removed its own temp folder").isEmpty();
        assertNothingLost(before);
    }

    /**
     * A stream that never ends while nobody watches (the OS timer's run at night): the job's stall
     * limit stops it, kills what it started, says why and what to change, and keeps nothing.
     */
    @Test
    void aStreamThatNeverEndsIsStoppedAfterTheJobsStallLimitAndSaysWhy() throws Exception {
        String before = sha256(db);
        assertThat(cli.run("job", "set", "tool", "--stall-timeout", "45m").requireOk().out())
                .contains("sends nothing for 45m");
        assertThat(cli.run("job", "list").requireOk().out()).contains("stall-timeout 45m");
        try (Catalog catalog = Catalog.open(cli.home().resolve("catalog.db"))) {
            catalog.stalls().set("tool", java.util.Optional.of(Duration.ofSeconds(2))); // the CLI's unit is minutes
        }
        lie("endless");
        Path pidFile = server.dir().resolve("endless.pid");
        Files.deleteIfExists(pidFile);
        long t0 = System.nanoTime();

        Cli.Result r = cli.run("backup", "tool");

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("stopped after its silence, not the tool's 300 s")
                .isLessThan(Duration.ofSeconds(60));
        assertThat(r.exit()).as(r.err()).isOne();
        assertThat(lastLine(r.err())).startsWith("mamori: ").contains("tooldb", "sent nothing for 2 s",
                "--stall-timeout");
        long remote = Long.parseLong(Files.readString(pidFile).strip());
        Instant reaped = Instant.now().plus(Duration.ofSeconds(5));
        while (ProcessHandle.of(remote).filter(ProcessHandle::isAlive).isPresent() && Instant.now().isBefore(reaped)) {
            Thread.sleep(20);
        }
        assertThat(ProcessHandle.of(remote).filter(ProcessHandle::isAlive))
                .as("the endless tool on the server was killed").isEmpty();
        try (Catalog catalog = Catalog.open(cli.home().resolve("catalog.db"))) {
            var failed = catalog.events().list(app.mamori.catalog.EventFilter.all().kind("run-failed"), 1).get(0);
            assertThat(failed.phrase()).as("the reason, for the app to say in its own language").hasValueSatisfying(
                    p -> assertThat(p.key() + " " + p.args()).isEqualTo("runFailedBecause [tool, tooldb, stalled, 2 s,"
                            + " 4096]"));
        }
        assertNothingLost(before);
    }

    private void assertNothingLost(String liveSha) throws Exception {
        lie("");
        assertThat(cli.run("points", "tool", "--json").requireOk().json()).as("only the point before").hasSize(1);
        assertThat(cli.run("verify", "--job", "tool").requireOk().out()).contains("verified");
        assertThat(tempFolders()).isEmpty();
        assertThat(sha256(db)).as("the live database").isEqualTo(liveSha);
    }

    private List<Path> tempFolders() throws Exception {
        try (Stream<Path> s = Files.walk(vault)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".tmp-")
                    || p.getFileName().toString().equals(TempPointOwner.FILE_NAME)).toList();
        }
    }

    private static void lie(String mode) throws Exception {
        server.lie(mode);
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
    }
}
