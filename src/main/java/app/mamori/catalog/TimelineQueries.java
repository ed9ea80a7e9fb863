package app.mamori.catalog;

import app.mamori.model.RunStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the timeline reads: the lanes of a scope, and the points and runs of one window of time.
 * Every window query goes through an index on (scope, time), so panning over a long history
 * reads only what the window holds (V007 adds the ones V001 lacked).
 */
public final class TimelineQueries {
    /** Each artifact with its point and its newest check; the newest check is one index probe per row. */
    private static final String POINTS = "SELECT p.id, p.job, p.server, p.time, p.status, p.kind AS point_kind,"
            + " p.released, a.source, a.size, a.files, a.sha256, v.method, v.result, v.time AS checked, v.detail,"
            + " v.detail_key, v.detail_args, v.recovery_ms FROM restore_points p JOIN artifacts a ON a.point = p.id"
            + " LEFT JOIN verifications v ON v.id = (SELECT max(id) FROM verifications"
            + " WHERE point = a.point AND source = a.source)"
            + " WHERE p.time >= ? AND p.time < ?";
    /**
     * Each point's artifacts summed per lane and bucket of time. The state of an artifact (the
     * {@link TimelineBucket.State}'s ordinal) needs its newest check, one index probe; the LIMIT keeps
     * SQLite from flattening the inner query into the outer, which would run that probe once per sum.
     */
    private static final String BUCKETS = "SELECT job, source, (time - ?) / ? AS bucket, count(*) AS points,"
            + " min(time) AS first, max(time) AS last, min(size) AS min_size, max(size) AS max_size,"
            + " sum(state = 4) AS failed, sum(state = 2) AS safety, sum(held) AS held, sum(state = 3) AS unchecked,"
            + " sum(state = 1) AS verified, sum(state = 0) AS drilled FROM (SELECT job, time, source, size, held, state"
            + " FROM timeline_artifacts p WHERE p.time >= ? AND p.time < ?";
    /** The width of a cell of {@code timeline_cells} (V013), in milliseconds: 2^28, about 3.1 days. */
    static final long CELL_MS = 1L << 28;
    private static final String CELLS = "SELECT job, source, (cell * " + CELL_MS + " - ?) / ? AS bucket,"
            + " sum(points) AS points, min(first) AS first, max(last) AS last, min(min_size) AS min_size,"
            + " max(max_size) AS max_size, sum(failed) AS failed, sum(safety) AS safety, sum(held) AS held,"
            + " sum(unchecked) AS unchecked, sum(verified) AS verified, sum(drilled) AS drilled"
            + " FROM timeline_cells p WHERE p.cell >= ? AND p.cell < ?";
    private static final String COUNTS = "SELECT p.job, count(*) FROM restore_points p WHERE p.time >= ? AND p.time < ?";
    private static final String RUNS = "SELECT id, job, started, status, error FROM runs WHERE started >= ? AND started < ?";
    private static final String HISTORY = "SELECT DISTINCT p.server, p.job, a.source, a.kind FROM restore_points p"
            + " JOIN artifacts a ON a.point = p.id";
    private static final String JOBS_OF_SERVER = "SELECT js.job FROM job_sources js JOIN sources s ON s.name = js.source"
            + " WHERE s.server = ?";

    private final CatalogConnection db;

    TimelineQueries(CatalogConnection db) {
        this.db = db;
    }

    /**
     * Every lane of the scope, in {@link TimelineLane#ORDER}: each source of each configured job,
     * and each (job, source) that left points in the vault but is no longer configured, since a
     * backup outlives the configuration that made it.
     */
    public List<TimelineLane> lanes(TimelineScope scope) {
        return db.autocommit(c -> {
            Map<String, TimelineLane> lanes = new LinkedHashMap<>();
            Object[] params = scope.job().or(scope::server).map(v -> new Object[]{v}).orElse(new Object[0]);
            String configured = "SELECT s.server, js.job, js.source, s.kind FROM job_sources js"
                    + " JOIN sources s ON s.name = js.source" + where(scope, "js.job", "s.server");
            add(lanes, Rows.query(c, configured, TimelineQueries::lane, params));
            if (scope.job().isPresent() || scope.server().isPresent()) {
                // a job's or a server's points are a range of an index: read them whole
                add(lanes, Rows.query(c, HISTORY + where(scope, "p.job", "p.server"), TimelineQueries::lane, params));
            } else {
                add(lanes, unconfigured(c, lanes));
            }
            return lanes.values().stream().sorted(TimelineLane.ORDER).toList();
        });
    }

