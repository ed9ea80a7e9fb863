package app.mamori.ui.tray;

import app.mamori.catalog.Run;
import app.mamori.model.RunStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FailedRunNoticesTest {
    private final FailedRunNotices notices = new FailedRunNotices();

    @Test
    void nothingIsOfferedUntilARunFails() {
        notices.ended("shop", true);

        assertThat(notices.offered()).isEmpty();
    }

    @Test
    void theLatestFailureIsOfferedAndASuccessOfThatJobFallsBackToTheOneBefore() {
        notices.ended("shop", false);
        notices.ended("mail", false);
        assertThat(notices.offered()).contains("mail");

        notices.ended("mail", true);
        assertThat(notices.offered()).contains("shop");

        notices.ended("shop", true);
        assertThat(notices.offered()).isEmpty();
    }

    @Test
    void aJobThatFailsAgainBecomesTheLatest() {
        notices.ended("shop", false);
        notices.ended("mail", false);
        notices.ended("shop", false);

        assertThat(notices.offered()).contains("shop");
    }

    @Test
    void runsSeenAgainAtEveryLookDoNotReorderTheOffer() {
        notices.saw(List.of(run(7, "mail", RunStatus.FAILED), run(3, "shop", RunStatus.FAILED)));
        assertThat(notices.offered()).as("mail's run started last").contains("mail");

        // the next minute's look finds the same two runs, listed in the other order
        notices.saw(List.of(run(3, "shop", RunStatus.FAILED), run(7, "mail", RunStatus.FAILED)));
        assertThat(notices.offered()).contains("mail");

        notices.saw(List.of(run(3, "shop", RunStatus.FAILED), run(9, "mail", RunStatus.SUCCEEDED)));
        assertThat(notices.offered()).contains("shop");
    }

    static Run run(long id, String job, RunStatus status) {
        Instant t = Instant.parse("2026-12-06T10:00:00Z").plusSeconds(id);
        return new Run(id, job, t, Optional.of(t.plusSeconds(1)), status, 42, Optional.of("the dump exited 1"),
                Optional.empty());
    }
}
