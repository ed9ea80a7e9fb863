package app.mamori.ui.runs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceProgressTest {

    @Test
    void etaIsWhatIsLeftOfThePreviousRunsSizeAtTheCurrentSpeed() {
        assertThat(SourceProgress.eta(100, 1100, 10)).hasValue(100);
        assertThat(SourceProgress.eta(2000, 1100, 10)).as("bigger than last time").hasValue(0);
    }

    @Test
    void etaIsUnknownWithoutAPreviousSizeOrBeforeTheFirstBytes() {
        assertThat(SourceProgress.eta(100, -1, 10)).isEmpty();
        assertThat(SourceProgress.eta(0, 1000, 0)).isEmpty();
    }

    @Test
    void throughputIsBytesOverElapsedTime() {
        SourceProgress p = new SourceProgress("db", "pg_dump of db");
        p.started();
        p.progress(50_000_000, 100_000_000, 2_000_000_000L);
        assertThat(p.throughputProperty().get()).isEqualTo(25_000_000);
        assertThat(p.etaSecondsProperty().get()).isEqualTo(2);
        p.finished(true, null);
        assertThat(p.phaseProperty().get()).isEqualTo(SourceProgress.Phase.DONE);
    }
}
