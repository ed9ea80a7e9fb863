package app.mamori.it;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.EventFilter;
import app.mamori.engine.LockHolder;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** run-due, catch-up, overdue in status, and the job lock seen from the CLI, over a real sshd. */
@ExtendWith(SshdExtension.class)
class RunDueTest {
    private Cli cli;
    private Path db;

    @BeforeEach
    void setUp(SshdServer sshd, @TempDir Path tmp) throws Exception {
        db = tmp.resolve("tool.db");
        new ProcessBuilder("sqlite3", db.toString(), "CREATE TABLE t(x); INSERT INTO t VALUES (1);").start().waitFor();
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("tools", sshd);
        cli.run("vault", "add", "v", "--path", tmp.resolve("vault").toString()).requireOk();
        cli.run("source", "add", "tooldb", "--server", "tools", "--kind", "sqlite", "--path", db.toString()).requireOk();
        cli.run("job", "add", "tool", "--sources", "tooldb", "--vault", "v", "--schedule", "daily 02:30").requireOk();
    }

    @Test
    void aJobJustScheduledIsNeitherDueNorOverdue() {
        JsonNode status = cli.run("status", "--json").requireOk().json().get(0);

        assertThat(status.get("schedule").asText()).isEqualTo("daily 02:30");
        assertThat(status.get("description").asText()).isEqualTo("every day at 02:30");
        assertThat(status.get("overdue").asBoolean()).isFalse();
        assertThat(status.get("lastSuccess").isNull()).isTrue();
        assertThat(Instant.parse(status.get("nextDue").asText())).isAfter(Instant.now());
        assertThat(cli.run("run-due").requireOk().out()).contains("nothing is due");
        assertThat(cli.run("points", "tool", "--json").requireOk().json()).isEmpty();
    }

    @Test
    void aWrongScheduleOrCountIsRefusedAndChangesNothing() {
        Cli.Result badTime = cli.run("job", "set", "tool", "--schedule", "daily 25:00", "--keep-last", "3");
        Cli.Result badCount = cli.run("job", "set", "tool", "--schedule", "hourly", "--keep-daily", "-1");
        Cli.Result ok = cli.run("job", "set", "tool", "--schedule", "0 22 * * 1-5", "--keep-daily", "7").requireOk();

        assertThat(badTime.exit()).as("a typo on the command line: exit 2, the usage follows").isEqualTo(2);
        assertThat(badTime.err()).contains("hour 25");
        assertThat(badCount.exit()).isEqualTo(2);
        assertThat(badCount.err()).contains("--keep-daily: -1 is negative");
        assertThat(ok.out()).contains("job tool runs Monday to Friday at 22:00 (0 22 * * 1-5); next ")
                .contains("job tool retention: --keep-daily 7");
        assertThat(cli.run("job", "list").requireOk().out())
                .isEqualTo("tool\ttooldb\tv\t0 22 * * 1-5\t--keep-daily 7\n");
    }

    @Test
    void nightsMissedWhileOffAreCaughtUpByOneRunAndOverdueClearsAfterIt() {
        scheduledSince(Instant.now().minus(Duration.ofDays(3)));
        Cli.Result overdue = cli.run("status", "--json");
        assertThat(overdue.exit()).isEqualTo(1);
        assertThat(overdue.err()).contains("1 job(s) overdue: tool");
        assertThat(overdue.json().get(0).get("overdue").asBoolean()).isTrue();

        Cli.Result due = cli.run("run-due").requireOk();

        assertThat(due.out()).contains("backup of job tool succeeded").containsPattern("caught up [23] missed run");
        assertThat(cli.run("points", "tool", "--json").requireOk().json()).hasSize(1);
        JsonNode status = cli.run("status", "--json").requireOk().json().get(0);
        assertThat(status.get("overdue").asBoolean()).isFalse();
        assertThat(status.get("missed").asInt()).isBetween(2, 3);
        assertThat(status.get("ageSeconds").asLong()).isLessThan(120);
        assertThat(cli.run("run-due").requireOk().out()).contains("nothing is due");
        assertThat(cli.run("points", "tool", "--json").requireOk().json()).hasSize(1);
        try (Catalog catalog = Catalog.open(cli.home().resolve("catalog.db"))) {
            assertThat(catalog.events().list(EventFilter.all().kind("run-missed"), 10)).hasSize(1);
        }
    }

