package app.mamori.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which answers of {@code crontab -l} may be built on, and which must leave the crontab alone. */
class CrontabListingTest {

    @Test
    void aListingKeepsEveryLineOfStdoutAndNothingOfStderr() throws IOException {
        assertThat(CrontabListing.lines(0, false, "MAILTO=ann\n0 4 * * * backup\n", "warning: something\n"))
                .containsExactly("MAILTO=ann", "0 4 * * * backup");
    }

    @Test
    void noCrontabForTheUserWithExitOneIsAnEmptyTable() throws IOException {
        assertThat(CrontabListing.lines(1, false, "", "no crontab for ann\n")).isEmpty();
        assertThat(CrontabListing.lines(1, false, "", "crontab: no crontab for ann\n")).isEmpty();
    }

    @Test
    void noCrontabWithAnotherExitStatusOrOnStdoutIsRefused() {
        assertThatThrownBy(() -> CrontabListing.lines(139, false, "", "no crontab for ann\n"))
                .hasMessageContaining("exit 139").hasMessageContaining("not changed");
        assertThatThrownBy(() -> CrontabListing.lines(1, false, "no crontab for ann\n", "crontab: crashed\n"))
                .hasMessageContaining("crashed").hasMessageContaining("not changed");
    }

    @Test
    void aPermissionErrorIsRefusedWithWhatCrontabSaid() {
        assertThatThrownBy(() -> CrontabListing.lines(1, false, "",
                "You (ann) are not allowed to use this program (crontab)\n"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("crontab -l failed")
                .hasMessageContaining("not allowed to use this program")
                .hasMessageContaining("was not changed");
    }

    @Test
    void aListingThatDidNotAnswerInTimeIsRefusedWhateverItPrinted() {
        assertThatThrownBy(() -> CrontabListing.lines(1, true, "", "no crontab for ann\n"))
                .hasMessageContaining("did not answer in time").hasMessageContaining("not changed");
    }

    @Test
    void aFailureWithNothingSaidNamesTheExitStatus() {
        assertThatThrownBy(() -> CrontabListing.lines(2, false, "", ""))
                .hasMessageContaining("exit 2").hasMessageContaining("not changed");
    }

    @Test
    void aMissingCrontabProgramSaysWhatToInstall() {
        assertThatThrownBy(() -> CrontabListing.lines(CrontabListing.NOT_INSTALLED, false, "", ""))
                .hasMessageContaining("apt-get install cron");
    }
}
