package app.mamori.engine.objective;

import app.mamori.model.Objectives;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The RPO and RTO verdicts from plain facts. Pure. */
public final class ObjectiveCheck {
    private ObjectiveCheck() {
    }

    /** A source's newest drill: how long its restore took, and how big the artifact it restored was. */
    public record Drill(Duration recovery, long drilledBytes, Instant time) {
    }

    /** One source of the job: today's size, and its newest drill if it has one. */
    public record SourceFacts(String source, long currentBytes, Optional<Drill> drill) {
    }

    /**
     * The age of the newest good point against the RPO. A job with no good point counts from
     * {@code objectiveSince}, as an overdue job counts from its schedule's start.
     *
     * @param successes start times of the job's succeeded runs from {@code objectiveSince} on, oldest first:
     *                  where one followed the one before by more than the RPO, the objective was missed in between
     */
    public static Verdict rpo(Duration target, Instant objectiveSince, Optional<Instant> newestGood,
                              List<Instant> successes, Instant now) {
        Instant reference = newestGood.orElse(objectiveSince);
        Duration margin = target.minus(Duration.between(reference, now));
        Optional<Duration> age = newestGood.map(t -> Duration.between(t, now));
        String detail = newestGood.map(t -> "newest good point taken " + t)
                .orElse("no good restore point yet; counting from when the objective was set, " + objectiveSince);
        if (margin.isNegative()) {
            return new Verdict(Verdict.Objective.RPO, target, age, Verdict.State.BREACHED, Optional.of(margin),
                    Optional.of(reference.plus(target)), detail);
        }
        Instant spell = objectiveSince;
        Instant previous = objectiveSince;
        for (Instant t : successes) {
            if (t.isBefore(objectiveSince)) {
                continue;
            }
            if (Duration.between(previous, t).compareTo(target) > 0) {
                spell = t;
            }
            previous = t;
        }
        return new Verdict(Verdict.Objective.RPO, target, age, Verdict.State.MET, Optional.of(margin),
                Optional.of(spell), detail);
    }

    /**
     * The RPO checked on the copies in an object vault: the age of the newest point copied to
     * {@code vault} (when that point was taken, not when it was copied: the data it holds is
     * that old), with the gaps between copied points telling since when it is met.
     *
     * @param copied when each point copied there was taken, oldest first
     */
    public static Verdict offsiteRpo(Duration target, String vault, Instant objectiveSince, List<Instant> copied,
                                     Instant now) {
        Optional<Instant> newest = copied.isEmpty() ? Optional.empty() : Optional.of(copied.get(copied.size() - 1));
        Verdict local = rpo(target, objectiveSince, newest, copied, now);
        String detail = newest.map(t -> "newest point copied to vault " + vault + " taken " + t)
                .orElse("no point copied to vault " + vault + " yet; counting from when the objective was set, "
                        + objectiveSince);
        return new Verdict(Verdict.Objective.OFFSITE_RPO, target, local.measured(), local.state(), local.margin(),
                local.since(), detail);
    }

    /**
     * The time to restore every source of the job, one after the other, against the RTO: each
     * source's newest drill time scaled by how much bigger (or smaller) it is today. Unknown while
     * a source has never been drilled.
     *
     * @param asOf when the facts last changed (the newest point): the estimate holds since then at the latest
     */
    public static Verdict rto(Duration target, List<SourceFacts> sources, Instant asOf) {
        List<String> undrilled = new ArrayList<>();
        Duration estimate = Duration.ZERO;
        Instant since = Instant.EPOCH;
        List<String> parts = new ArrayList<>();
        for (SourceFacts s : sources) {
            if (s.drill().isEmpty()) {
                undrilled.add(s.source());
                continue;
            }
            Drill d = s.drill().get();
            Duration scaled = scale(d.recovery(), d.drilledBytes(), s.currentBytes());
            estimate = estimate.plus(scaled);
            since = d.time().isAfter(since) ? d.time() : since;
            parts.add(s.source() + " " + seconds(scaled) + " (drilled " + seconds(d.recovery()) + " on " + d.time()
                    + ")");
        }
        if (!undrilled.isEmpty()) {
            return new Verdict(Verdict.Objective.RTO, target, Optional.empty(), Verdict.State.UNKNOWN, Optional.empty(),
                    Optional.empty(), "never drilled: " + String.join(", ", undrilled) + "; run mamori verify"
                    + " --drill on its newest point");
        }
        since = asOf.isAfter(since) ? asOf : since;
        Duration margin = target.minus(estimate);
        Verdict.State state = margin.isNegative() ? Verdict.State.BREACHED : Verdict.State.MET;
        return new Verdict(Verdict.Objective.RTO, target, Optional.of(estimate), state, Optional.of(margin),
                Optional.of(since), "estimated restore " + seconds(estimate) + ": " + String.join(", ", parts));
    }

    /** A drill's time for today's size: restores grow with the bytes they write. */
    static Duration scale(Duration recovery, long drilledBytes, long currentBytes) {
        if (drilledBytes <= 0 || currentBytes <= 0) {
            return recovery;
        }
        return Duration.ofNanos((long) (recovery.toNanos() * ((double) currentBytes / drilledBytes)));
    }

    /** The objectives a job has, as the catalogue reader found them: both verdicts, or either. */
    static JobObjectives of(String job, Objectives o, Optional<Verdict> rpo, Optional<Verdict> rto,
                            Optional<Verdict> offsiteRpo) {
        return new JobObjectives(job, o.rpo().isPresent() ? rpo : Optional.empty(),
                o.rto().isPresent() ? rto : Optional.empty(), o.rpo().isPresent() ? offsiteRpo : Optional.empty());
    }

    static String seconds(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return String.format(java.util.Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
        }
        return Objectives.format(d.plusSeconds(59));
    }
}
