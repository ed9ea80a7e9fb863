package app.mamori.ui.tray;

import org.junit.jupiter.api.Test;

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
}