    private static void add(Map<String, TimelineLane> lanes, List<TimelineLane> found) {
        for (TimelineLane lane : found) {
            lanes.putIfAbsent(lane.job() + "\u0000" + lane.source(), lane);
        }
    }

    /**
     * The history lanes of every job without reading every point: the distinct jobs and sources are
     * skipped through on their indexes (one seek each), and only a job or source that is not
     * configured any more is read in full. A source that moved from one job to another shows its
     * older points only under a job that is no longer configured, or not at all.
     */
    private static List<TimelineLane> unconfigured(Connection c, Map<String, TimelineLane> configured)
            throws SQLException {
        Set<String> jobs = new HashSet<>();
        Set<String> sources = new HashSet<>();
        configured.values().forEach(l -> {
            jobs.add(l.job());
            sources.add(l.source());
        });
        List<TimelineLane> found = new ArrayList<>();
        for (String job : Rows.names(c, distinct("job", "restore_points"))) {
            if (!jobs.contains(job)) {
                found.addAll(Rows.query(c, HISTORY + " WHERE p.job = ?", TimelineQueries::lane, job));
            }
        }
        for (String source : Rows.names(c, distinct("source", "artifacts"))) {
            if (!sources.contains(source)) {
                found.addAll(Rows.query(c, HISTORY + " WHERE a.source = ?", TimelineQueries::lane, source));
            }
        }
        return found;
    }

    /** Each distinct value of an indexed column, one index seek per value (SQLite's skip-scan by hand). */
    private static String distinct(String column, String table) {
        return "WITH RECURSIVE d(v) AS (SELECT min(" + column + ") FROM " + table + " UNION ALL SELECT (SELECT min("
                + column + ") FROM " + table + " WHERE " + column + " > d.v) FROM d WHERE d.v IS NOT NULL)"
                + " SELECT v FROM d WHERE v IS NOT NULL";
    }

    /** Every artifact of the scope's points taken at or after {@code from} and before {@code to}, oldest first. */
    public List<TimelinePoint> points(TimelineScope scope, Instant from, Instant to) {
        return points(scope, Set.of(), from, to);
    }

    /**
     * As {@link #points(TimelineScope, Instant, Instant)}, only of {@code jobs} when that is not empty:
     * the lanes in view of a timeline with hundreds of lanes, each read as a range of (job, time).
     */
    public List<TimelinePoint> points(TimelineScope scope, Set<String> jobs, Instant from, Instant to) {
        Object[] params = withScope(scope, jobs, from, to);
        return db.autocommit(c -> Rows.query(c, POINTS + and(scope, "p.job", "p.server") + in("p.job", jobs)
                + " ORDER BY p.time, p.id, a.source", TimelineQueries::point, params));
    }

    /**
     * The artifacts of the scope's points taken at or after {@code from} and before {@code to} (only of
     * {@code jobs} unless empty), summed per lane and per bucket of {@code width}, bucket {@code n}
     * holding the points from {@code origin + n * width}; ordered by job, source and bucket. Reads
     * every point of the window as {@link #points} does, through the same indexes, but returns a row
     * per bucket: what a timeline zoomed out too far to tell marks apart needs.
     *
     * @param origin where bucket 0 starts; not after {@code from}, so no index is negative
     */
    public List<TimelineBucket> buckets(TimelineScope scope, Set<String> jobs, Instant from, Instant to,
                                        Instant origin, Duration width) {
        if (origin.isAfter(from) || width.toMillis() <= 0) {
            throw new IllegalArgumentException("buckets start at or before the window and are at least 1 ms wide");
        }
        List<Object> params = new ArrayList<>(List.of(origin, width.toMillis()));
        if (inWholeCells(from, to, origin, width)) {
            params.addAll(List.of(withScope(scope, jobs, from.toEpochMilli() / CELL_MS, to.toEpochMilli() / CELL_MS)));
            return db.autocommit(c -> Rows.query(c, cellsSql(scope, jobs), TimelineQueries::bucket, params.toArray()));
        }
        params.addAll(List.of(withScope(scope, jobs, from, to)));
        return db.autocommit(c -> Rows.query(c, bucketsSql(scope, jobs), TimelineQueries::bucket, params.toArray()));
    }

