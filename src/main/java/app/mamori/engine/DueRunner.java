package app.mamori.engine;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.Event;
import app.mamori.catalog.EventLevel;
import app.mamori.catalog.JobPause;
import app.mamori.catalog.JobSchedule;
import app.mamori.schedule.Due;
import app.mamori.schedule.Schedule;
import app.mamori.util.CancelToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs every scheduled job that is due, once: what {@code mamori run-due} and an in-app
 * scheduler call. Jobs of different servers run side by side, at most {@code parallel} at a time
 * (default {@value #DEFAULT_PARALLEL}), one job per server at a time, so an office of many
 * servers finishes its night in the time of the slowest few rather than their sum, and no server
 * carries two dumps at once. Slots missed while the workstation was off are counted, logged and
 * caught up by that one run. A failed run keeps its slots pending and is tried again after
 * {@link #RETRY}, so a catch-up happens as soon as the server answers. A job the admin paused
 * is not started; its outcome says so.
 */
public final class DueRunner {
    public static final Duration RETRY = Duration.ofMinutes(15);
    public static final int DEFAULT_PARALLEL = 4;

    private final Catalog catalog;
    private final BackupEngine engine;
    private final Clock clock;
    private final ZoneId zone;

    public DueRunner(Catalog catalog, BackupEngine engine, Clock clock, ZoneId zone) {
        this.catalog = catalog;
        this.engine = engine;
        this.clock = clock;
        this.zone = zone;
    }

    /** {@link #runDue(Supplier, CancelToken, int)} with every run reported to one listener, one job at a time. */
    public List<DueOutcome> runDue(BackupListener listener, CancelToken cancel) {
        return runDue(() -> listener, cancel, 1);
    }

    /**
     * Runs what is due now; returns one outcome per job that was due, in schedule order. Stops
     * starting jobs once cancelled.
     *
     * @param listeners a listener for each run (runs of different servers report at the same time)
     * @param parallel  how many jobs may run at once, each on its own server
     */
    public List<DueOutcome> runDue(Supplier<BackupListener> listeners, CancelToken cancel, int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel must be 1 or more, not " + parallel);
        }
        Instant now = clock.instant();
        DueOutcome[] outcomes = new DueOutcome[catalog.schedules().list().size()];
        Map<String, List<Runnable>> byServer = new LinkedHashMap<>();
        int i = 0;
        for (JobSchedule js : catalog.schedules().list()) {
            int slot = i++;
            Schedule schedule;
            try {
                schedule = Schedule.parse(js.expression());
            } catch (IllegalArgumentException e) {
                outcomes[slot] = new DueOutcome(js.job(), DueOutcome.Kind.BAD_SCHEDULE, 0, Optional.empty(),
                        "job " + js.job() + " has a schedule this Mamori cannot read (" + e.getMessage()
                                + "); set it again with mamori job set " + js.job() + " --schedule ...");
                continue;
            }
            Due due = Due.check(schedule, js.handledUntil(), js.retryAfter(), now, zone);
            Optional<JobPause> paused = catalog.pauses().find(js.job());
            if (due.due() && paused.isPresent()) {
                // its slots stay pending: resuming (JobService.resume) decides what is caught up
                outcomes[slot] = new DueOutcome(js.job(), DueOutcome.Kind.PAUSED, 0, Optional.empty(),
                        pausedMessage(paused.get()));
            } else if (due.due()) {
                byServer.computeIfAbsent(serverOf(js.job()), s -> new ArrayList<>()).add(() -> {
                    if (!cancel.isCancelled()) {
                        outcomes[slot] = runOne(js, due, clock.instant(), listeners.get(), cancel);
                    }
                });
            }
        }
        if (parallel == 1 || byServer.size() <= 1) {
            byServer.values().forEach(jobs -> jobs.forEach(Runnable::run));
        } else {
            runSideBySide(byServer.values(), Math.min(parallel, byServer.size()));
        }
        List<DueOutcome> out = new ArrayList<>();
        for (DueOutcome o : outcomes) {
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    /** Each server's jobs in turn on one thread of a pool of {@code threads}; returns when all have ended. */
    private static void runSideBySide(java.util.Collection<List<Runnable>> servers, int threads) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mamori-due-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (List<Runnable> jobs : servers) {
                running.add(pool.submit(() -> jobs.forEach(Runnable::run)));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while due jobs ran", e);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    static String pausedMessage(JobPause p) {
        return "job " + p.job() + " is paused (since " + p.since() + p.reason().map(r -> ", " + r).orElse("")
                + "): its scheduled run was not started; `mamori job resume " + p.job() + "` resumes it";
    }

    /** The server a job backs up (its sources are all on one); "" when it cannot be told, which runs alone. */
    private String serverOf(String job) {
        return catalog.jobs().find(job).flatMap(j -> j.sources().stream().findFirst())
                .flatMap(catalog.sources()::find).map(app.mamori.model.Source::server).orElse("");
    }

    private DueOutcome runOne(JobSchedule js, Due due, Instant now, BackupListener listener, CancelToken cancel) {
        String job = js.job();
        if (due.missed() > 0) {
            catalog.schedules().missed(job, due.missed(), due.lastMissed().orElseThrow());
            catalog.events().add(Event.at(now, EventLevel.WARNING, "run-missed", "job " + job + " missed "
                    + due.missed() + " scheduled run(s) while Mamori was not running (first "
                    + due.firstSlot().orElseThrow() + "); running it once now to catch up")
                    .withPhrase("runMissed", job, due.missed(), due.firstSlot().orElseThrow()).withJob(job));
        }
        RunResult result;
        try {
            result = engine.execute(engine.plan(job), listener, cancel);
        } catch (JobBusyException e) {
            return new DueOutcome(job, DueOutcome.Kind.ALREADY_RUNNING, due.missed(), Optional.empty(), e.getMessage());
        } catch (RuntimeException e) {
            catalog.schedules().retryAfter(job, clock.instant().plus(RETRY));
            return new DueOutcome(job, DueOutcome.Kind.FAILED, due.missed(), Optional.empty(),
                    "job " + job + ": " + e.getMessage());
        }
        if (result.ok()) {
            catalog.schedules().handled(job, now);
            return new DueOutcome(job, DueOutcome.Kind.SUCCEEDED, due.missed(), Optional.of(result),
                    "backup of job " + job + " succeeded: restore point " + result.point().orElseThrow().id());
        }
        catalog.schedules().retryAfter(job, clock.instant().plus(RETRY));
        return new DueOutcome(job, DueOutcome.Kind.FAILED, due.missed(), Optional.of(result), result.error()
                + " (tried again from " + clock.instant().plus(RETRY) + ")");
    }
}
