package app.mamori.engine.timeline;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.JobSchedule;
import app.mamori.catalog.TimelineBucket;
import app.mamori.catalog.TimelineLane;
import app.mamori.catalog.TimelinePoint;
import app.mamori.catalog.TimelineRun;
import app.mamori.catalog.TimelineScope;
import app.mamori.engine.Pruner;
import app.mamori.model.Job;
import app.mamori.retention.PrunePlan;
import app.mamori.retention.Reason;
import app.mamori.schedule.Schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The timeline of a job, a server or every job, read from the catalogue one window of time at a
 * time: the lanes, then each window's points, runs and gaps, and which retention rule keeps each
 * point. Safe to call from any thread; the app calls it off the FX thread.
 */
public final class Timeline implements TimelineSource {
    /** Runs this long after a window's end are read too, since a slot near the end may be answered after it. */
    private static final Duration LOOKAHEAD = Duration.ofDays(8);

    private final Catalog catalog;
    private final Clock clock;
    private final ZoneId zone;

    public Timeline(Catalog catalog, Clock clock, ZoneId zone) {
        this.catalog = catalog;
        this.clock = clock;
        this.zone = zone;
    }

    /** The scope's lanes, refused when the job or server is neither configured nor found in any point. */
    @Override
    public List<TimelineLane> lanes(TimelineScope scope) {
        List<TimelineLane> lanes = catalog.timeline().lanes(scope);
        if (lanes.isEmpty() && scope.job().isPresent() && catalog.jobs().find(scope.job().get()).isEmpty()) {
            throw new IllegalArgumentException("job '" + scope.job().get() + "' does not exist and left no restore"
                    + " points; see mamori job list");
        }
        if (lanes.isEmpty() && scope.server().isPresent() && catalog.servers().find(scope.server().get()).isEmpty()) {
            throw new IllegalArgumentException("server '" + scope.server().get() + "' does not exist and left no"
                    + " restore points; see mamori server list");
        }
        return lanes;
    }

