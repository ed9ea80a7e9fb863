package app.mamori.it;

import app.mamori.catalog.Catalog;
import app.mamori.engine.BackupEngine;
import app.mamori.engine.LockHolder;
import app.mamori.engine.MamoriHome;
import app.mamori.engine.restore.PointChoice;
import app.mamori.engine.restore.RestoreEngine;
import app.mamori.engine.restore.RestoreListener;
import app.mamori.engine.restore.RestorePlanner;
import app.mamori.engine.restore.RestoreResult;
import app.mamori.engine.restore.RestoreTarget;
import app.mamori.secret.SecretStore;
import app.mamori.ssh.JschConnector;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import app.mamori.util.CancelToken;
import app.mamori.util.Version;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Restores and checks hold their job's lock: a restore or drill is refused while the job is busy
 * (a backup, a prune, in another process), and while a restore runs, another process cannot take
 * the job for a backup or prune.
 */
@ExtendWith(SshdExtension.class)
class JobLockedRestoreTest {
    private Cli cli;
    private Path dbFile;

    @BeforeEach
    void setUp(SshdServer sshd, @TempDir Path tmp) throws Exception {
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("tools", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        dbFile = tmp.resolve("tool.db");
        Process make = new ProcessBuilder("sqlite3", dbFile.toString(), "CREATE TABLE n(t); INSERT INTO n VALUES ('v1');")
                .start();
        assertThat(make.waitFor()).isZero();
        cli.run("source", "add", "tooldb", "--server", "tools", "--kind", "sqlite", "--path", dbFile.toString())
                .requireOk();
        cli.run("job", "add", "tool", "--sources", "tooldb", "--vault", "local").requireOk();
        cli.run("backup", "tool").requireOk();
    }

    @Test
    void anInPlaceRestoreIsRefusedWhileAnotherProcessHoldsTheJobAndTheTargetIsUntouched() throws Exception {
        byte[] live = Files.readAllBytes(dbFile);
        Process holder = LockHolder.start(cli.home().resolve("locks"), "tool");
        try {
            Cli.Result r = cli.run("restore", "--source", "tooldb", "--in-place", "--no-safety-backup", "--yes");

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains("job tool is already running (pid " + holder.pid())
                    .contains("Nothing was restored");
            assertThat(Files.readAllBytes(dbFile)).isEqualTo(live);
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aDrillIsRefusedWhileAnotherProcessHoldsTheJob() throws Exception {
        Process holder = LockHolder.start(cli.home().resolve("locks"), "tool");
        try {
            Cli.Result r = cli.run("verify", "--job", "tool", "--drill");

            assertThat(r.exit()).isNotZero();
            assertThat(r.err()).contains("job tool is already running (pid " + holder.pid());
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        try (Catalog catalog = Catalog.open(cli.home().resolve("catalog.db"))) {
            assertThat(catalog.verifications().latestOfJob("tool")).as("nothing was checked").isEmpty();
        }
    }

    @Test
    void whileARestoreRunsAnotherProcessCannotTakeTheJobForABackupOrPrune(@TempDir Path tmp) throws Exception {
        MamoriHome home = MamoriHome.resolve(cli.home(), Map.of());
        AtomicReference<String> otherProcess = new AtomicReference<>();
        RestoreListener tryTheJobMidRestore = new RestoreListener() {
            @Override
            public void step(String what) {
                if (otherProcess.get() == null) {
                    otherProcess.set(takeTheJobFromAnotherProcess(home.dir().resolve("locks")));
                }
            }
        };
        RestoreResult result;
        try (Catalog catalog = Catalog.open(home.catalogFile())) {
            JschConnector ssh = new JschConnector(home.knownHostsFile(), JschConnector.defaultSshConfig());
            SecretStore secrets = new SecretStore(home.secretsFile());
            RestoreEngine engine = new RestoreEngine(catalog, ssh, secrets,
                    new BackupEngine(catalog, ssh, secrets, Clock.systemUTC(), Version.get()), Clock.systemUTC());
            var plan = new RestorePlanner(catalog).plan(new RestorePlanner.Request("tooldb", new PointChoice.Latest(),
                    new RestoreTarget.ToPath(tmp.resolve("copy.db").toString()), false));

            result = engine.execute(plan, tryTheJobMidRestore, CancelToken.none());
        }

        assertThat(result.ok()).as(String.valueOf(result.error())).isTrue();
        assertThat(otherProcess.get()).contains("JobBusyException").contains("restore of tooldb from point tool/");
    }

    private static String takeTheJobFromAnotherProcess(Path locks) {
        try {
            Process other = LockHolder.command(locks, "tool").redirectErrorStream(true).start();
            other.getOutputStream().close();
            String out = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            other.waitFor(30, TimeUnit.SECONDS);
            return "exit " + other.exitValue() + ": " + out;
        } catch (Exception e) {
            return e.toString();
        }
    }
}
