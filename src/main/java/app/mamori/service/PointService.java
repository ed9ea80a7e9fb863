package app.mamori.service;

import app.mamori.catalog.PointCheck;
import app.mamori.catalog.RecordedPoint;
import app.mamori.catalog.Verification;
import app.mamori.engine.restore.LastKnownGood;
import app.mamori.engine.restore.RestoreListener;
import app.mamori.engine.restore.RestoreTarget;
import app.mamori.engine.restore.TablesNow;
import app.mamori.engine.restore.RestorePlan;
import app.mamori.engine.restore.RestorePlanner;
import app.mamori.engine.restore.RestoreResult;
import app.mamori.engine.verify.Verifier;
import app.mamori.engine.verify.VerifyListener;
import app.mamori.engine.verify.VerifyPlan;
import app.mamori.engine.verify.VerifyPlanner;
import app.mamori.engine.verify.VerifyResult;
import app.mamori.model.Artifact;
import app.mamori.util.CancelToken;

import java.time.Instant;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Restore points: what each job has, their checks, verify, restore, and safety copies. */
public final class PointService {
    private final Services services;

    PointService(Services services) {
        this.services = services;
    }

    /** A point with the newest check of each of its artifacts, and whether its safety hold was released. */
    /** @param hold why no prune may remove it (a hold, an incident, an unreleased safety copy), when one does */
    public record Listed(RecordedPoint point, Map<String, Verification> latestChecks, boolean released,
                         Optional<String> hold) {
    }

    /** The job's points, newest first, each with its newest checks. */
    public List<Listed> list(String job) {
        Map<String, Map<String, Verification>> checks = services.catalog().verifications().latestOfJob(job);
        Set<String> released = services.catalog().points().released(job);
        Map<String, String> holds = services.incidents().holdsOfJob(job);
        return services.catalog().points().list(job).stream().map(p -> new Listed(p,
                checks.getOrDefault(p.id(), Map.of()), released.contains(p.id()),
                Optional.ofNullable(holds.get(p.id())))).toList();
    }

    /** Per job, its complete points and the bytes their artifacts take. */
    public Map<String, app.mamori.catalog.PointStore.Totals> totals() {
        return services.catalog().points().totals();
    }

    /**
     * The job's points (every job's when null), newest first, handed over {@code pageSize} at a time
     * as {@link #list} gives them: a listing of any length in flat memory, one query per page.
     */
    public void forEachPage(String job, int pageSize, java.util.function.Consumer<List<Listed>> page) {
        Map<String, Set<String>> released = new java.util.HashMap<>();
        Map<String, Map<String, String>> holds = new java.util.HashMap<>();
        RecordedPoint after = null;
        while (true) {
            List<Listed> listed = page(job, after, pageSize, released, holds);
            if (listed.isEmpty()) {
                return;
            }
            page.accept(listed);
            if (listed.size() < pageSize) {
                return;
            }
            after = listed.get(listed.size() - 1).point();
        }
    }

    /**
     * One page of {@link #list}: at most {@code limit} of the job's points older than {@code after}
     * (null: from the newest). A page shows one screen of a history of any length.
     */
    public List<Listed> page(String job, RecordedPoint after, int limit) {
        return page(job, after, limit, new java.util.HashMap<>(), new java.util.HashMap<>());
    }

    private List<Listed> page(String job, RecordedPoint after, int limit, Map<String, Set<String>> released,
                              Map<String, Map<String, String>> holds) {
        List<RecordedPoint> points = services.catalog().points().page(job, after, limit);
        Map<String, Map<String, Verification>> checks = services.catalog().verifications()
                .latestOfPoints(points.stream().map(RecordedPoint::id).toList());
        return points.stream().map(p -> new Listed(p, checks.getOrDefault(p.id(), Map.of()),
                released.computeIfAbsent(p.point().job(), services.catalog().points()::released).contains(p.id()),
                Optional.ofNullable(holds.computeIfAbsent(p.point().job(), services.incidents()::holdsOfJob)
                        .get(p.id())))).toList();
    }

    /** How many points the job has: what a page of them is out of. */
    public long count(String job) {
        return services.catalog().points().count(job);
    }

    /** A point as a restore of one source sees it: that source's artifact and its newest check. */
    public record OfSource(RecordedPoint point, Artifact artifact, PointCheck check) {
    }

    /**
     * A page of the points holding {@code source}, newest first: at most {@code limit} older than
     * {@code after} (null: from the newest), each with the newest check of its artifact. One query
     * of the (source, time) index, however long the source's history.
     */
    public List<OfSource> ofSource(String source, RecordedPoint after, int limit) {
        return ofSource(source, history().page(source, after, limit));
    }

    /**
     * The page of {@code source}'s points around point {@code pointId} ({@code limit} in all, about
     * half newer), newest first: a point chosen far back in the history, shown among its neighbours.
     * Empty when the point is gone or does not hold the source.
     */
    public List<OfSource> ofSourceAround(String source, String pointId, int limit) {
        return find(pointId).filter(p -> p.point().artifacts().stream().anyMatch(a -> a.source().equals(source)))
                .map(p -> ofSource(source, history().around(source, p, limit))).orElse(List.of());
    }

