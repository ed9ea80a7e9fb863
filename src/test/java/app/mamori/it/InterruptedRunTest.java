package app.mamori.it;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.Run;
import app.mamori.model.RunStatus;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import app.mamori.vault.TempPointOwner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A backup killed with kill -9 leaves nothing that looks restorable, and the next start says what happened. */
@ExtendWith(SshdExtension.class)
class InterruptedRunTest {

    @Test
    void aRunKilledMidDumpIsRecordedAsInterruptedAndItsTempFolderRemoved(SshdServer sshd, @TempDir Path tmp)
            throws Exception {
        Path db = tmp.resolve("big.db");
        Process make = new ProcessBuilder("sqlite3", db.toString(),
                "CREATE TABLE t(b); WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < 300000)"
                        + " INSERT INTO t SELECT randomblob(1000) FROM c;").inheritIO().start();
        assertThat(make.waitFor()).isZero();
        Path vault = tmp.resolve("vault");
        Cli cli = new Cli(tmp.resolve("home"));
        cli.addServer("s", sshd);
        cli.run("vault", "add", "v", "--path", vault.toString()).requireOk();
        cli.run("source", "add", "big", "--server", "s", "--kind", "sqlite", "--path", db.toString()).requireOk();
        cli.run("job", "add", "j", "--sources", "big", "--vault", "v").requireOk();

        Process backup = cli.start(tmp.resolve("backup.out"), "backup", "j");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        // the marker (renamed into place) follows the folder by microseconds; a kill between the two leaves
        // a folder the sweep rightly cannot claim (docs/vault.md), which is not what this test is about
        while (tempFolders(vault).stream().noneMatch(t -> Files.exists(t.resolve(TempPointOwner.FILE_NAME)))) {
            assertThat(backup.isAlive()).as("backup still running: " + Files.readString(tmp.resolve("backup.out"))).isTrue();
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(5);
        }
        backup.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        assertThat(backup.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(tempFolders(vault)).as("the dead run's folder is still there before the next start").isNotEmpty();

        Cli.Result points = cli.run("points", "--json").requireOk();

        assertThat(points.json()).isEmpty();
        assertThat(tempFolders(vault)).isEmpty();
        try (Catalog catalog = Catalog.open(cli.home().resolve("catalog.db"))) {
            List<Run> runs = catalog.runs().list("j", 10);
            assertThat(runs).singleElement().extracting(Run::status).isEqualTo(RunStatus.INTERRUPTED);
        }
    }

    private static List<Path> tempFolders(Path vault) throws Exception {
        if (!Files.exists(vault)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(vault)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList();
        }
    }
}
