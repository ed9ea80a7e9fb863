package app.mamori.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import app.mamori.model.RunStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentUseTest {
    static final int THREADS = 8;
    static final int ROUNDS = 100;

    @TempDir
    Path dir;

    @Test
    void threadsOfTheAppAndOfASecondProcessWriteAtOnceWithoutSqliteBusy() throws Exception {
        Path file = dir.resolve("catalog.db");
        // Two Catalog objects stand for the desktop app and the CLI: two connections to one file.
        try (Catalog app = Catalog.open(file); Catalog cli = Catalog.open(file)) {
            Fixtures.addBlogJob(app);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Catalog catalog = t % 2 == 0 ? app : cli;
                int thread = t;
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < ROUNDS; i++) {
                        long run = catalog.runs().start("blog", ProcessHandle.current().pid());
                        catalog.events().add(Event.at(Instant.now(), EventLevel.INFO, "tick", thread + "/" + i)
                                .withRun(run));
                        catalog.points().list("blog");
                        catalog.runs().finish(run, RunStatus.SUCCEEDED, null, null);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(app.events().list(EventFilter.all().kind("tick"), 10_000)).hasSize(THREADS * ROUNDS);
            assertThat(cli.runs().list("blog", 10_000)).hasSize(THREADS * ROUNDS)
                    .allMatch(run -> run.status() == RunStatus.SUCCEEDED);
        }
    }

    /**
     * 150 fresh files, each opened by two at once: the second to switch a new file to WAL used to
     * get SQLITE_BUSY at once (37 of 300 races before Catalog retried; CI met it once).
     */
    @Test
    void twoProcessesOpeningAFreshFileAtOnceBothGetTheSchemaOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 150; round++) {
                Path file = dir.resolve("fresh" + round + ".db");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Catalog>> opening = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    opening.add(pool.submit(() -> {
                        start.await();
                        return Catalog.open(file);
                    }));
                }
                start.countDown();
                try (Catalog first = opening.get(0).get(30, TimeUnit.SECONDS);
                     Catalog second = opening.get(1).get(30, TimeUnit.SECONDS)) {
                    assertThat(first.schemaVersion()).isEqualTo(Migrations.latestVersion());
                    assertThat(second.schemaVersion()).isEqualTo(Migrations.latestVersion());
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}