    /** How many points hold {@code source}: what a page of them is out of. */
    public long countOfSource(String source) {
        return history().count(source);
    }

    /** The point of {@code source} just older than {@code than}: what a point is compared with. */
    public Optional<OfSource> olderOfSource(String source, RecordedPoint than) {
        return ofSource(source, than, 1).stream().findFirst();
    }

    private List<OfSource> ofSource(String source, List<RecordedPoint> points) {
        Map<String, Map<String, Verification>> checks = services.catalog().verifications()
                .latestOfPoints(points.stream().map(RecordedPoint::id).toList());
        return points.stream().map(p -> {
            Artifact a = p.point().artifacts().stream().filter(x -> x.source().equals(source)).findFirst()
                    .orElseThrow();
            Verification v = checks.getOrDefault(p.id(), Map.of()).get(source);
            return new OfSource(p, a, PointCheck.of(1, v == null ? Map.of() : Map.of(source, v)));
        }).toList();
    }

    private app.mamori.catalog.SourceHistory history() {
        return services.catalog().sourceHistory();
    }

    /**
     * The point an incident restore of {@code source} should start from: the newest one taken before
     * {@code before} (or the newest of all, when the admin does not know) whose check passed, else the
     * newest not found damaged; see {@link LastKnownGood}. Reads the source's history newest first
     * only as far as the answer needs.
     */
    public LastKnownGood.Choice lastKnownGood(String source, Optional<Instant> before) {
        LastKnownGood.Walk walk = new LastKnownGood.Walk(before, history().everVerified(source));
        history().walk(source, before, walk::offer);
        LastKnownGood.Found found = walk.result();
        return new LastKnownGood.Choice(found.id().flatMap(this::find), found.why(), found.skipped());
    }

    /**
     * Which of {@code paths} (absolute, as on the server) the point's file index of {@code source}
     * does not hold: a restore of a path in no backup would succeed and restore nothing.
     */
    public List<String> notInPoint(String pointId, String source, List<String> paths) {
        return RestorePlanner.missingPaths(services.catalog(), pointId, source, paths);
    }

    /**
     * The tables of {@code source} with their row counts as they are now on its server: the live
     * database ({@link RestoreTarget.InPlace}) or a copy a restore made ({@code NewDatabase}, or a
     * SQLite {@code ToPath}). Connects to the server; call from a worker thread.
     *
     * @param pointId the point the copy came from, whose dump tool says which client reads it
     */
    public Map<String, Long> tablesNow(String source, RestoreTarget where, Optional<String> pointId)
            throws java.io.IOException {
        app.mamori.model.Source s = services.sources().get(source);
        Optional<String> dump = pointId.flatMap(this::find).map(p -> p.manifest(source).get("command"));
        return new TablesNow(services.ssh(), services.secrets()).count(services.servers().get(s.server()), s, where,
                dump);
    }

    /**
     * What changed in the files source {@code source} on its server since point {@code pointId}:
     * paths added, removed and changed (size or modification time), from the listing a backup
     * runs beside the point's file list. Connects to the server; call from a worker thread.
     */
    public PointDiff.Files filesNow(String source, String pointId) throws java.io.IOException {
        if (!(services.sources().get(source) instanceof app.mamori.model.Source.Files files)) {
            throw new IllegalArgumentException("source '" + source + "' is not a files source; its folders cannot"
                    + " be listed");
        }
        app.mamori.catalog.TreeDiff d = new app.mamori.engine.restore.FilesNow(services.ssh(), services.catalog())
                .since(services.servers().get(files.server()), files, pointId);
        return new PointDiff.Files(source, shown(d.added()), shown(d.removed()), shown(d.changed()));
    }

    private static List<String> shown(List<byte[]> paths) {
        return paths.stream().map(app.mamori.source.files.NameCodec::display).toList();
    }

    /**
     * PostgreSQL: the tables of {@code source}'s live database that other tables reference by
     * foreign key (referenced to referencing), which an in-place restore of that table alone cannot
     * replace. Connects to the server; call from a worker thread.
     */
    public Map<String, Set<String>> referencedBy(String source) throws java.io.IOException {
        app.mamori.model.Source s = services.sources().get(source);
        return new TablesNow(services.ssh(), services.secrets()).referencedBy(services.servers().get(s.server()), s);
    }

    public Optional<RecordedPoint> find(String id) {
        return services.catalog().points().find(id);
    }

    public VerifyPlan planVerify(VerifyPlanner.Selection selection, boolean drill) {
        return new VerifyPlanner(services.catalog()).plan(selection, drill);
    }

    public VerifyResult verify(VerifyPlan plan, VerifyListener listener, CancelToken cancel) {
        return new Verifier(services.catalog(), services.ssh(), services.secrets(), services.clock())
                .execute(plan, listener, cancel);
    }

    public RestorePlan planRestore(RestorePlanner.Request request) {
        return new RestorePlanner(services.catalog()).plan(request);
    }

    public RestoreResult restore(RestorePlan plan, RestoreListener listener, CancelToken cancel) {
        return services.restoreEngine().execute(plan, listener, cancel);
    }
}
