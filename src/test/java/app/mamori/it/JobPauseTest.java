package app.mamori.it;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.EventFilter;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** job pause and job resume over a real sshd: what run-due, status, job list and backup do with a paused job. */
@ExtendWith(SshdExtension.class)
class JobPauseTest {
    private Cli cli;

    @BeforeEach
    void setUp(SshdServer sshd, @TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("tool.db");
        new ProcessBuilder("sqlite3", db.toString(), "CREATE TABLE t(x); INSERT INTO t VALUES (1);").start().waitFor();
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("tools", sshd);
        cli.run("vault", "add", "v", "--path", tmp.resolve("vault").toString()).requireOk();
        cli.run("source", "add", "tooldb", "--server", "tools", "--kind", "sqlite", "--path", db.toString()).requireOk();
        cli.run("job", "add", "tool", "--sources", "tooldb", "--vault", "v", "--schedule", "daily 02:30").requireOk();
        // as if the schedule had been set three days ago and nothing had run since: due, and overdue
        try (Catalog catalog = Catalog.open(cli.home().resolve("catalog.db"),
                Clock.fixed(Instant.now().minus(Duration.ofDays(3)), ZoneOffset.UTC))) {
            catalog.schedules().set("tool", "daily 02:30");
        }
    }

    @Test
    void runDueSkipsAPausedJobAndRunsItOnceAfterResume() {
        Cli.Result paused = cli.run("job", "pause", "tool", "--reason", "moving the disk").requireOk();
        assertThat(paused.out()).contains("job tool: Paused (since ").contains(", moving the disk)");

        Cli.Result skipped = cli.run("run-due");

        assertThat(skipped.exit()).as("a paused job is not a failure").isZero();
        assertThat(skipped.out()).contains("job tool is paused").contains("moving the disk")
                .doesNotContain("succeeded");
        assertThat(cli.run("points", "tool", "--json").requireOk().json()).isEmpty();

        assertThat(cli.run("job", "resume", "tool").requireOk().out()).contains("job tool resumed");
        Cli.Result due = cli.run("run-due").requireOk();

        assertThat(due.out()).contains("backup of job tool succeeded")
                .as("slots passed while paused are not missed ones").doesNotContain("missed");
        assertThat(cli.run("points", "tool", "--json").requireOk().json()).hasSize(1);
        assertThat(cli.run("run-due").requireOk().out()).contains("nothing is due");
        try (Catalog catalog = Catalog.open(cli.home().resolve("catalog.db"))) {
            assertThat(catalog.events().list(EventFilter.all().kind("run-missed"), 10)).isEmpty();
            assertThat(catalog.events().list(EventFilter.all().kind("job-paused"), 10)).singleElement()
                    .satisfies(e -> assertThat(e.message()).contains("job tool paused").contains("moving the disk"));
            assertThat(catalog.events().list(EventFilter.all().kind("job-resumed"), 10)).hasSize(1);
        }
    }

    @Test
    void aPausedJobIsNotOverdueAndSaysSinceWhenAndWhyInStatusAndJobList() {
        assertThat(cli.run("status", "--json").exit()).as("overdue before the pause").isEqualTo(1);
        cli.run("job", "pause", "tool", "--reason", "server retired").requireOk();

        Cli.Result status = cli.run("status", "--json").requireOk();
        JsonNode job = status.json().get(0);

        assertThat(job.get("overdue").asBoolean()).isFalse();
        assertThat(Instant.parse(job.get("paused").get("since").asText()))
                .isBetween(Instant.now().minusSeconds(120), Instant.now());
        assertThat(job.get("paused").get("reason").asText()).isEqualTo("server retired");
        assertThat(cli.run("status").requireOk().out()).contains("Paused (since ").contains(", server retired)");
        assertThat(cli.run("job", "list").requireOk().out()).startsWith("tool\ttooldb\tv\tdaily 02:30\t")
                .contains("\tPaused (since ").contains(", server retired)\n");

        cli.run("job", "resume", "tool").requireOk();

        JsonNode after = cli.run("status", "--json").json().get(0);
        assertThat(after.get("paused").isNull()).isTrue();
        assertThat(after.get("overdue").asBoolean()).isTrue();
        assertThat(cli.run("job", "list").requireOk().out()).doesNotContain("Paused");
    }

    @Test
    void aBackupStartedByHandStillRunsAPausedJobAndItStaysPaused() {
        cli.run("job", "pause", "tool").requireOk();

        cli.run("backup", "tool").requireOk();

        assertThat(cli.run("points", "tool", "--json").requireOk().json()).hasSize(1);
        JsonNode paused = cli.run("status", "--json").requireOk().json().get(0).get("paused");
        assertThat(paused.isObject()).isTrue();
        assertThat(paused.get("reason").isNull()).isTrue();
    }

    @Test
    void pausingAJobThatDoesNotExistOrWithoutAJobIsRefused() {
        Cli.Result missing = cli.run("job", "pause", "nope");
        Cli.Result noJob = cli.run("job", "pause");
        Cli.Result notPaused = cli.run("job", "resume", "tool").requireOk();

        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("job 'nope' does not exist");
        assertThat(noJob.exit()).as("a command-line mistake: the usage follows").isEqualTo(2);
        assertThat(noJob.err()).contains("JOB").contains("Usage: mamori job pause");
        assertThat(notPaused.out()).contains("job tool was not paused");
    }
}
