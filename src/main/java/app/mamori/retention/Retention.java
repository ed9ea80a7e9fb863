package app.mamori.retention;

import app.mamori.model.RetentionPolicy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Plans a prune: restic's {@code forget} rules on the wall clock of the workstation's time zone.
 *
 * <p>Points are taken newest first. keep-last keeps the first N. Each period rule walks the
 * same list and keeps a point whenever it starts a period (hour, day, ISO week from Monday,
 * calendar month, year) not seen before, until it has kept N; so it keeps the newest point of
 * each of the N newest periods that have one. The rules run independently: a point one rule
 * keeps still counts for the others, and is kept once with every reason. Points whose check
 * found damage are passed over by every rule, so keep-last 1 with a damaged newest point still
 * keeps a good one; they are kept only while newer than every good point (in an incident the
 * newest copy may still be the best one left). Never removed, whatever the rules say: held
 * pre-restore safety points and held points, the newest verified point (the newest good point when none is
 * verified), points dated in the future, and everything when the last run failed. Held points
 * (by hand or by an incident) are treated exactly as held safety points: kept, and not counted.
 */
public final class Retention {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:00 xxx");

    private Retention() {
    }

    public static PrunePlan plan(List<Candidate> points, RetentionPolicy policy, Instant now, ZoneId zone,
                                 boolean lastRunFailed) {
        List<Candidate> newestFirst = points.stream()
                .sorted(Comparator.comparing(Candidate::time).thenComparing(Candidate::id).reversed()).toList();
        if (policy.keepsAll()) {
            return keepAll(newestFirst, Reason.Rule.NO_POLICY, "no retention policy is set: every point is kept");
        }
        if (lastRunFailed) {
            return keepAll(newestFirst, Reason.Rule.LAST_RUN_FAILED, "the job's last run failed or was interrupted:"
                    + " nothing is removed until a run succeeds");
        }
        Map<Candidate, List<Reason>> kept = new LinkedHashMap<>();
        newestFirst.forEach(p -> kept.put(p, new ArrayList<>()));
        List<Candidate> counted = new ArrayList<>();
        List<Candidate> failed = new ArrayList<>();
        for (Candidate p : newestFirst) {
            if (p.held()) {
                if (p.safetyHeld()) {
                    kept.get(p).add(new Reason(Reason.Rule.SAFETY_POINT, ""));
                }
                p.hold().ifPresent(why -> kept.get(p).add(new Reason(Reason.Rule.HELD, "(" + why + ")")));
            } else if (p.time().isAfter(now)) {
                kept.get(p).add(new Reason(Reason.Rule.FUTURE, ""));
            } else if (p.checkFailed()) {
                failed.add(p);
            } else {
                counted.add(p);
            }
        }
        Optional<Instant> newestGood = counted.stream().findFirst().map(Candidate::time);
        failed.stream().filter(p -> newestGood.map(t -> p.time().isAfter(t)).orElse(true))
                .forEach(p -> kept.get(p).add(new Reason(Reason.Rule.CHECK_FAILED_NEWEST, "")));
        for (int i = 0; i < Math.min(policy.last(), counted.size()); i++) {
            kept.get(counted.get(i)).add(new Reason(Reason.Rule.LAST, ""));
        }
        periods(counted, zone, kept, Reason.Rule.HOURLY, policy.hourly(),
                t -> t.truncatedTo(ChronoUnit.HOURS).format(HOUR));
        periods(counted, zone, kept, Reason.Rule.DAILY, policy.daily(), t -> t.toLocalDate().toString());
        periods(counted, zone, kept, Reason.Rule.WEEKLY, policy.weekly(), t -> String.format("%d-W%02d",
                t.get(IsoFields.WEEK_BASED_YEAR), t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        periods(counted, zone, kept, Reason.Rule.MONTHLY, policy.monthly(), t -> String.format("%d-%02d",
                t.getYear(), t.getMonthValue()));
        periods(counted, zone, kept, Reason.Rule.YEARLY, policy.yearly(), t -> Integer.toString(t.getYear()));
        Optional<Candidate> verified = counted.stream().filter(Candidate::verified).findFirst();
        if (verified.isPresent()) {
            kept.get(verified.get()).add(new Reason(Reason.Rule.NEWEST_VERIFIED, ""));
        } else if (!counted.isEmpty()) {
            kept.get(counted.get(0)).add(new Reason(Reason.Rule.NEWEST, "(none verified yet)"));
        }
        List<PrunePlan.Kept> keep = new ArrayList<>();
        List<Candidate> remove = new ArrayList<>();
        kept.forEach((p, reasons) -> {
            if (reasons.isEmpty()) {
                remove.add(p);
            } else {
                keep.add(new PrunePlan.Kept(p, reasons));
            }
        });
        return new PrunePlan(keep, remove, Optional.empty());
    }

    private static PrunePlan keepAll(List<Candidate> newestFirst, Reason.Rule rule, String why) {
        List<PrunePlan.Kept> keep = newestFirst.stream()
                .map(p -> new PrunePlan.Kept(p, List.of(new Reason(rule, "")))).toList();
        return new PrunePlan(keep, List.of(), Optional.of(why));
    }

    private static void periods(List<Candidate> newestFirst, ZoneId zone, Map<Candidate, List<Reason>> kept, Reason.Rule rule,
                                int count, Function<ZonedDateTime, String> period) {
        int left = count;
        String previous = null;
        for (Candidate p : newestFirst) {
            if (left == 0) {
                return;
            }
            String key = period.apply(p.time().atZone(zone));
            if (!key.equals(previous)) {
                kept.get(p).add(new Reason(rule, key));
                left--;
                previous = key;
            }
        }
    }
}
