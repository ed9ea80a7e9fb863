package app.mamori.engine.objective;

import app.mamori.model.Objectives;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObjectiveCheckTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void rpoIsMetWhileTheNewestGoodPointIsYoungerThanTheObjectiveWithTheHeadroomLeft() {
        Instant since = NOW.minus(Duration.ofDays(10));
        Instant newest = NOW.minus(Duration.ofHours(5));

        Verdict v = ObjectiveCheck.rpo(DAY, since, Optional.of(newest), List.of(newest), NOW);

        assertThat(v.state()).isEqualTo(Verdict.State.MET);
        assertThat(v.measured()).contains(Duration.ofHours(5));
        assertThat(v.margin()).contains(Duration.ofHours(19));
    }

    @Test
    void rpoBreachStartsWhenTheNewestGoodPointBecameTooOldAndSaysByHowMuch() {
        Instant since = NOW.minus(Duration.ofDays(10));
        Instant newest = NOW.minus(Duration.ofHours(30));

        Verdict v = ObjectiveCheck.rpo(DAY, since, Optional.of(newest), List.of(newest), NOW);

        assertThat(v.state()).isEqualTo(Verdict.State.BREACHED);
        assertThat(v.margin()).contains(Duration.ofHours(-6));
        assertThat(v.since()).contains(newest.plus(DAY));
    }

    @Test
    void aJobThatNeverBackedUpBreachesItsRpoCountingFromWhenTheObjectiveWasSet() {
        Instant since = NOW.minus(Duration.ofDays(3));

        Verdict v = ObjectiveCheck.rpo(DAY, since, Optional.empty(), List.of(), NOW);

        assertThat(v.state()).isEqualTo(Verdict.State.BREACHED);
        assertThat(v.measured()).isEmpty();
        assertThat(v.since()).contains(since.plus(DAY));
        assertThat(v.detail()).contains("no good restore point yet");
    }

    @Test
    void rpoMetSinceIsTheFirstSuccessAfterTheLastGapLongerThanTheObjective() {
        Instant since = NOW.minus(Duration.ofDays(10));
        Instant a = NOW.minus(Duration.ofDays(9));
        Instant b = NOW.minus(Duration.ofDays(6));  // 3 days after a: a gap
        Instant c = NOW.minus(Duration.ofDays(5));
        Instant d = NOW.minus(Duration.ofHours(2));  // ~5 days after c: another gap
        Instant e = NOW.minus(Duration.ofHours(1));

        Verdict v = ObjectiveCheck.rpo(DAY, since, Optional.of(e), List.of(a, b, c, d, e), NOW);

        assertThat(v.state()).isEqualTo(Verdict.State.MET);
        assertThat(v.since()).contains(d);
    }

    @Test
    void rtoScalesEachSourcesNewestDrillToTodaysSizeAndAddsThemUp() {
        Instant drilled = NOW.minus(Duration.ofDays(30));
        var db = new ObjectiveCheck.SourceFacts("db", 2_000, Optional.of(
                new ObjectiveCheck.Drill(Duration.ofMinutes(30), 1_000, drilled)));
        var files = new ObjectiveCheck.SourceFacts("files", 500, Optional.of(
                new ObjectiveCheck.Drill(Duration.ofMinutes(20), 1_000, drilled)));

        Verdict v = ObjectiveCheck.rto(Duration.ofHours(1), List.of(db, files), NOW.minus(Duration.ofHours(3)));

        assertThat(v.measured()).contains(Duration.ofMinutes(70));
        assertThat(v.state()).isEqualTo(Verdict.State.BREACHED);
        assertThat(v.margin()).contains(Duration.ofMinutes(-10));
        assertThat(v.since()).contains(NOW.minus(Duration.ofHours(3)));
    }

    @Test
    void rtoIsUnknownWhileASourceWasNeverDrilledAndNamesIt() {
        var db = new ObjectiveCheck.SourceFacts("db", 2_000, Optional.of(
                new ObjectiveCheck.Drill(Duration.ofMinutes(1), 1_000, NOW)));
        var files = new ObjectiveCheck.SourceFacts("files", 500, Optional.empty());

        Verdict v = ObjectiveCheck.rto(Duration.ofHours(1), List.of(db, files), NOW);

        assertThat(v.state()).isEqualTo(Verdict.State.UNKNOWN);
        assertThat(v.breached()).isFalse();
        assertThat(v.detail()).contains("never drilled: files");
    }

    @Test
    void durationsReadAsTheAdminWritesThemAndPrintBackTheSame() {
        assertThat(Objectives.parse("--rpo", "24h")).contains(Duration.ofHours(24));
        assertThat(Objectives.parse("--rpo", "1h30m")).contains(Duration.ofMinutes(90));
        assertThat(Objectives.parse("--rpo", "7d")).contains(Duration.ofDays(7));
        assertThat(Objectives.parse("--rpo", "none")).isEmpty();
        assertThat(Objectives.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Objectives.format(Duration.ofHours(36))).isEqualTo("1d12h");
        assertThatThrownBy(() -> Objectives.parse("--rto", "4 hours")).hasMessageContaining("--rto: '4 hours' is not"
                + " a duration");
        assertThatThrownBy(() -> Objectives.parse("--rto", "0m")).hasMessageContaining("longer than zero");
    }
}
