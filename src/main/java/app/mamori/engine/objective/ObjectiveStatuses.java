package app.mamori.engine.objective;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.ObjectiveStore;
import app.mamori.catalog.PointCheck;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.RecordedPoint;
import app.mamori.catalog.Verification;
import app.mamori.model.Artifact;
import app.mamori.model.Job;
import app.mamori.model.RunStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every job's objectives, checked against the catalogue. */
public final class ObjectiveStatuses {
    private ObjectiveStatuses() {
    }

    /** Jobs that have objectives, in the catalogue's job order. */
    public static List<JobObjectives> collect(Catalog catalog, Instant now) {
        List<JobObjectives> out = new ArrayList<>();
        for (Job job : catalog.jobs().list()) {
            of(catalog, job, now).ifPresent(out::add);
        }
        return out;
    }

    public static Optional<JobObjectives> of(Catalog catalog, Job job, Instant now) {
        Optional<ObjectiveStore.Stored> stored = catalog.objectives().find(job.name());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        var o = stored.get().objectives();
        List<RecordedPoint> points = catalog.points().list(job.name()).stream()
                .filter(p -> p.kind() == PointKind.NORMAL && p.point().status() == RunStatus.SUCCEEDED).toList();
        Optional<RecordedPoint> newestGood = newestGood(catalog, points);
        Optional<Verdict> rpo = o.rpo().map(target -> ObjectiveCheck.rpo(target, stored.get().since(),
                newestGood.map(p -> p.point().time()),
                catalog.runs().succeededSince(job.name(), stored.get().since()), now));
        Optional<Verdict> rto = o.rto().map(target -> ObjectiveCheck.rto(target, facts(catalog, job, points),
                points.isEmpty() ? stored.get().since() : points.get(0).point().time()));
        return Optional.of(ObjectiveCheck.of(job.name(), o, rpo, rto));
    }

    /** The newest point no check found damaged: what a restore would use. */
    public static Optional<RecordedPoint> newestGood(Catalog catalog, List<RecordedPoint> newestFirst) {
        for (RecordedPoint p : newestFirst) {
            PointCheck check = PointCheck.of(p.point().artifacts().size(),
                    catalog.verifications().latestOfPoint(p.id()));
            if (check.state() != PointCheck.State.FAILED) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static List<ObjectiveCheck.SourceFacts> facts(Catalog catalog, Job job, List<RecordedPoint> points) {
        List<ObjectiveCheck.SourceFacts> out = new ArrayList<>();
        for (String source : job.sources()) {
            long current = points.stream().flatMap(p -> p.point().artifacts().stream())
                    .filter(a -> a.source().equals(source)).findFirst().map(Artifact::size).orElse(0L);
            Optional<ObjectiveCheck.Drill> drill = catalog.verifications().latestDrill(source)
                    .map(v -> new ObjectiveCheck.Drill(v.recovery().orElseThrow(), drilledBytes(catalog, v), v.time()));
            out.add(new ObjectiveCheck.SourceFacts(source, current, drill));
        }
        return out;
    }

    private static long drilledBytes(Catalog catalog, Verification v) {
        return catalog.points().find(v.point()).flatMap(p -> p.point().artifacts().stream()
                .filter(a -> a.source().equals(v.source())).findFirst()).map(Artifact::size).orElse(0L);
    }
}