    @Test
    void aFailedDueRunExitsNonZeroAndIsRetriedLaterNotAtOnce() throws Exception {
        scheduledSince(Instant.now().minus(Duration.ofDays(2)));
        Files.delete(db);

        Cli.Result failed = cli.run("run-due");
        Cli.Result again = cli.run("run-due");

        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.err()).contains("mamori: ").contains("tried again from");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("nothing is due");
    }

    @Test
    void aJobHeldByAnotherProcessIsNotStartedAgain() throws Exception {
        scheduledSince(Instant.now().minus(Duration.ofDays(2)));
        Process holder = LockHolder.start(cli.home().resolve("locks"), "tool");
        try {
            Cli.Result backup = cli.run("backup", "tool");
            Cli.Result due = cli.run("run-due");
            Cli.Result prune = cli.run("prune", "tool");

            assertThat(backup.exit()).isEqualTo(1);
            assertThat(backup.err()).contains("job tool is already running (pid " + holder.pid());
            assertThat(due.exit()).as("running elsewhere is not a failure").isZero();
            assertThat(due.out()).contains("already running");
            assertThat(prune.exit()).isEqualTo(1);
            assertThat(prune.err()).contains("job tool is already running");
            assertThat(cli.run("points", "tool", "--json").requireOk().json()).isEmpty();
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(cli.run("run-due").requireOk().out()).contains("backup of job tool succeeded");
    }

    /** As if the schedule had been set at {@code when} and the workstation had been off since. */
    @Test
    void jobsOfDifferentServersRunSideBySideAndNoServerCarriesTwoAtOnce(SshdServer sshd, @TempDir Path tmp)
            throws Exception {
        // a second server: the same sshd under another name, as Mamori tells servers apart
        cli.addServer("files", sshd);
        java.util.Map<String, String> serverOf = new java.util.LinkedHashMap<>(java.util.Map.of("tool", "tools"));
        for (String job : java.util.List.of("tool2", "tool3", "files1", "files2", "files3")) {
            String server = job.startsWith("tool") ? "tools" : "files";
            Path copy = tmp.resolve(job + ".db");
            Files.copy(db, copy);
            cli.run("source", "add", job + "db", "--server", server, "--kind", "sqlite", "--path", copy.toString())
                    .requireOk();
            cli.run("job", "add", job, "--sources", job + "db", "--vault", "v").requireOk();
            serverOf.put(job, server);
        }
        scheduledSince(Instant.now().minus(Duration.ofDays(2)), serverOf.keySet().toArray(String[]::new));

        Cli.Result due = cli.run("run-due", "--parallel", "4").requireOk();

        assertThat(due.out().lines().filter(l -> l.contains("succeeded"))).hasSize(6);
        java.util.List<app.mamori.catalog.Run> runs = new java.util.ArrayList<>();
        try (Catalog catalog = Catalog.open(cli.home().resolve("catalog.db"))) {
            serverOf.keySet().forEach(job -> runs.addAll(catalog.runs().list(job, 10)));
        }
        assertThat(runs).hasSize(6);
        boolean sideBySide = false;
        for (var a : runs) {
            for (var b : runs) {
                boolean overlap = a != b && a.started().isBefore(b.ended().orElseThrow())
                        && b.started().isBefore(a.ended().orElseThrow());
                if (overlap && serverOf.get(a.job()).equals(serverOf.get(b.job()))) {
                    throw new AssertionError("two runs on server " + serverOf.get(a.job()) + " at once: " + a + ", " + b);
                }
                sideBySide |= overlap;
            }
        }
        assertThat(sideBySide).as("the two servers' jobs ran at the same time").isTrue();
        assertThat(cli.run("run-due", "--parallel", "0").exit()).isEqualTo(2);
    }

    private void scheduledSince(Instant when, String... jobs) {
        try (Catalog catalog = Catalog.open(cli.home().resolve("catalog.db"), Clock.fixed(when, ZoneOffset.UTC))) {
            for (String job : jobs.length == 0 ? new String[]{"tool"} : jobs) {
                catalog.schedules().set(job, "daily 02:30");
            }
        }
    }
}
