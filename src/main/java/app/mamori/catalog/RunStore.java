package app.mamori.catalog;

import app.mamori.model.RunStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The history of runs, from start to how they ended. */
public final class RunStore {
    private static final String SELECT = "SELECT id, job, started, ended, status, pid, error, error_details FROM runs";

    private final CatalogConnection db;
    private final Clock clock;

    RunStore(CatalogConnection db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Records that {@code job} started now in process {@code pid}; returns the run's id. */
    public long start(String job, long pid) {
        return db.write(c -> {
            if (!JobStore.exists(c, job)) {
                throw new CatalogException("cannot start a run of job '" + job + "', which does not exist");
            }
            try (var insert = c.prepareStatement(
                    "INSERT INTO runs (job, started, status, pid) VALUES (?, ?, 'running', ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, job);
                insert.setLong(2, clock.instant().toEpochMilli());
                insert.setLong(3, pid);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /**
     * Records how a run ended. {@code error} and {@code details} may be null when it succeeded.
     * A run ends once: finishing it again is refused, so a late report cannot overwrite the first.
     */
    public void finish(long runId, RunStatus status, String error, String details) {
        if (status == RunStatus.RUNNING) {
            throw new IllegalArgumentException("a run finishes as succeeded, failed, interrupted or cancelled");
        }
        db.write(c -> {
            Run run = find(runId).orElseThrow(() -> new CatalogException("run " + runId + " does not exist"));
            if (run.status() != RunStatus.RUNNING) {
                throw new CatalogException("run " + runId + " of job '" + run.job() + "' already ended as "
                        + run.status().id());
            }
            Rows.update(c, "UPDATE runs SET ended = ?, status = ?, error = ?, error_details = ? WHERE id = ?",
                    clock.instant(), status.id(), error, details, runId);
            return null;
        });
    }

    public Optional<Run> find(long runId) {
        return db.autocommit(c -> Rows.queryOne(c, SELECT + " WHERE id = ?", RunStore::run, runId));
    }

    /** The latest runs of {@code job}, or of every job when it is null, newest first. */
    public List<Run> list(String job, int limit) {
        return db.autocommit(c -> job == null
                ? Rows.query(c, SELECT + " ORDER BY started DESC, id DESC LIMIT ?", RunStore::run, limit)
                : Rows.query(c, SELECT + " WHERE job = ? ORDER BY started DESC, id DESC LIMIT ?", RunStore::run,
                        job, limit));
    }

    /** The newest run of {@code job} with {@code status}. */
    public Optional<Run> latest(String job, RunStatus status) {
        return db.autocommit(c -> Rows.queryOne(c, SELECT + " WHERE job = ? AND status = ?" + NEWEST,
                RunStore::run, job, status.id()));
    }

    /** The newest run of {@code job} that has ended, however it ended. */
    public Optional<Run> latestEnded(String job) {
        return db.autocommit(c -> Rows.queryOne(c, SELECT + " WHERE job = ? AND status <> 'running'" + NEWEST,
                RunStore::run, job));
    }

    /** {@link #latest} of every job that has such a run, by job, in one query. */
    public Map<String, Run> latestOfEachJob(RunStatus status) {
        return db.autocommit(c -> byJob(Rows.query(c, NEWEST_OF_EACH_JOB.formatted("status = ?"), RunStore::run,
                status.id())));
    }

    /** {@link #latestEnded} of every job that has an ended run, by job, in one query. */
    public Map<String, Run> latestEndedOfEachJob() {
        return db.autocommit(c -> byJob(Rows.query(c, NEWEST_OF_EACH_JOB.formatted("status <> 'running'"),
                RunStore::run)));
    }

    private static final String NEWEST = " ORDER BY started DESC, id DESC LIMIT 1";
    /**
     * One search of the (job, started) index per job, walked from its newest run: what
     * {@link #latest} does for one job, without a statement per job.
     */
    private static final String NEWEST_OF_EACH_JOB = "SELECT r.id, r.job, r.started, r.ended, r.status, r.pid,"
            + " r.error, r.error_details FROM jobs j JOIN runs r ON r.id = (SELECT id FROM runs"
            + " WHERE job = j.name AND %s" + NEWEST + ")";

    private static Map<String, Run> byJob(List<Run> runs) {
        Map<String, Run> out = new HashMap<>();
        runs.forEach(r -> out.put(r.job(), r));
        return out;
    }

    /** When each succeeded run of {@code job} started at or after {@code from}, oldest first. */
    public List<Instant> succeededSince(String job, Instant from) {
        return db.autocommit(c -> Rows.query(c, "SELECT started FROM runs WHERE job = ? AND status = 'succeeded'"
                + " AND started >= ? ORDER BY started", row -> Rows.instant(row, "started"), job, from));
    }

    /**
     * {@link #succeededSince} of every job with recovery objectives, from when they were set, by
     * job: a range of the (job, started) index per job, in one statement.
     */
    public Map<String, List<Instant>> succeededSinceObjectives() {
        return db.autocommit(c -> {
            Map<String, List<Instant>> out = new HashMap<>();
            // CROSS JOIN keeps the objectives outside: left to itself SQLite walked every run instead
            Rows.query(c, "SELECT r.job, r.started FROM job_objectives o CROSS JOIN runs r ON r.job = o.job"
                    + " AND r.status = 'succeeded' AND r.started >= o.since ORDER BY o.job, r.started",
                    row -> out.computeIfAbsent(row.getString(1), j -> new ArrayList<>()).add(Rows.instant(row,
                            "started")));
            return out;
        });
    }

    public List<Run> running() {
        return db.autocommit(c -> Rows.query(c, SELECT + " WHERE status = 'running' ORDER BY id", RunStore::run));
    }

    /**
     * Marks as interrupted every run still recorded as running whose process is gone, after a crash,
     * a kill -9 or a power cut, and returns them as they are now. Called once at startup.
     */
    public List<Run> markInterruptedRuns() {
        return db.write(c -> {
            List<Run> interrupted = new ArrayList<>();
            for (Run run : running()) {
                if (!ProcessLiveness.isAlive(run.pid(), run.started())) {
                    Rows.update(c, "UPDATE runs SET ended = ?, status = 'interrupted', error = ?, error_details = ?"
                            + " WHERE id = ?", clock.instant(),
                            "Mamori stopped while this run was in progress; run the job again",
                            "process " + run.pid() + " that ran it no longer exists", run.id());
                    interrupted.add(find(run.id()).orElseThrow());
                }
            }
            return interrupted;
        });
    }

    private static Run run(ResultSet row) throws SQLException {
        return new Run(row.getLong("id"), row.getString("job"), Rows.instant(row, "started"),
                Rows.optionalInstant(row, "ended"), RunStatus.fromId(row.getString("status")), row.getLong("pid"),
                Rows.optionalString(row, "error"), Rows.optionalString(row, "error_details"));
    }

    /** Whether the process that started a run is still that process. */
    static final class ProcessLiveness {
        private static final Duration START_TIME_SLACK = Duration.ofSeconds(2);

        private ProcessLiveness() {
        }

        static boolean isAlive(long pid, Instant runStarted) {
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    // A pid reused by a process born after the run started is not the process that ran it.
                    // Linux derives start times from a boot time in whole seconds, hence the slack.
                    .filter(p -> p.info().startInstant()
                            .map(born -> !born.isAfter(runStarted.plus(START_TIME_SLACK))).orElse(true))
                    .isPresent();
        }
    }
}
