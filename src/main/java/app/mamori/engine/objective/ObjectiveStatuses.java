package app.mamori.engine.objective;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.ObjectiveStore;
import app.mamori.catalog.PointCheck;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.RecordedPoint;
import app.mamori.catalog.Verification;
import app.mamori.model.Artifact;
import app.mamori.model.CopySettings;
import app.mamori.model.Job;
import app.mamori.model.RunStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Every job's objectives, checked against the catalogue. */
public final class ObjectiveStatuses {
    private ObjectiveStatuses() {
    }

    /**
     * Jobs that have objectives, in the catalogue's job order. Each kind of fact (which jobs have
     * objectives, where each copies offsite, their newest points and those points' checks, their
     * succeeded runs) is read once for all jobs; a job reads more of its own history only when its
     * newest points do not settle its objectives.
     */
    public static List<JobObjectives> collect(Catalog catalog, Instant now) {
        Map<String, ObjectiveStore.Stored> stored = catalog.objectives().all();
        if (stored.isEmpty()) {
            return List.of();
        }
        Map<String, CopySettings> copies = catalog.copies().copyOfEachJob();
        List<Job> jobs = catalog.jobs().list().stream().filter(j -> stored.containsKey(j.name())).toList();
        Reads reads = readsOfEvery(catalog, jobs, stored);
        List<JobObjectives> out = new ArrayList<>();
        for (Job job : jobs) {
            out.add(of(catalog, job, stored.get(job.name()), Optional.ofNullable(copies.get(job.name())), now, reads));
        }
        return out;
    }

    /** What {@link #of} first reads, for all these jobs at once: a statement per kind of fact. */
    private static Reads readsOfEvery(Catalog catalog, List<Job> jobs, Map<String, ObjectiveStore.Stored> stored) {
        Map<String, List<RecordedPoint>> newest = catalog.points().newestCompleteOfEachJob(
                jobs.stream().map(Job::name).toList(), FEW);
        Map<String, Map<String, Verification>> checks = catalog.verifications().latestOfPoints(newest.values()
                .stream().flatMap(List::stream).map(RecordedPoint::id).toList());
        Map<String, List<Instant>> succeeded = catalog.runs().succeededSinceObjectives();
        Map<String, Verification> drills = new HashMap<>();
        jobs.stream().filter(j -> stored.get(j.name()).objectives().rto().isPresent())
                .flatMap(j -> j.sources().stream()).distinct()
                .forEach(source -> catalog.verifications().latestDrill(source).ifPresent(v -> drills.put(source, v)));
        Map<String, RecordedPoint> drilled = new HashMap<>();
        catalog.points().withIds(drills.values().stream().map(Verification::point).distinct().toList())
                .forEach(p -> drilled.put(p.id(), p));
        Map<String, List<Instant>> copiedSince = catalog.copies().copiedSinceObjectives();
        Map<String, Instant> newestCopied = catalog.copies().newestCopiedOfEachJob();
        return new Reads(job -> newest.getOrDefault(job, List.of()),
                p -> checks.getOrDefault(p.id(), Map.of()), (job, since) -> succeeded.getOrDefault(job, List.of()),
                source -> Optional.ofNullable(drills.get(source)).map(v -> drill(v,
                        Optional.ofNullable(drilled.get(v.point())))),
                // the offsite RPO looks at copies since the objective was set, and at the newest
                (job, vault) -> copiedSince.containsKey(job) ? copiedSince.get(job)
                        : Optional.ofNullable(newestCopied.get(job)).map(List::of).orElse(List.of()));
    }

    /** One job's objectives, read for that job alone: the same answer as its entry of {@link #collect}. */
    public static Optional<JobObjectives> of(Catalog catalog, Job job, Instant now) {
        Reads reads = new Reads(name -> newestComplete(catalog, name, FEW),
                p -> catalog.verifications().latestOfPoint(p.id()),
                (name, since) -> catalog.runs().succeededSince(name, since),
                source -> catalog.verifications().latestDrill(source).map(v -> drill(v,
                        catalog.points().find(v.point()))),
                (name, vault) -> catalog.copies().copiedOfJob(name, vault).stream().map(c -> c.pointTime()).sorted()
                        .toList());
        return catalog.objectives().find(job.name()).map(s -> of(catalog, job, s, catalog.copies().copyOf(job.name()),
                now, reads));
    }

    /** What a job's objectives are first measured on, read for one job or for every job at once. */
    private record Reads(Function<String, List<RecordedPoint>> newestFew,
                         Function<RecordedPoint, Map<String, Verification>> checks,
                         BiFunction<String, Instant, List<Instant>> succeededSince,
                         Function<String, Optional<ObjectiveCheck.Drill>> drillOf,
                         BiFunction<String, String, List<Instant>> copiedTimes) {
    }

