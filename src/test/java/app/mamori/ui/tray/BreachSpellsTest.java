package app.mamori.ui.tray;

import app.mamori.engine.objective.JobObjectives;
import app.mamori.engine.objective.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BreachSpellsTest {

    private static Verdict rpo(Verdict.State state) {
        return new Verdict(Verdict.Objective.RPO, Duration.ofHours(24), Optional.of(Duration.ofHours(30)), state,
                Optional.of(Duration.ofHours(-6)), Optional.empty(), "");
    }

    private static JobObjectives job(String name, Verdict.State state) {
        return new JobObjectives(name, Optional.of(rpo(state)), Optional.empty());
    }

    @Test
    void aBreachIsToldOncePerSpellAndAgainOnlyAfterItWasMetInBetween() {
        BreachSpells spells = new BreachSpells();

        assertThat(spells.newlyBreached(List.of(job("shop", Verdict.State.BREACHED), job("blog", Verdict.State.MET))))
                .extracting(BreachSpells.Breach::job).containsExactly("shop");
        assertThat(spells.newlyBreached(List.of(job("shop", Verdict.State.BREACHED)))).isEmpty();
        assertThat(spells.newlyBreached(List.of(job("shop", Verdict.State.MET)))).isEmpty();
        assertThat(spells.newlyBreached(List.of(job("shop", Verdict.State.BREACHED))))
                .extracting(BreachSpells.Breach::job).containsExactly("shop");
    }

    @Test
    void anUnknownObjectiveIsNoBreach() {
        assertThat(new BreachSpells().newlyBreached(List.of(job("shop", Verdict.State.UNKNOWN)))).isEmpty();
    }
}
