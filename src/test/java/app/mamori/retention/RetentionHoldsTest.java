package app.mamori.retention;

import app.mamori.model.RetentionPolicy;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A held point (by hand or by an incident) is kept and passed over by the rules, as a safety point is. */
class RetentionHoldsTest {
    private static final Instant NOW = Instant.parse("2027-02-01T00:00:00Z");
    private static final RetentionPolicy KEEP_LAST_1 = new RetentionPolicy(1, 0, 0, 0, 0, 0);

    private static Candidate at(String id, String day) {
        return Candidate.of(id, Instant.parse(day + "T02:00:00Z"));
    }

    @Test
    void aHeldPointIsKeptWithItsReasonAndDoesNotUseUpKeepLast() {
        Candidate old = at("old", "2027-01-10").withHold("incident 3: orders table emptied");
        Candidate mid = at("mid", "2027-01-20");
        Candidate heldNewest = at("new", "2027-01-30").withHold("held by hand");

        PrunePlan plan = Retention.plan(List.of(old, mid, heldNewest), KEEP_LAST_1, NOW, ZoneOffset.UTC, false);

        assertThat(plan.keep()).extracting(k -> k.point().id()).containsExactly("new", "mid", "old");
        assertThat(plan.keep().get(0).reasons()).extracting(Reason::toString).containsExactly("held (held by hand)");
        assertThat(plan.keep().get(1).reasons()).extracting(Reason::toString)
                .as("keep-last 1 counts the newest point not held").containsExactly("last", "newest (none verified yet)");
        assertThat(plan.keep().get(2).reasons()).extracting(Reason::rule).containsExactly(Reason.Rule.HELD);
        assertThat(plan.remove()).isEmpty();
    }

    @Test
    void releasingTheHoldLetsTheRulesRemoveThePoint() {
        Candidate old = at("old", "2027-01-10");
        Candidate mid = at("mid", "2027-01-20");

        PrunePlan plan = Retention.plan(List.of(old, mid), KEEP_LAST_1, NOW, ZoneOffset.UTC, false);

        assertThat(plan.remove()).extracting(Candidate::id).containsExactly("old");
    }

    @Test
    void aHeldSafetyPointShowsBothReasonsAndASafetyPointAloneKeepsItsOwn() {
        Candidate safety = new Candidate("safety", Instant.parse("2027-01-15T02:00:00Z"), true, false, false);
        Candidate both = safety.withHold("incident 1: x");
        Candidate newest = at("newest", "2027-01-30");

        PrunePlan alone = Retention.plan(List.of(safety, newest), KEEP_LAST_1, NOW, ZoneOffset.UTC, false);
        PrunePlan held = Retention.plan(List.of(both, newest), KEEP_LAST_1, NOW, ZoneOffset.UTC, false);

        assertThat(alone.keep().get(1).reasons()).extracting(Reason::toString)
                .containsExactly("pre-restore safety point");
        assertThat(held.keep().get(1).reasons()).extracting(Reason::toString)
                .containsExactly("pre-restore safety point", "held (incident 1: x)");
    }

    @Test
    void aHeldPointNeverCountsAsTheNewestVerified() {
        Candidate heldVerified = new Candidate("held", Instant.parse("2027-01-30T02:00:00Z"), false, true, false)
                .withHold("by hand");
        Candidate verified = new Candidate("ok", Instant.parse("2027-01-20T02:00:00Z"), false, true, false);
        Candidate older = at("older", "2027-01-10");

        PrunePlan plan = Retention.plan(List.of(heldVerified, verified, older), new RetentionPolicy(0, 0, 0, 0, 0, 1),
                NOW, ZoneOffset.UTC, false);

        assertThat(plan.keep().get(1).point().id()).isEqualTo("ok");
        assertThat(plan.keep().get(1).reasons()).extracting(Reason::rule).contains(Reason.Rule.NEWEST_VERIFIED);
    }
}
