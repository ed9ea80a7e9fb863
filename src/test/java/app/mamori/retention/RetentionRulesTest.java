package app.mamori.retention;

import app.mamori.model.RetentionPolicy;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked examples of docs/retention.md, and the points retention never removes. */
class RetentionRulesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2027-02-01T00:00:00Z");

    @Test
    void aPointKeptByTwoRulesIsKeptOnceWithBothReasonsAndCountsForBoth() {
        Candidate mon = Candidate.of("mon", Instant.parse("2026-11-23T01:30:00Z"));
        Candidate tue = Candidate.of("tue", Instant.parse("2026-11-24T01:30:00Z"));
        Candidate tueLate = Candidate.of("tue-late", Instant.parse("2026-11-24T15:00:00Z"));

        PrunePlan plan = Retention.plan(List.of(mon, tue, tueLate), new RetentionPolicy(1, 0, 2, 0, 0, 0), NOW,
                BERLIN, false);

        assertThat(plan.keep()).extracting(k -> k.point().id()).containsExactly("tue-late", "mon");
        assertThat(plan.keep().get(0).reasons()).extracting(Reason::toString)
                .containsExactly("last", "daily 2026-11-24", "newest (none verified yet)");
        assertThat(plan.remove()).extracting(Candidate::id).containsExactly("tue");
    }

    @Test
    void weeksStartOnMondayAndTheIsoWeekSpansTheNewYear() {
        Candidate monW53 = Candidate.of("2026-12-28", Instant.parse("2026-12-28T12:00:00Z"));
        Candidate sunW53 = Candidate.of("2027-01-03", Instant.parse("2027-01-03T12:00:00Z"));
        Candidate monW01 = Candidate.of("2027-01-04", Instant.parse("2027-01-04T12:00:00Z"));

        PrunePlan plan = Retention.plan(List.of(monW53, sunW53, monW01), new RetentionPolicy(0, 0, 0, 2, 0, 0), NOW,
                BERLIN, false);

        assertThat(plan.keep()).extracting(k -> k.point().id()).containsExactly("2027-01-04", "2027-01-03");
        assertThat(plan.keep().get(1).reasons()).extracting(Reason::toString).containsExactly("weekly 2026-W53");
        assertThat(plan.remove()).extracting(Candidate::id).containsExactly("2026-12-28");
    }

    @Test
    void daysAndMonthsAreThoseOfTheWorkstationsTimeZone() {
        Candidate lateUtc = Candidate.of("a", Instant.parse("2026-11-30T23:30:00Z")); // 1 December 00:30 in Berlin
        Candidate earlier = Candidate.of("b", Instant.parse("2026-11-30T20:00:00Z"));
        RetentionPolicy monthly = new RetentionPolicy(0, 0, 0, 0, 2, 0);

        PrunePlan berlin = Retention.plan(List.of(lateUtc, earlier), monthly, NOW, BERLIN, false);
        PrunePlan utc = Retention.plan(List.of(lateUtc, earlier), monthly, NOW, ZoneOffset.UTC, false);

        assertThat(berlin.remove()).isEmpty();
        assertThat(berlin.keep().get(0).reasons().get(0).toString()).isEqualTo("monthly 2026-12");
        assertThat(utc.remove()).extracting(Candidate::id).containsExactly("b");
    }

    @Test
    void theNewestVerifiedPointIsKeptWhenTheRulesWouldDropIt() {
        Candidate newest = Candidate.of("new", Instant.parse("2026-11-24T10:00:00Z"));
        Candidate verified = new Candidate("checked", Instant.parse("2026-11-24T09:00:00Z"), false, true, false);
        Candidate old = Candidate.of("old", Instant.parse("2026-11-24T08:00:00Z"));

        PrunePlan plan = Retention.plan(List.of(newest, verified, old), new RetentionPolicy(1, 0, 0, 0, 0, 0), NOW,
                BERLIN, false);

        assertThat(plan.keep()).extracting(k -> k.point().id()).containsExactly("new", "checked");
        assertThat(plan.keep().get(1).reasons()).extracting(Reason::rule).containsExactly(Reason.Rule.NEWEST_VERIFIED);
        assertThat(plan.remove()).extracting(Candidate::id).containsExactly("old");
    }

    @Test
    void heldSafetyPointsAreKeptAndNotCounted() {
        Candidate safety = new Candidate("safety", Instant.parse("2026-11-24T12:00:00Z"), true, false, false);
        Candidate a = Candidate.of("a", Instant.parse("2026-11-24T10:00:00Z"));
        Candidate b = Candidate.of("b", Instant.parse("2026-11-23T10:00:00Z"));

        PrunePlan plan = Retention.plan(List.of(safety, a, b), new RetentionPolicy(1, 0, 0, 0, 0, 0), NOW, BERLIN,
                false);

        assertThat(plan.keep()).extracting(k -> k.point().id()).containsExactly("safety", "a");
        assertThat(plan.remove()).extracting(Candidate::id).containsExactly("b");
    }

    @Test
    void nothingIsRemovedWhileTheLastRunFailedOrWithoutAPolicy() {
        List<Candidate> points = List.of(Candidate.of("a", Instant.parse("2026-11-24T10:00:00Z")),
                Candidate.of("b", Instant.parse("2026-11-23T10:00:00Z")));

        PrunePlan failed = Retention.plan(points, new RetentionPolicy(1, 0, 0, 0, 0, 0), NOW, BERLIN, true);
        PrunePlan none = Retention.plan(points, RetentionPolicy.KEEP_ALL, NOW, BERLIN, false);

        assertThat(failed.remove()).isEmpty();
        assertThat(failed.hold()).hasValueSatisfying(h -> assertThat(h).contains("last run failed"));
        assertThat(none.remove()).isEmpty();
    }

    @Test
    void aPointWhoseCheckFailedNeverCountsTowardARuleAndIsKeptOnlyWhileNewerThanEveryGoodPoint() {
        Candidate damagedNewest = new Candidate("damaged-new", Instant.parse("2026-11-24T12:00:00Z"), false, false, true);
        Candidate good = Candidate.of("good", Instant.parse("2026-11-24T10:00:00Z"));
        Candidate damagedOld = new Candidate("damaged-old", Instant.parse("2026-11-23T12:00:00Z"), false, false, true);
        Candidate older = Candidate.of("older", Instant.parse("2026-11-22T10:00:00Z"));

        PrunePlan plan = Retention.plan(List.of(damagedNewest, good, damagedOld, older),
                new RetentionPolicy(2, 0, 0, 0, 0, 0), NOW, BERLIN, false);

        assertThat(plan.keep()).extracting(k -> k.point().id()).containsExactly("damaged-new", "good", "older");
        assertThat(plan.keep().get(0).reasons()).extracting(Reason::rule)
                .containsExactly(Reason.Rule.CHECK_FAILED_NEWEST);
        assertThat(plan.remove()).extracting(Candidate::id).containsExactly("damaged-old");
    }
}