    /** Points, runs and gaps from {@code from} (inclusive) to {@code to} (exclusive); of {@code only} jobs unless empty. */
    @Override
    public TimelineWindow window(TimelineScope scope, Set<String> only, Instant from, Instant to, Duration resolution) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the window ends (" + to + ") before it starts (" + from + ");"
                    + " give --from earlier than --to");
        }
        Set<String> jobs = jobsIn(scope);
        if (!only.isEmpty()) {
            jobs.retainAll(only);
        }
        if (resolution.toMillis() <= 0) {
            List<TimelinePoint> points = catalog.timeline().points(scope, only, from, to);
            List<TimelineRun> runs = catalog.timeline().runs(scope, only, from, to.plus(LOOKAHEAD));
            Gaps.Result gaps = gaps(jobs, job -> runs.stream().filter(r -> r.job().equals(job))
                    .map(TimelineRun::started).toList(), from, to);
            List<TimelineRun> inWindow = runs.stream().filter(r -> r.started().isBefore(to)).toList();
            return new TimelineWindow(from, to, points, inWindow, gaps.gaps(), gaps.cut());
        }
        return summarised(scope, only, jobs, from, to, resolution);
    }

    /**
     * A view's window: a job with more points than the window has buckets of {@code resolution} (more
     * than one per mark's width, on average) is summed up per bucket in SQL instead of read point by
     * point, since a view could not tell its marks apart; the others come as points. Only failed runs
     * are read, and the starts of scheduled jobs' runs for their gaps.
     */
    private TimelineWindow summarised(TimelineScope scope, Set<String> only, Set<String> jobs, Instant from,
                                      Instant to, Duration resolution) {
        long buckets = Math.max(1, Duration.between(from, to).toMillis() / resolution.toMillis());
        Set<String> exact = new HashSet<>();
        Set<String> dense = new HashSet<>();
        catalog.timeline().pointCounts(scope, only, from, to).forEach((job, count) ->
                (count > buckets ? dense : exact).add(job));
        List<TimelinePoint> points = exact.isEmpty() ? List.of() : catalog.timeline().points(scope, exact, from, to);
        List<TimelineBucket> summed = dense.isEmpty() ? List.of()
                : catalog.timeline().buckets(scope, dense, from, to, from, resolution);
        List<TimelineRun> failed = catalog.timeline().failedRuns(scope, only, from, to);
        Gaps.Result gaps = gaps(jobs, job -> catalog.timeline().runStarts(job, from, to.plus(LOOKAHEAD)), from, to);
        return new TimelineWindow(from, to, points, failed, gaps.gaps(), gaps.cut(), summed,
                summed.isEmpty() ? Duration.ZERO : resolution);
    }

    /** The gaps of the scheduled ones of {@code jobs}, with {@code starts} giving each job's run starts. */
    private Gaps.Result gaps(Set<String> jobs, Function<String, List<Instant>> starts, Instant from, Instant to) {
        Instant now = clock.instant();
        List<Gap> gaps = new ArrayList<>();
        boolean cut = false;
        for (JobSchedule js : catalog.schedules().list()) {
            if (!jobs.contains(js.job())) {
                continue;
            }
            Schedule schedule;
            try {
                schedule = Schedule.parse(js.expression());
            } catch (IllegalArgumentException unreadable) {
                continue; // status and run-due report an unreadable schedule; the timeline just shows no gaps
            }
            Gaps.Result found = Gaps.find(js.job(), schedule, js.since(), starts.apply(js.job()), from, to, now, zone);
            gaps.addAll(found.gaps());
            cut |= found.cut();
        }
        return new Gaps.Result(gaps, cut);
    }

    /**
     * For every point of the scope's configured jobs, what keeps it under its job's retention policy:
     * {@code daily}, {@code weekly}, {@code monthly}, {@code held} (a pre-restore safety point) and the
     * other rules of docs/retention.md. A point with no reason goes at the next prune. Reads each job's
     * whole history (a prune plan per job), so the app asks once per job, for the lanes it reads;
     * of {@code only} jobs unless empty.
     */
    @Override
    public Map<String, List<String>> keptBy(TimelineScope scope, Set<String> only) {
        return keptBy(scope, only, (pruner, job) -> pruner.retention(job));
    }

    /** Plans from {@code since} only ({@link Pruner#retentionSince}): the CLI's window, 3 of its 5.6 s before. */
    @Override
    public Map<String, List<String>> keptBy(TimelineScope scope, Set<String> only, Instant since) {
        return keptBy(scope, only, (pruner, job) -> pruner.retentionSince(job, since));
    }

    private Map<String, List<String>> keptBy(TimelineScope scope, Set<String> only,
                                             BiFunction<Pruner, String, PrunePlan> plan) {
        // Planning a prune reads only the catalogue; no server is contacted.
        Pruner pruner = new Pruner(catalog, null, clock, zone);
        Map<String, List<String>> kept = new HashMap<>();
        Set<String> jobs = jobsIn(scope);
        if (!only.isEmpty()) {
            jobs.retainAll(only);
        }
        for (String job : jobs) {
            for (PrunePlan.Kept k : plan.apply(pruner, job).keep()) {
                Set<String> reasons = new LinkedHashSet<>();
                k.reasons().forEach(r -> reasons.add(label(r.rule())));
                kept.put(k.point().id(), List.copyOf(reasons));
            }
        }
        return kept;
    }

    static String label(Reason.Rule rule) {
        return rule == Reason.Rule.SAFETY_POINT ? "held" : rule.id();
    }

    /** The configured jobs the scope covers. */
    private Set<String> jobsIn(TimelineScope scope) {
        Set<String> jobs = new LinkedHashSet<>();
        for (Job job : catalog.jobs().list()) {
            boolean inScope = scope.job().map(job.name()::equals).orElse(true)
                    && scope.server().map(s -> catalog.sources().find(job.sources().get(0))
                    .map(src -> src.server().equals(s)).orElse(false)).orElse(true);
            if (inScope) {
                jobs.add(job.name());
            }
        }
        return jobs;
    }
}
