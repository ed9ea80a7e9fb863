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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every job's objectives, checked against the catalogue. */
public final class ObjectiveStatuses {
    private ObjectiveStatuses() {
    }

    /**
     * Jobs that have objectives, in the catalogue's job order. Which jobs have objectives, and
     * where each copies offsite, are read once for all jobs; only a job with objectives reads its
     * own points.
     */
    public static List<JobObjectives> collect(Catalog catalog, Instant now) {
        Map<String, ObjectiveStore.Stored> stored = catalog.objectives().all();
        if (stored.isEmpty()) {
            return List.of();
        }
        Map<String, CopySettings> copies = catalog.copies().copyOfEachJob();
        List<JobObjectives> out = new ArrayList<>();
        for (Job job : catalog.jobs().list()) {
            Optional.ofNullable(stored.get(job.name())).map(s -> of(catalog, job, s,
                    Optional.ofNullable(copies.get(job.name())), now)).ifPresent(out::add);
        }
        return out;
    }

    /** One job's objectives, read for that job alone: the same answer as its entry of {@link #collect}. */
    public static Optional<JobObjectives> of(Catalog catalog, Job job, Instant now) {
        return catalog.objectives().find(job.name()).map(s -> of(catalog, job, s, catalog.copies().copyOf(job.name()),
                now));
    }

    private static JobObjectives of(Catalog catalog, Job job, ObjectiveStore.Stored stored,
                                    Optional<CopySettings> copy, Instant now) {
        var o = stored.objectives();
        // the newest complete points, a page of the history: what both objectives are measured on
        // (reading all of a job's years of points made each dashboard refresh cost seconds). The
        // newest few points nearly always settle both (the newest good point, each source's newest
        // size); the page is read only when they do not, so the answer is the page's either way.
        List<RecordedPoint> few = newestComplete(catalog, job.name(), FEW);
        List<RecordedPoint> points = few.size() < FEW || settles(catalog, job, few) ? few
                : newestComplete(catalog, job.name(), PAGE);
        Optional<RecordedPoint> newestGood = newestGood(catalog, points).or(() -> points.size() < PAGE
                ? Optional.empty() : newestGood(catalog, newestComplete(catalog, job.name(), Integer.MAX_VALUE)));
        Optional<Verdict> rpo = o.rpo().map(target -> ObjectiveCheck.rpo(target, stored.since(),
                newestGood.map(p -> p.point().time()),
                catalog.runs().succeededSince(job.name(), stored.since()), now));
        Optional<Verdict> rto = o.rto().map(target -> ObjectiveCheck.rto(target, facts(catalog, job, points),
                points.isEmpty() ? stored.since() : points.get(0).point().time()));
        Optional<Verdict> offsite = o.rpo().flatMap(target -> copy.map(c ->
                ObjectiveCheck.offsiteRpo(target, c.vault(), stored.since(), copiedTimes(catalog, job.name(),
                        c.vault()), now)));
        return ObjectiveCheck.of(job.name(), o, rpo, rto, offsite);
    }

    /** When each of the job's points copied to {@code vault} was taken, oldest first. */
    private static List<Instant> copiedTimes(Catalog catalog, String job, String vault) {
        return catalog.copies().copiedOfJob(job, vault).stream().map(c -> c.pointTime()).sorted().toList();
    }

    private static final int PAGE = 100;
    private static final int FEW = 4;

    /**
     * Whether these newest points hold what a whole page would be asked for: a point no check
     * found damaged, and an artifact of each of the job's sources.
     */
    private static boolean settles(Catalog catalog, Job job, List<RecordedPoint> newestFirst) {
        return newestGood(catalog, newestFirst).isPresent() && job.sources().stream().allMatch(source -> newestFirst
                .stream().anyMatch(p -> p.point().artifacts().stream().anyMatch(a -> a.source().equals(source))));
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
