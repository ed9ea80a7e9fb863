package app.mamori.catalog;

import app.mamori.model.RunStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the timeline reads: the lanes of a scope, and the points and runs of one window of time.
 * Every window query goes through an index on (scope, time), so panning over a long history
 * reads only what the window holds (V007 adds the ones V001 lacked).
 */
public final class TimelineQueries {
    /** Each artifact with its point and its newest check; the newest check is one index probe per row. */
    private static final String POINTS = "SELECT p.id, p.job, p.server, p.time, p.status, p.kind AS point_kind,"
            + " p.released, a.source, a.size, a.files, a.sha256, v.method, v.result, v.time AS checked, v.detail,"
            + " v.recovery_ms FROM restore_points p JOIN artifacts a ON a.point = p.id"
            + " LEFT JOIN verifications v ON v.id = (SELECT max(id) FROM verifications"
            + " WHERE point = a.point AND source = a.source)"
            + " WHERE p.time >= ? AND p.time < ?";
    private static final String RUNS = "SELECT id, job, started, status, error FROM runs WHERE started >= ? AND started < ?";
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
            String configured = "SELECT s.server, js.job, js.source, s.kind FROM job_sources js"
                    + " JOIN sources s ON s.name = js.source";
            String history = "SELECT DISTINCT p.server, p.job, a.source, a.kind FROM restore_points p"
                    + " JOIN artifacts a ON a.point = p.id";
            Object[] params = scope.job().or(scope::server).map(v -> new Object[]{v}).orElse(new Object[0]);
            for (String sql : List.of(configured + where(scope, "js.job", "s.server"),
                    history + where(scope, "p.job", "p.server"))) {
                for (TimelineLane lane : Rows.query(c, sql, TimelineQueries::lane, params)) {
                    lanes.putIfAbsent(lane.job() + "\u0000" + lane.source(), lane);
                }
            }
            return lanes.values().stream().sorted(TimelineLane.ORDER).toList();
        });
    }

    /** Every artifact of the scope's points taken at or after {@code from} and before {@code to}, oldest first. */
    public List<TimelinePoint> points(TimelineScope scope, Instant from, Instant to) {
        Object[] params = withScope(scope, from, to);
        return db.autocommit(c -> Rows.query(c, POINTS + and(scope, "p.job", "p.server")
                + " ORDER BY p.time, p.id, a.source", TimelineQueries::point, params));
    }

    /**
     * Every run of the scope's jobs that started at or after {@code from} and before {@code to},
     * oldest first, however it ended. A server's runs are those of the jobs now configured on it:
     * runs, unlike points, do not record their server.
     */
    public List<TimelineRun> runs(TimelineScope scope, Instant from, Instant to) {
        Object[] params = withScope(scope, from, to);
        String filter = scope.job().isPresent() ? " AND job = ?"
                : scope.server().isPresent() ? " AND job IN (" + JOBS_OF_SERVER + ")" : "";
        return db.autocommit(c -> Rows.query(c, RUNS + filter + " ORDER BY started, id", TimelineQueries::run, params));
    }

    private static Object[] withScope(TimelineScope scope, Instant from, Instant to) {
        Optional<String> value = scope.job().or(scope::server);
        return value.isPresent() ? new Object[]{from, to, value.get()} : new Object[]{from, to};
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
        long recovery = row.getLong("recovery_ms");
        Optional<Duration> drillTime = row.wasNull() ? Optional.empty() : Optional.of(Duration.ofMillis(recovery));
        return new TimelinePoint(row.getString("id"), row.getString("job"), row.getString("server"),
                row.getString("source"), Rows.instant(row, "time"), RunStatus.fromId(row.getString("status")),
                check(row.getString("method"), row.getString("result")), Rows.optionalInstant(row, "checked"),
                Rows.optionalString(row, "detail"), drillTime, row.getLong("size"), fileCount,
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

    private static TimelineRun run(ResultSet row) throws SQLException {
        return new TimelineRun(row.getLong("id"), row.getString("job"), Rows.instant(row, "started"),
                RunStatus.fromId(row.getString("status")), Rows.optionalString(row, "error"));
    }
}
