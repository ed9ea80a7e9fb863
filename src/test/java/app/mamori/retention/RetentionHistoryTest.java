package app.mamori.retention;

import app.mamori.model.RetentionPolicy;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three years of hourly points, with the gaps a workstation that is sometimes off leaves, pruned
 * by a GFS policy, checked against the kept set computed by plain, independent rules: per
 * period, group the points and take the newest of each of the newest N groups.
 */
class RetentionHistoryTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final RetentionPolicy POLICY = new RetentionPolicy(5, 24, 14, 8, 24, 5);

    @Test
    void threeYearsOfHourlyPointsKeepExactlyWhatTheSimpleRulesSay() {
        List<Candidate> points = history(new Random(42));
        Instant now = points.get(points.size() - 1).time().plus(Duration.ofMinutes(10));

        PrunePlan plan = Retention.plan(points, POLICY, now, BERLIN, false);

        Map<Candidate, Set<Reason.Rule>> expected = expected(points);
        Map<Candidate, Set<Reason.Rule>> actual = new HashMap<>();
        plan.keep().forEach(k -> actual.put(k.point(), rules(k)));
        assertThat(actual).isEqualTo(expected);
        assertThat(plan.keep().size() + plan.remove().size()).isEqualTo(points.size());
        assertThat(plan.remove()).doesNotContainAnyElementsOf(expected.keySet());
        assertThat(plan.keep().size()).as("a few dozen of %d points", points.size()).isBetween(40, 80);
    }

    @Test
    void pruningTheKeptSetAgainRemovesNothing() {
        List<Candidate> points = history(new Random(7));
        Instant now = points.get(points.size() - 1).time().plusSeconds(60);

        List<Candidate> kept = Retention.plan(points, POLICY, now, BERLIN, false).keep().stream()
                .map(PrunePlan.Kept::point).toList();
        PrunePlan again = Retention.plan(kept, POLICY, now, BERLIN, false);

        assertThat(again.remove()).isEmpty();
    }

    /** Hourly for three years from 2024-01-01, minus random hours and a few week-long holidays. */
    private static List<Candidate> history(Random random) {
        List<Candidate> points = new ArrayList<>();
        Instant start = Instant.parse("2024-01-01T00:17:00Z");
        Instant end = Instant.parse("2027-01-01T00:00:00Z");
        Instant offUntil = start;
        for (Instant t = start; t.isBefore(end); t = t.plus(Duration.ofHours(1))) {
            if (random.nextInt(2000) == 0) {
                offUntil = t.plus(Duration.ofDays(3 + random.nextInt(10)));
            }
            if (t.isBefore(offUntil) || random.nextInt(10) == 0) {
                continue;
            }
            points.add(Candidate.of("p" + points.size(), t.plusSeconds(random.nextInt(600))));
        }
        return points;
    }

    private static Map<Candidate, Set<Reason.Rule>> expected(List<Candidate> points) {
        List<Candidate> newestFirst = points.stream().sorted(Comparator.comparing(Candidate::time).reversed()).toList();
        Map<Candidate, Set<Reason.Rule>> keep = new HashMap<>();
        newestFirst.stream().limit(POLICY.last()).forEach(p -> add(keep, p, Reason.Rule.LAST));
        newestOfNewestGroups(points, POLICY.hourly(), p -> p.time().truncatedTo(ChronoUnit.HOURS))
                .forEach(p -> add(keep, p, Reason.Rule.HOURLY));
        newestOfNewestGroups(points, POLICY.daily(), RetentionHistoryTest::day)
                .forEach(p -> add(keep, p, Reason.Rule.DAILY));
        newestOfNewestGroups(points, POLICY.weekly(),
                p -> day(p).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
                .forEach(p -> add(keep, p, Reason.Rule.WEEKLY));
        newestOfNewestGroups(points, POLICY.monthly(), p -> YearMonth.from(day(p)))
                .forEach(p -> add(keep, p, Reason.Rule.MONTHLY));
        newestOfNewestGroups(points, POLICY.yearly(), p -> Year.from(day(p)))
                .forEach(p -> add(keep, p, Reason.Rule.YEARLY));
        add(keep, newestFirst.get(0), Reason.Rule.NEWEST);
        return keep;
    }

    private static <K extends Comparable<K>> List<Candidate> newestOfNewestGroups(List<Candidate> points, int n,
                                                                                  Function<Candidate, K> group) {
        TreeMap<K, Candidate> newest = new TreeMap<>();
        for (Candidate p : points) {
            newest.merge(group.apply(p), p, (a, b) -> a.time().isAfter(b.time()) ? a : b);
        }
        return newest.descendingMap().values().stream().limit(n).toList();
    }

    private static LocalDate day(Candidate p) {
        return p.time().atZone(BERLIN).toLocalDate();
    }

    private static void add(Map<Candidate, Set<Reason.Rule>> keep, Candidate p, Reason.Rule rule) {
        keep.computeIfAbsent(p, x -> new HashSet<>()).add(rule);
    }

    private static Set<Reason.Rule> rules(PrunePlan.Kept k) {
        Set<Reason.Rule> rules = new HashSet<>();
        k.reasons().forEach(r -> rules.add(r.rule()));
        return rules;
    }
}