    /**
     * Whether every bucket, and the window, is a whole number of cells of {@code timeline_cells}:
     * then the buckets are sums of cells, a few rows per lane and bucket instead of every point.
     */
    static boolean inWholeCells(Instant from, Instant to, Instant origin, Duration width) {
        long w = width.toMillis();
        return w % CELL_MS == 0 && Math.floorMod(origin.toEpochMilli(), w) == 0
                && Math.floorMod(from.toEpochMilli(), CELL_MS) == 0 && Math.floorMod(to.toEpochMilli(), CELL_MS) == 0
                && from.toEpochMilli() >= 0;
    }

    static String cellsSql(TimelineScope scope, Set<String> jobs) {
        return CELLS + and(scope, "p.job", "p.server") + in("p.job", jobs)
                + " GROUP BY job, source, bucket ORDER BY job, source, bucket";
    }

    static String bucketsSql(TimelineScope scope, Set<String> jobs) {
        return BUCKETS + and(scope, "p.job", "p.server") + in("p.job", jobs)
                + " LIMIT -1) GROUP BY job, source, bucket ORDER BY job, source, bucket";
    }

    /**
     * How many points each of the scope's jobs (only of {@code jobs} unless empty) took at or after
     * {@code from} and before {@code to}: an index count, reading no row, to choose between points and buckets.
     */
    public Map<String, Integer> pointCounts(TimelineScope scope, Set<String> jobs, Instant from, Instant to) {
        Object[] params = withScope(scope, jobs, from, to);
        Map<String, Integer> counts = new HashMap<>();
        db.autocommit(c -> Rows.query(c, countsSql(scope, jobs), row -> Map.entry(row.getString(1), row.getInt(2)),
                params))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /**
     * Every run of the scope's jobs (only of {@code jobs} when that is not empty) that started at or
     * after {@code from} and before {@code to}, oldest first, however it ended. A server's runs are
     * those of the jobs now configured on it: runs, unlike points, do not record their server.
     */
    public List<TimelineRun> runs(TimelineScope scope, Set<String> jobs, Instant from, Instant to) {
        Object[] params = withScope(scope, jobs, from, to);
        return db.autocommit(c -> Rows.query(c, RUNS + runFilter(scope) + in("job", jobs) + " ORDER BY started, id",
                TimelineQueries::run, params));
    }

    static String countsSql(TimelineScope scope, Set<String> jobs) {
        return COUNTS + and(scope, "p.job", "p.server") + in("p.job", jobs) + " GROUP BY p.job";
    }

    /** As {@link #runs}, only those that failed, were interrupted or were cancelled: what a lane marks. */
    public List<TimelineRun> failedRuns(TimelineScope scope, Set<String> jobs, Instant from, Instant to) {
        Object[] params = withScope(scope, jobs, from, to);
        // with the event that recorded each run's end (events_by_run): its phrase says the error in the app's words
        return db.autocommit(c -> Rows.query(c, "SELECT r.*, e.time AS e_time, e.level AS e_level, e.server AS e_server,"
                + " e.kind AS e_kind, e.message AS e_message, e.message_key AS e_message_key,"
                + " e.message_args AS e_message_args FROM (" + RUNS + " AND status NOT IN ('succeeded', 'running')"
                + runFilter(scope) + in("job", jobs) + ") r LEFT JOIN events e ON e.id = (SELECT max(x.id) FROM events x"
                + " WHERE x.run = r.id AND x.kind = 'run-' || r.status) ORDER BY r.started, r.id",
                TimelineQueries::failedRun, params));
    }

    /** When each run of {@code job} started at or after {@code from} and before {@code to}, oldest first: what gaps need. */
    public List<Instant> runStarts(String job, Instant from, Instant to) {
        return db.autocommit(c -> Rows.query(c, "SELECT started FROM runs WHERE job = ? AND started >= ?"
                + " AND started < ? ORDER BY started", row -> Instant.ofEpochMilli(row.getLong(1)), job, from, to));
    }

    private static String runFilter(TimelineScope scope) {
        return scope.job().isPresent() ? " AND job = ?"
                : scope.server().isPresent() ? " AND job IN (" + JOBS_OF_SERVER + ")" : "";
    }

    private static String in(String column, Set<String> values) {
        return values.isEmpty() ? "" : " AND " + column + " IN (" + String.join(", ",
                java.util.Collections.nCopies(values.size(), "?")) + ")";
    }

    private static Object[] withScope(TimelineScope scope, Set<String> jobs, Object from, Object to) {
        List<Object> params = new ArrayList<>(List.of(from, to));
        scope.job().or(scope::server).ifPresent(params::add);
        params.addAll(jobs.stream().sorted().toList());
        return params.toArray();
    }

    private static String where(TimelineScope scope, String jobColumn, String serverColumn) {
        String condition = and(scope, jobColumn, serverColumn);
        return condition.isEmpty() ? "" : " WHERE" + condition.substring(" AND".length());
    }

    private static String and(TimelineScope scope, String jobColumn, String serverColumn) {
        return scope.job().isPresent() ? " AND " + jobColumn + " = ?"
                : scope.server().isPresent() ? " AND " + serverColumn + " = ?" : "";
    }

    private static TimelineLane lane(ResultSet row) throws SQLException {
        return new TimelineLane(row.getString(1), row.getString(2), row.getString(3), row.getString(4));
    }

    private static TimelinePoint point(ResultSet row) throws SQLException {
        PointKind kind = PointKind.fromId(row.getString("point_kind"));
        row.getLong("released");
        boolean held = kind == PointKind.PRE_RESTORE && row.wasNull();
        long files = row.getLong("files");
        OptionalLong fileCount = row.wasNull() ? OptionalLong.empty() : OptionalLong.of(files);
        String detailKey = row.getString("detail_key");
        String detailArgs = row.getString("detail_args");
        long recovery = row.getLong("recovery_ms");
        Optional<Duration> drillTime = row.wasNull() ? Optional.empty() : Optional.of(Duration.ofMillis(recovery));
        return new TimelinePoint(row.getString("id"), row.getString("job"), row.getString("server"),
                row.getString("source"), Rows.instant(row, "time"), RunStatus.fromId(row.getString("status")),
                check(row.getString("method"), row.getString("result")), Rows.optionalInstant(row, "checked"),
                Rows.optionalString(row, "detail").map(d -> NoteColumns.note(detailKey, detailArgs, d)), drillTime,
                row.getLong("size"), fileCount,
                row.getString("sha256"), kind, held);
    }

    private static TimelinePoint.Check check(String method, String result) {
        if (result == null) {
            return TimelinePoint.Check.UNCHECKED;
        }
        if (Verification.Result.fromId(result) == Verification.Result.FAILED) {
            return TimelinePoint.Check.FAILED;
        }
        return Verification.Method.fromId(method) == Verification.Method.DRILL ? TimelinePoint.Check.DRILLED
                : TimelinePoint.Check.VERIFIED;
    }

    private static TimelineBucket bucket(ResultSet row) throws SQLException {
        return new TimelineBucket(row.getString("job"), row.getString("source"), row.getLong("bucket"),
                Rows.instant(row, "first"), Rows.instant(row, "last"), row.getInt("points"), row.getInt("failed"),
                row.getInt("safety"), row.getInt("held"), row.getInt("unchecked"), row.getInt("verified"),
                row.getInt("drilled"), row.getLong("min_size"), row.getLong("max_size"));
    }

    private static TimelineRun failedRun(ResultSet row) throws SQLException {
        TimelineRun run = run(row);
        Optional<Event> ended = row.getString("e_kind") == null ? Optional.empty()
                : Optional.of(EventLog.event(row, "e_", run.job(), run.id()));
        return new TimelineRun(run.id(), run.job(), run.started(), run.status(), run.error(), ended);
    }

    private static TimelineRun run(ResultSet row) throws SQLException {
        return new TimelineRun(row.getLong("id"), row.getString("job"), Rows.instant(row, "started"),
                RunStatus.fromId(row.getString("status")), Rows.optionalString(row, "error"));
    }
}