    private static JobObjectives of(Catalog catalog, Job job, ObjectiveStore.Stored stored,
                                    Optional<CopySettings> copy, Instant now, Reads reads) {
        var o = stored.objectives();
        // the newest complete points, a page of the history: what both objectives are measured on
        // (reading all of a job's years of points made each dashboard refresh cost seconds). The
        // newest few points nearly always settle both (the newest good point, each source's newest
        // size); the page is read only when they do not, so the answer is the page's either way.
        List<RecordedPoint> few = reads.newestFew().apply(job.name());
        Optional<RecordedPoint> goodOfFew = newestGood(few, reads.checks());
        boolean settled = few.size() < FEW || goodOfFew.isPresent() && holdsEverySource(job, few);
        List<RecordedPoint> points = settled ? few : newestComplete(catalog, job.name(), PAGE);
        Optional<RecordedPoint> newestGood = (settled ? goodOfFew : newestGood(catalog, points)).or(() ->
                points.size() < PAGE ? Optional.empty()
                        : newestGood(catalog, newestComplete(catalog, job.name(), Integer.MAX_VALUE)));
        Optional<Verdict> rpo = o.rpo().map(target -> ObjectiveCheck.rpo(target, stored.since(),
                newestGood.map(p -> p.point().time()), reads.succeededSince().apply(job.name(), stored.since()), now));
        Optional<Verdict> rto = o.rto().map(target -> ObjectiveCheck.rto(target, facts(job, points, reads.drillOf()),
                points.isEmpty() ? stored.since() : points.get(0).point().time()));
        Optional<Verdict> offsite = o.rpo().flatMap(target -> copy.map(c ->
                ObjectiveCheck.offsiteRpo(target, c.vault(), stored.since(),
                        reads.copiedTimes().apply(job.name(), c.vault()), now)));
        return ObjectiveCheck.of(job.name(), o, rpo, rto, offsite);
    }

    private static final int PAGE = 100;
    private static final int FEW = 4;


    /** Whether these points hold an artifact of each of the job's sources. */
    private static boolean holdsEverySource(Job job, List<RecordedPoint> points) {
        return job.sources().stream().allMatch(source -> points.stream()
                .anyMatch(p -> p.point().artifacts().stream().anyMatch(a -> a.source().equals(source))));
    }

    /** Up to {@code count} of the job's newest complete normal points, newest first, read a page at a time. */
    private static List<RecordedPoint> newestComplete(Catalog catalog, String job, int count) {
        List<RecordedPoint> out = new ArrayList<>();
        RecordedPoint after = null;
        int size = Math.min(count, PAGE);
        while (out.size() < count) {
            List<RecordedPoint> page = catalog.points().page(job, after, size);
            for (RecordedPoint p : page) {
                if (p.kind() == PointKind.NORMAL && p.point().status() == RunStatus.SUCCEEDED && out.size() < count) {
                    out.add(p);
                }
            }
            if (page.size() < size) {
                break;
            }
            after = page.get(page.size() - 1);
        }
        return out;
    }

    /** The newest point no check found damaged: what a restore would use. */
    public static Optional<RecordedPoint> newestGood(Catalog catalog, List<RecordedPoint> newestFirst) {
        return newestGood(newestFirst, p -> catalog.verifications().latestOfPoint(p.id()));
    }

    private static Optional<RecordedPoint> newestGood(List<RecordedPoint> newestFirst,
                                                      Function<RecordedPoint, Map<String, Verification>> checks) {
        for (RecordedPoint p : newestFirst) {
            PointCheck check = PointCheck.of(p.point().artifacts().size(), checks.apply(p));
            if (check.state() != PointCheck.State.FAILED) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static List<ObjectiveCheck.SourceFacts> facts(Job job, List<RecordedPoint> points,
                                                          Function<String, Optional<ObjectiveCheck.Drill>> drillOf) {
        List<ObjectiveCheck.SourceFacts> out = new ArrayList<>();
        for (String source : job.sources()) {
            long current = points.stream().flatMap(p -> p.point().artifacts().stream())
                    .filter(a -> a.source().equals(source)).findFirst().map(Artifact::size).orElse(0L);
            out.add(new ObjectiveCheck.SourceFacts(source, current, drillOf.apply(source)));
        }
        return out;
    }

    /** A drill with the size of what it restored, from the point it drilled (0 when that point is gone). */
    private static ObjectiveCheck.Drill drill(Verification v, Optional<RecordedPoint> drilled) {
        return new ObjectiveCheck.Drill(v.recovery().orElseThrow(), drilled.flatMap(p -> p.point().artifacts().stream()
                .filter(a -> a.source().equals(v.source())).findFirst()).map(Artifact::size).orElse(0L), v.time());
    }
}
