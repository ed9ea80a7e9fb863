package app.mamori.catalog;

import app.mamori.testenv.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.mamori.model.RunStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
    /** Now, not a fixed date: a live process born after its run started is a reused pid, not the run's. */
    static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @TempDir
    Path dir;
    TestClock clock = new TestClock(T0);
    Catalog catalog;
    long alivePid = ProcessHandle.current().pid();

    @BeforeEach
    void open() {
        catalog = Catalog.open(dir.resolve("catalog.db"), clock);
        Fixtures.addBlogJob(catalog);
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    @Test
    void aRunIsRunningFromStartUntilItIsFinished() {
        long id = catalog.runs().start("blog", alivePid);
        Run started = catalog.runs().find(id).orElseThrow();
        assertThat(started.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(started.started()).isEqualTo(T0);
        assertThat(started.ended()).isEmpty();
        assertThat(catalog.runs().running()).extracting(Run::id).containsExactly(id);

        clock.advance(Duration.ofMinutes(3));
        catalog.runs().finish(id, RunStatus.FAILED, "pg_dump failed on server 'web'", "FATAL: role does not exist");

        Run ended = catalog.runs().find(id).orElseThrow();
        assertThat(ended.status()).isEqualTo(RunStatus.FAILED);
        assertThat(ended.ended()).contains(T0.plus(Duration.ofMinutes(3)));
        assertThat(ended.error()).contains("pg_dump failed on server 'web'");
        assertThat(ended.errorDetails()).contains("FATAL: role does not exist");
        assertThat(catalog.runs().running()).isEmpty();
    }

    @Test
    void aRunEndsOnlyOnce() {
        long id = catalog.runs().start("blog", alivePid);
        catalog.runs().finish(id, RunStatus.SUCCEEDED, null, null);

        assertThatThrownBy(() -> catalog.runs().finish(id, RunStatus.CANCELLED, null, null))
                .hasMessage("run " + id + " of job 'blog' already ended as succeeded");
        assertThat(catalog.runs().find(id).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void aRunOfAnUnknownJobCannotStart() {
        assertThatThrownBy(() -> catalog.runs().start("nope", alivePid))
                .hasMessage("cannot start a run of job 'nope', which does not exist");
    }

    @Test
    void runsListNewestFirst() {
        long first = catalog.runs().start("blog", alivePid);
        clock.advance(Duration.ofHours(1));
        long second = catalog.runs().start("blog", alivePid);

        assertThat(catalog.runs().list("blog", 10)).extracting(Run::id).containsExactly(second, first);
        assertThat(catalog.runs().list(null, 1)).extracting(Run::id).containsExactly(second);
    }

    @Test
    void markInterruptedRunsMarksOnlyRunsWhoseProcessIsGone() throws Exception {
        long deadPid = finishedProcessPid();
        long orphan = catalog.runs().start("blog", deadPid);
        long live = catalog.runs().start("blog", alivePid);
        long done = catalog.runs().start("blog", deadPid);
        catalog.runs().finish(done, RunStatus.SUCCEEDED, null, null);
        clock.advance(Duration.ofMinutes(1));

        var interrupted = catalog.runs().markInterruptedRuns();

        assertThat(interrupted).extracting(Run::id).containsExactly(orphan);
        Run marked = catalog.runs().find(orphan).orElseThrow();
        assertThat(marked.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(marked.ended()).contains(T0.plus(Duration.ofMinutes(1)));
        assertThat(marked.error()).hasValueSatisfying(e -> assertThat(e).contains("run the job again"));
        assertThat(catalog.runs().find(live).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(catalog.runs().find(done).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(catalog.runs().markInterruptedRuns()).isEmpty();
    }

    @Test
    void aLiveProcessBornAfterTheRunStartedIsAReusedPidAndTheRunIsInterrupted() throws Exception {
        Process newcomer = new ProcessBuilder("sleep", "30").start();
        try {
            TestClock earlier = new TestClock(Instant.now().minus(Duration.ofHours(1)));
            try (Catalog pastCatalog = Catalog.open(dir.resolve("catalog.db"), earlier)) {
                long run = pastCatalog.runs().start("blog", newcomer.pid());

                assertThat(pastCatalog.runs().markInterruptedRuns()).extracting(Run::id).containsExactly(run);
            }
        } finally {
            newcomer.destroy();
        }
    }

    private static long finishedProcessPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        process.onExit().get();
        return process.pid();
    }
}
