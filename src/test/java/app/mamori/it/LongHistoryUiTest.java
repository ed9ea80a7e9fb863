package app.mamori.it;

import app.mamori.ui.restore.RestorePointViewModel;
import app.mamori.ui.timeline.SyntheticHistory;
import app.mamori.ui.timeline.TimelineControl;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job with a long history on the Restore page: the table reads one page of the newest points
 * (not the whole history), says how many there are, reads older pages when asked, and a point
 * picked on the timeline beyond the pages read is brought in and chosen.
 */
class LongHistoryUiTest {
    private AppWindow window;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    @Test
    void theRestorePageReadsAPageAtATimeAndAnOlderPointPickedOnTheTimelineIsBroughtIn(@TempDir Path home)
            throws Exception {
        Instant newest = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
        SyntheticHistory.write(home.resolve("catalog.db"), 1, 450, newest, Duration.ofHours(6));
        window = AppWindow.open(home);
        var robot = window.robot;

        robot.clickOn("#nav-restore");
        TableView<RestorePointViewModel> table = robot.lookup("#restore-points").queryTableView();
        Label shown = robot.lookup("#restore-shown").queryAs(Label.class);
        AppWindow.await(() -> table.getItems().size() == 200 && !shown.getText().isEmpty());
        assertThat(shown.getText()).isEqualTo("The newest 200 of 450 points");
        assertThat(table.getItems().get(0).id()).isEqualTo("job0/p449");

        robot.clickOn("#restore-more");
        AppWindow.await(() -> table.getItems().size() == 400);
        assertThat(table.getItems().get(399).id()).isEqualTo("job0/p50");
        assertThat(shown.getText()).isEqualTo("The newest 400 of 450 points");

        TimelineControl timeline = robot.lookup("#restore-timeline").queryAs(TimelineControl.class);
        robot.interact(() -> timeline.model().selectPoint("src0", "job0/p2", newest.minus(Duration.ofHours(447 * 6))));
        AppWindow.await(() -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().id().equals("job0/p2"));
        assertThat(table.getItems()).hasSize(450);
        assertThat(robot.lookup("#restore-more").queryButton().isVisible()).as("nothing older left").isFalse();
    }
}
