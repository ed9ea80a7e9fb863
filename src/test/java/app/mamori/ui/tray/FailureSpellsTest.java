package app.mamori.ui.tray;

import app.mamori.catalog.Run;
import app.mamori.model.RunStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static app.mamori.ui.tray.FailedRunNoticesTest.run;
import static org.assertj.core.api.Assertions.assertThat;

class FailureSpellsTest {
    private final FailureSpells spells = new FailureSpells();

    @Test
    void aFailedRunIsToldOnceHoweverOftenTheTrayLooks() {
        List<Run> latest = List.of(run(4, "shop", RunStatus.FAILED), run(5, "mail", RunStatus.SUCCEEDED));

        assertThat(spells.newlyFailed(latest)).extracting(Run::id).containsExactly(4L);
        assertThat(spells.newlyFailed(latest)).isEmpty();
    }

    @Test
    void eachNewFailedRunOfAJobIsToldEvenWithoutASuccessBetween() {
        spells.newlyFailed(List.of(run(4, "shop", RunStatus.FAILED)));

        assertThat(spells.newlyFailed(List.of(run(8, "shop", RunStatus.INTERRUPTED)))).extracting(Run::id)
                .containsExactly(8L);
    }

    @Test
    void aCancelledRunIsAChoiceAndNotTold() {
        assertThat(spells.newlyFailed(List.of(run(4, "shop", RunStatus.CANCELLED)))).isEmpty();
    }
}
