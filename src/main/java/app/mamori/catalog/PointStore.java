package app.mamori.catalog;

import app.mamori.model.Artifact;
import app.mamori.model.RestorePoint;
import app.mamori.model.RunStatus;
import app.mamori.model.SourceKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Restore points and their artifacts: the timeline the restore wizard picks from. */
public final class PointStore {
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };

    private static final String SELECT = "SELECT p.id, p.run, p.job, p.server, p.vault, p.time, p.status,"
            + " p.location, p.kind AS point_kind, a.source, a.kind AS artifact_kind, a.path, a.size, a.sha256,"
            + " a.manifest FROM restore_points p LEFT JOIN artifacts a ON a.point = p.id";
    static final String NEWEST_FIRST = " ORDER BY p.time DESC, p.id DESC, a.rowid";
    private static final String LATEST_RESTORABLE = " AND status = 'succeeded' ORDER BY time DESC, id DESC LIMIT 1";

    private final CatalogConnection db;

    PointStore(CatalogConnection db) {
        this.db = db;
    }

    /** Records a point and all its artifacts together, so no half-recorded point is ever seen. */
    public void record(RecordedPoint point) {
        db.write(c -> {
            if (Rows.exists(c, "SELECT 1 FROM restore_points WHERE id = ?", point.id())) {
                throw new CatalogException("restore point '" + point.id() + "' already exists");
            }
            if (point.run().isPresent() && !runExists(c, point.run().getAsLong())) {
                throw new CatalogException("restore point '" + point.id() + "' names run " + point.run().getAsLong()
                        + ", which does not exist");
            }
            insert(c, point);
            return null;
        });
    }

    public void record(RestorePoint point, long runId, PointKind kind) {
        record(new RecordedPoint(point, runId, kind));
    }

    /** Every point of {@code job}, or of all jobs when it is null, newest first, with artifacts. */
    public List<RecordedPoint> list(String job) {
        return db.autocommit(c -> job == null
                ? load(c, NEWEST_FIRST)
                : load(c, " WHERE p.job = ?" + NEWEST_FIRST, job));
    }

    /**
     * One page of {@code job}'s points (every job's when null), newest first: at most {@code limit}
     * points older than {@code after} (the last point of the previous page; null for the first).
     * A listing reads page after page, so its memory stays flat whatever the history's length.
     */
    public List<RecordedPoint> page(String job, RecordedPoint after, int limit) {
        List<Object> params = new ArrayList<>();
        if (job != null) {
            params.add(job);
        }
        if (after != null) {
            params.add(after.point().time());
            params.add(after.point().time());
            params.add(after.id());
        }
        params.add(limit);
        return db.autocommit(c -> load(c, " WHERE p.id IN (" + pageIds(job != null, after != null) + ")"
                + NEWEST_FIRST, params.toArray()));
    }

    /**
     * The ids of a page. The cursor is written {@code time <= ? AND (time < ? OR id < ?)}: the
     * first term is a range on the time index that the LIMIT ends early, where the plainer
     * {@code time < ? OR (time = ? AND id < ?)} made SQLite gather and sort every older point for
     * each page (a MULTI-INDEX OR), so a listing took time in the square of its length.
     */
    static String pageIds(boolean ofJob, boolean after) {
        return "SELECT id FROM restore_points WHERE " + (ofJob ? "job = ?" : "1 = 1")
                + (after ? " AND time <= ? AND (time < ? OR id < ?)" : "") + " ORDER BY time DESC, id DESC LIMIT ?";
    }

    /** The points of these ids that exist, newest first, read 500 at a time. */
    public List<RecordedPoint> withIds(List<String> ids) {
        List<RecordedPoint> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            out.addAll(db.autocommit(c -> load(c, " WHERE p.id IN (" + marks + ")" + NEWEST_FIRST, chunk.toArray())));
        }
        return out;
    }

    /**
     * The newest {@code count} complete normal points (succeeded, not safety copies) of each of
     * {@code jobs}, newest first, by job: a search of the (job, time) index per job, in one
     * statement for up to 500 jobs.
     */
    public Map<String, List<RecordedPoint>> newestCompleteOfEachJob(List<String> jobs, int count) {
        Map<String, List<RecordedPoint>> out = new HashMap<>();
        for (int from = 0; from < jobs.size(); from += 500) {
            List<Object> params = new ArrayList<>(List.of(count));
            params.addAll(jobs.subList(from, Math.min(jobs.size(), from + 500)));
            String marks = String.join(", ", java.util.Collections.nCopies(params.size() - 1, "?"));
            db.autocommit(c -> load(c, " WHERE p.id IN (SELECT r.id FROM jobs j JOIN restore_points r ON r.id IN"
                    + " (SELECT id FROM restore_points WHERE job = j.name AND kind = 'normal' AND status = 'succeeded'"
                    + " ORDER BY time DESC, id DESC LIMIT ?) WHERE j.name IN (" + marks + "))" + NEWEST_FIRST,
                    params.toArray())).forEach(p -> out.computeIfAbsent(p.point().job(), j -> new ArrayList<>()).add(p));
        }
        return out;
    }

    /** How many points {@code job} has, whatever their status. */
    public long count(String job) {
        return db.autocommit(c -> Rows.queryOne(c, "SELECT COUNT(*) FROM restore_points WHERE job = ?",
                row -> row.getLong(1), job)).orElse(0L);
    }

    /** The job's newest point, whatever its status. */
    public Optional<RecordedPoint> newest(String job) {
        return db.autocommit(c -> first(load(c, " WHERE p.id = (SELECT id FROM restore_points WHERE job = ?"
                + " ORDER BY time DESC, id DESC LIMIT 1)" + NEWEST_FIRST, job)));
    }

    /**
     * The newest and the oldest of {@code source}'s complete normal points (not safety copies),
     * the newest taken at or before {@code time}: what "the latest point" and "the point at 14:00"
     * mean, and the oldest for the message when there is none that early. Newest first; empty when
     * the source has none.
     */
    public List<RecordedPoint> newestAndOldestOfSource(String source, Instant time) {
        String of = "SELECT p.id FROM artifacts a JOIN restore_points p ON p.id = a.point WHERE a.source = ?"
                + " AND p.kind = 'normal' AND p.status = 'succeeded'";
        return db.autocommit(c -> load(c, " WHERE p.id IN (SELECT id FROM (" + of + " AND p.time <= ?"
                + " ORDER BY p.time DESC, p.id DESC LIMIT 1) UNION SELECT id FROM (" + of
                + " ORDER BY p.time, p.id LIMIT 1))" + NEWEST_FIRST, source, time, source));
    }

    /**
     * Per job, how many complete points it has and the bytes their artifacts take: the dashboard's
     * columns, one row per job whatever the history's length (kept by triggers, see V010).
     */
    public Map<String, Totals> totals() {
        Map<String, Totals> out = new HashMap<>();
        db.autocommit(c -> Rows.query(c, "SELECT job, points, bytes FROM job_totals WHERE points > 0",
                row -> out.put(row.getString(1), new Totals(row.getLong(2), row.getLong(3)))));
        return out;
    }

    /** @param points complete points; @param bytes the size of their artifacts */
    public record Totals(long points, long bytes) {
    }

    /**
     * What retention needs of each of the job's points, newest first: no manifests or paths, so a
     * plan over years of hourly points stays small.
     */
    public List<Brief> briefs(String job) {
        return briefs(job, Instant.ofEpochMilli(Long.MIN_VALUE));
    }

    /** As {@link #briefs(String)}, of the points dated {@code since} or later: a range of the (job, time) index. */
    public List<Brief> briefs(String job, Instant since) {
        List<Brief> out = new ArrayList<>();
        db.autocommit(c -> Rows.query(c, "SELECT p.id, p.time, p.status, p.kind, group_concat(a.source, char(10))"
                + " FROM restore_points p LEFT JOIN artifacts a ON a.point = p.id WHERE p.job = ? AND p.time >= ?"
                + " GROUP BY p.id ORDER BY p.time DESC, p.id DESC", row -> {
                    String sources = row.getString(5);
                    return out.add(new Brief(row.getString(1), Rows.instant(row, "time"),
                            RunStatus.fromId(row.getString(3)), PointKind.fromId(row.getString(4)),
                            sources == null ? List.of() : List.of(sources.split("\n"))));
                }, job, since));
        return out;
    }

    /** A point as retention sees it; {@code sources} those it holds an artifact of. */
    public record Brief(String id, Instant time, RunStatus status, PointKind kind, List<String> sources) {
    }

    public Optional<RecordedPoint> find(String id) {
        return db.autocommit(c -> first(load(c, " WHERE p.id = ?" + NEWEST_FIRST, id)));
    }

    /** The latest succeeded point of {@code job} taken at or before {@code time}: what "restore to 14:00" means. */
    public Optional<RecordedPoint> atOrBefore(String job, Instant time) {
        return db.autocommit(c -> first(load(c, " WHERE p.id = (SELECT id FROM restore_points"
                + " WHERE job = ? AND time <= ?" + LATEST_RESTORABLE + ")" + NEWEST_FIRST, job, time)));
    }

    /** The latest succeeded point holding an artifact of {@code source}, taken at or before {@code time}. */
    public Optional<RecordedPoint> atOrBeforeForSource(String source, Instant time) {
        return db.autocommit(c -> first(load(c, " WHERE p.id = (SELECT id FROM restore_points WHERE time <= ?"
                + " AND id IN (SELECT point FROM artifacts WHERE source = ?)" + LATEST_RESTORABLE + ")"
                + NEWEST_FIRST, time, source)));
    }

    /**
     * Replaces everything the catalogue knows about the points in {@code vault} (points, artifacts,
     * file indexes) with {@code points}, read from the vault's manifests, in one transaction. A
     * point that was already known keeps its link to its run, and its artifacts their checks.
     */
    public void rebuildVault(String vault, List<RecordedPoint> points) {
        db.write(c -> {
            VaultRebuild.replace(c, vault, points);
            return null;
        });
    }

    /**
     * As {@link #rebuildVault(String, List)}, with each artifact's file list from {@code lists},
     * all in one transaction: the catalogue ends with the whole vault or, if any list cannot be
     * read, as it was. The write lock is held throughout (about 50 s of CPU for 5 million files), which
     * a disaster recovery can afford and a half-rebuilt catalogue could not.
     *
     * @throws java.io.UncheckedIOException when a file list cannot be read, with the reader's message
     */
    public void rebuildVault(String vault, List<RecordedPoint> points, FileLists lists) {
        db.write(c -> {
            int cacheSize = FileIndexLoad.begin(c);
            try {
                VaultRebuild.replace(c, vault, points);
                FileIndexLoad.load(c, points, lists);
                FileIndexLoad.end(c);
            } finally {
                FileIndexLoad.restoreCache(c, cacheSize);
            }
            return null;
        });
    }

    /** Forgets a point, its artifacts and its file index (the vault folder is the caller's to delete). */
    public void remove(String id) {
        db.write(c -> {
            if (Rows.update(c, "DELETE FROM restore_points WHERE id = ?", id) == 0) {
                throw new CatalogException("restore point '" + id + "' does not exist");
            }
            return null;
        });
    }

    /**
     * Forgets a point, as {@link #remove}, unless it is held (by a hold, or as a pre-restore safety
     * point not released) when this transaction runs: the check and the delete are one write, so a
     * hold taken by another process after a prune was planned still wins. False when it was held.
     */
    public boolean removeUnlessHeld(String id) {
        return db.write(c -> {
            if (Rows.exists(c, "SELECT 1 FROM holds WHERE point = ?", id) || Rows.exists(c, "SELECT 1 FROM"
                    + " restore_points WHERE id = ? AND kind = 'pre-restore' AND released IS NULL", id)) {
                return false;
            }
            if (Rows.update(c, "DELETE FROM restore_points WHERE id = ?", id) == 0) {
                throw new CatalogException("restore point '" + id + "' does not exist");
            }
            return true;
        });
    }

    /** Hands a pre-restore safety point over to the job's retention policy. */
    public void release(String id) {
        db.write(c -> {
            PointKind kind = Rows.queryOne(c, "SELECT kind FROM restore_points WHERE id = ?",
                    row -> PointKind.fromId(row.getString(1)), id)
                    .orElseThrow(() -> new CatalogException("restore point '" + id + "' does not exist"));
            if (kind != PointKind.PRE_RESTORE) {
                throw new CatalogException("restore point '" + id + "' is a normal point; only pre-restore safety"
                        + " points are held until released");
            }
            Rows.update(c, "UPDATE restore_points SET released = ? WHERE id = ? AND released IS NULL",
                    java.time.Instant.now(), id);
            return null;
        });
    }

    /** Ids of {@code job}'s pre-restore points that have been released. */
    public java.util.Set<String> released(String job) {
        return db.autocommit(c -> java.util.Set.copyOf(Rows.names(c,
                "SELECT id FROM restore_points WHERE kind = 'pre-restore' AND released IS NOT NULL AND job = ?", job)));
    }

    static boolean runExists(Connection c, long run) throws SQLException {
        return Rows.exists(c, "SELECT 1 FROM runs WHERE id = ?", run);
    }

    static void insert(Connection c, RecordedPoint recorded) throws SQLException {
        RestorePoint p = recorded.point();
        Rows.update(c, "INSERT INTO restore_points (id, run, job, server, vault, time, status, location, kind)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", p.id(),
                recorded.run().isPresent() ? recorded.run().getAsLong() : null, p.job(), p.server(), p.vault(),
                p.time(), p.status().id(), p.location(), recorded.kind().id());
        for (String source : recorded.manifests().keySet()) {
            if (p.artifacts().stream().noneMatch(a -> a.source().equals(source))) {
                throw new CatalogException("restore point '" + p.id() + "' has a manifest for source '" + source
                        + "' but no artifact of it");
            }
        }
        for (Artifact a : p.artifacts()) {
            Map<String, String> manifest = recorded.manifest(a.source());
            Rows.update(c, "INSERT INTO artifacts (point, source, kind, path, size, sha256, manifest)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", p.id(), a.source(), a.kind().id(), a.path(), a.size(),
                    a.sha256(), manifest.isEmpty() ? null : toJson(manifest));
        }
    }

    static List<RecordedPoint> load(Connection c, String where, Object... params) throws SQLException {
        Map<String, PointRows> byId = new LinkedHashMap<>();
        Rows.query(c, SELECT + where, row -> {
            PointRows point = byId.computeIfAbsent(row.getString("id"), id -> new PointRows());
            point.add(row);
            return null;
        }, params);
        List<RecordedPoint> points = new ArrayList<>();
        for (PointRows rows : byId.values()) {
            points.add(rows.toPoint());
        }
        return points;
    }

    private static Optional<RecordedPoint> first(List<RecordedPoint> points) {
        return points.isEmpty() ? Optional.empty() : Optional.of(points.get(0));
    }

    private static String toJson(Map<String, String> manifest) {
        try {
            return Json.MAPPER.writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    private static Map<String, String> fromJson(String pointId, String json) {
        try {
            return Json.MAPPER.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new CatalogException("restore point '" + pointId + "' has an unreadable manifest in the catalogue;"
                    + " rebuild the catalogue from the vault", e);
        }
    }

    /** The joined rows of one point, one per artifact, gathered back into a point. */
    private static final class PointRows {
        private boolean started;
        private String id;
        private OptionalLong run;
        private String job;
        private String server;
        private String vault;
        private Instant time;
        private RunStatus status;
        private String location;
        private PointKind kind;
        private final List<Artifact> artifacts = new ArrayList<>();
        private final Map<String, Map<String, String>> manifests = new HashMap<>();

        void add(ResultSet row) throws SQLException {
            if (!started) {
                started = true;
                id = row.getString("id");
                long runId = row.getLong("run");
                run = row.wasNull() ? OptionalLong.empty() : OptionalLong.of(runId);
                job = row.getString("job");
                server = row.getString("server");
                vault = row.getString("vault");
                time = Rows.instant(row, "time");
                status = RunStatus.fromId(row.getString("status"));
                location = row.getString("location");
                kind = PointKind.fromId(row.getString("point_kind"));
            }
            String source = row.getString("source");
            if (source == null) {
                return;
            }
            artifacts.add(new Artifact(source, SourceKind.fromId(row.getString("artifact_kind")),
                    row.getString("path"), row.getLong("size"), row.getString("sha256")));
            String manifest = row.getString("manifest");
            if (manifest != null) {
                manifests.put(source, fromJson(id, manifest));
            }
        }

        RecordedPoint toPoint() {
            return new RecordedPoint(new RestorePoint(id, server, job, vault, time, status, location, artifacts),
                    run, kind, manifests);
        }
    }
}
