package app.mamori.it;

import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite's vault: a vault that fills up mid-dump, and one that turns read-only, on a
 * real small file system (a 3 MB tmpfs mounted for the test; the tests run as root, for whom
 * file modes forbid nothing). The backup fails saying what happened and what to do, leaves no
 * temp folder, and the point made before stays listed and verifies.
 */
@ExtendWith(SshdExtension.class)
class VaultFaultTest {
    private Path tmp;
    private Path vault;
    private Path db;
    private Cli cli;

    @BeforeEach
    void setUp(SshdServer sshd, @TempDir Path tmp) throws Exception {
        this.tmp = tmp;
        vault = tmp.resolve("small disk");
        Files.createDirectories(vault);
        assertThat(run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", vault.toString()))
                .as("a vault fault needs a small file system: mount -t tmpfs, as root").isEmpty();
        db = tmp.resolve("tool.db");
        sqlite("CREATE TABLE t(b); INSERT INTO t SELECT randomblob(1000) FROM (WITH RECURSIVE n(x) AS"
                + " (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200) SELECT x FROM n);");
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("tools", sshd);
        cli.run("vault", "add", "small", "--path", vault.toString()).requireOk();
        cli.run("source", "add", "tooldb", "--server", "tools", "--kind", "sqlite", "--path", db.toString())
                .requireOk();
        cli.run("job", "add", "tool", "--sources", "tooldb", "--vault", "small").requireOk();
        cli.run("backup", "tool").requireOk();
    }

    @AfterEach
    void tearDown() throws Exception {
        run("umount", "-l", vault.toString());
    }

    @Test
    void aVaultThatFillsUpMidDumpFailsTheBackupAndKeepsThePointBefore() throws Exception {
        // random data does not compress: 8 MB of it cannot fit in what is left of 3 MB
        sqlite("INSERT INTO t SELECT randomblob(1000) FROM (WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL"
                + " SELECT x + 1 FROM n WHERE x < 8000) SELECT x FROM n);");

        Cli.Result r = cli.run("backup", "tool");

        assertThat(r.exit()).isOne();
        assertThat(r.err()).containsIgnoringCase("no space left").contains(vault.toString());
        assertThePointBeforeIsWholeAndNothingElseIsLeft();

        // what the message says to do works: the job moves to a bigger vault, its first point stays listed
        assertThat(r.err()).contains("mamori job set tool --vault NAME");
        cli.run("vault", "add", "big", "--path", tmp.resolve("big").toString()).requireOk();
        assertThat(cli.run("job", "set", "tool", "--vault", "nowhere").exit()).isNotZero();
        cli.run("job", "set", "tool", "--vault", "big").requireOk();
        cli.run("backup", "tool").requireOk();
        assertThat(cli.run("points", "tool", "--json").requireOk().json()).extracting(p -> p.get("vault").asText())
                .containsExactly("big", "small");
    }

    @Test
    void aVaultThatTurnedReadOnlyFailsTheBackupAndKeepsThePointBefore() throws Exception {
        assertThat(run("mount", "-o", "remount,ro", vault.toString())).isEmpty();

        Cli.Result r = cli.run("backup", "tool");

        assertThat(r.exit()).isOne();
        assertThat(r.err()).containsIgnoringCase("read-only").contains(vault.toString());
        assertThePointBeforeIsWholeAndNothingElseIsLeft();
    }

    private void assertThePointBeforeIsWholeAndNothingElseIsLeft() throws Exception {
        assertThat(cli.run("points", "tool", "--json").requireOk().json()).hasSize(1);
        assertThat(cli.run("verify", "--job", "tool").requireOk().out()).contains("verified");
        try (Stream<Path> s = Files.walk(vault)) {
            List<String> temps = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".tmp-")).toList();
            assertThat(temps).as("no temp folder of the failed run is left").isEmpty();
        }
    }

    private void sqlite(String sql) throws Exception {
        assertThat(run("sqlite3", db.toString(), sql)).isEmpty();
    }

    /** Runs a command; what it printed when it failed, else "". */
    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        return p.waitFor() == 0 ? "" : "exit " + p.exitValue() + ": " + out;
    }
}
