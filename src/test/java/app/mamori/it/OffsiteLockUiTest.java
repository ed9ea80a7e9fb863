package app.mamori.it;

import app.mamori.testenv.MotoExtension;
import app.mamori.testenv.MotoServer;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import app.mamori.ui.vaults.OffsiteViewModel;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An offsite vault with Object Lock set up from the app alone, against moto's S3 server (which
 * enforces the lock): the days typed in Add offsite vault..., shown in the vaults table, and
 * the copies locked until then in the copies list after Copy now.
 */
@ExtendWith({SshdExtension.class, MotoExtension.class})
class OffsiteLockUiTest {
    private AppWindow window;
    private FxRobot robot;

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
    void objectLockDaysAreSetInTheDialogAndTheLockedCopiesShownWithTheirDate(SshdServer sshd, MotoServer moto,
                                                                             @TempDir Path tmp) throws Exception {
        Cli cli = new Cli(tmp.resolve("home"));
        cli.sqliteJob(sshd, tmp);
        cli.run("backup", "tool").requireOk();
        String bucket = moto.newLockedBucket("uilock");
        window = AppWindow.open(cli.home());
        robot = window.robot;
        robot.clickOn("#nav-vaults");

        robot.clickOn("#offsite-add");
        AppWindow.await(() -> robot.lookup("#offsite-name").tryQuery().isPresent());
        window.type("#offsite-name", "offsite");
        window.type("#offsite-bucket", bucket + "/mamori");
        window.type("#offsite-endpoint", moto.endpoint());
        window.type("#offsite-region", MotoServer.REGION);
        window.type("#offsite-key-id", MotoServer.ACCESS_KEY_ID);
        window.type("#offsite-secret", MotoServer.SECRET_ACCESS_KEY);
        robot.clickOn("#offsite-encrypt");
        window.type("#offsite-lock-days", "ten");
        robot.clickOn("#offsite-save");
        assertThat(robot.lookup("#offsite-error").queryAs(Label.class).getText()).contains("number of days");
        window.type("#offsite-lock-days", "10");
        robot.clickOn("#offsite-save");
        TableView<OffsiteViewModel.VaultLine> vaults = robot.lookup("#offsite-vaults").queryTableView();
        AppWindow.await(() -> vaults.getItems().size() == 1 && robot.lookup("#offsite-name").tryQuery().isEmpty());
        assertThat(vaults.getItems().get(0).vault().objectLockDays()).isEqualTo(10);
        AppWindow.await(() -> shows("10 days"));

        robot.clickOn("#offsite-copy-job");
        AppWindow.await(() -> robot.lookup("#copy-job").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#copy-job").<String>queryComboBox().setValue("tool"));
        robot.clickOn("#copy-save");
        TableView<OffsiteViewModel.CopyLine> copies = robot.lookup("#offsite-copies").queryTableView();
        AppWindow.await(() -> copies.getItems().size() == 1);
        assertThat(copies.getItems().get(0).locks()).isEmpty();
        Instant before = Instant.now();
        robot.interact(() -> copies.getSelectionModel().select(0));
        robot.clickOn("#offsite-copy-now");

        AppWindow.await(() -> copies.getItems().size() == 1 && copies.getItems().get(0).locks().isPresent());
        var locks = copies.getItems().get(0).locks().get();
        assertThat(locks.copies()).isEqualTo(1);
        assertThat(locks.lastUntil()).isBetween(before.plus(Duration.ofDays(10)), Instant.now().plus(Duration.ofDays(10))
                .plusSeconds(2));
        AppWindow.await(() -> shows("1 copies, the last until "));
    }

    /** Whether some text on screen (a table cell's included) contains {@code s}. */
    private boolean shows(String s) {
        return !robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.text.Text t && t.getText() != null
                && t.getText().contains(s)).queryAll().isEmpty();
    }
}
