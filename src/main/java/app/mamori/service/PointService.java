package app.mamori.service;

import app.mamori.catalog.RecordedPoint;
import app.mamori.catalog.Verification;
import app.mamori.engine.restore.RestoreListener;
import app.mamori.engine.restore.RestorePlan;
import app.mamori.engine.restore.RestorePlanner;
import app.mamori.engine.restore.RestoreResult;
import app.mamori.engine.verify.Verifier;
import app.mamori.engine.verify.VerifyListener;
import app.mamori.engine.verify.VerifyPlan;
import app.mamori.engine.verify.VerifyPlanner;
import app.mamori.engine.verify.VerifyResult;
import app.mamori.util.CancelToken;

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
    public record Listed(RecordedPoint point, Map<String, Verification> latestChecks, boolean released) {
    }

    /** The job's points, oldest first, each with its newest checks. */
    public List<Listed> list(String job) {
        Map<String, Map<String, Verification>> checks = services.catalog().verifications().latestOfJob(job);
        Set<String> released = services.catalog().points().released(job);
        return services.catalog().points().list(job).stream().map(p -> new Listed(p,
                checks.getOrDefault(p.id(), Map.of()), released.contains(p.id()))).toList();
    }

    public Optional<RecordedPoint> find(String id) {
        return services.catalog().points().find(id);
    }

    /** Hands a pre-restore safety copy over to its job's retention, as {@code mamori points release} does. */
    public void release(String id) {
        services.catalog().points().release(id);
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
