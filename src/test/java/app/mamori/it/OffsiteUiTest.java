package app.mamori.it;

import app.mamori.testenv.S3Extension;
import app.mamori.testenv.S3Server;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import app.mamori.ui.vaults.OffsiteViewModel;
import com.fasterxml.jackson.databind.JsonNode;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offsite copies set up and run from the app alone, against a real S3 API server: an encrypted
 * offsite vault added on the Vaults page, a job copied there, Copy now, and the recovery sheet.
 */
@ExtendWith({SshdExtension.class, S3Extension.class})
class OffsiteUiTest {
    private static final String PASSPHRASE = "correct horse battery staple";
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
    void anEncryptedOffsiteVaultIsAddedAJobCopiedThereAndTheRecoverySheetWritten(SshdServer sshd, S3Server s3,
                                                                                 @TempDir Path tmp) throws Exception {
        Cli cli = new Cli(tmp.resolve("home"));
        cli.sqliteJob(sshd, tmp);
        cli.run("backup", "tool").requireOk();
        String bucket = s3.newBucket("ui");
        window = AppWindow.open(cli.home());
        robot = window.robot;
        robot.clickOn("#nav-vaults");

        robot.clickOn("#offsite-add");
        AppWindow.await(() -> robot.lookup("#offsite-name").tryQuery().isPresent());
        window.type("#offsite-name", "offsite");
        window.type("#offsite-bucket", bucket + "/mamori");
        window.type("#offsite-endpoint", s3.endpoint());
        window.type("#offsite-region", S3Server.REGION);
        window.type("#offsite-key-id", S3Server.ACCESS_KEY_ID);
        window.type("#offsite-secret", S3Server.SECRET_ACCESS_KEY);
        window.type("#offsite-passphrase", PASSPHRASE);
        window.type("#offsite-passphrase-again", PASSPHRASE + "!");
        robot.clickOn("#offsite-save");
        assertThat(robot.lookup("#offsite-error").queryAs(Label.class).getText()).contains("differ");
        window.type("#offsite-passphrase-again", PASSPHRASE);
        robot.clickOn("#offsite-save");
        TableView<OffsiteViewModel.VaultLine> vaults = robot.lookup("#offsite-vaults").queryTableView();
        AppWindow.await(() -> vaults.getItems().size() == 1 && robot.lookup("#offsite-name").tryQuery().isEmpty());
        assertThat(vaults.getItems().get(0).vault().encrypted()).isTrue();

        robot.clickOn("#offsite-copy-job");
        AppWindow.await(() -> robot.lookup("#copy-job").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#copy-job").<String>queryComboBox().setValue("tool"));
        assertThat(robot.lookup("#copy-vault").queryAs(ComboBox.class).getValue()).isEqualTo("offsite");
        robot.clickOn("#copy-save");
        TableView<OffsiteViewModel.CopyLine> copies = robot.lookup("#offsite-copies").queryTableView();
        AppWindow.await(() -> copies.getItems().size() == 1);
        assertThat(copies.getItems().get(0).keep().monthly()).isEqualTo(12);

        robot.interact(() -> copies.getSelectionModel().select(0));
        robot.clickOn("#offsite-copy-now");
        Label message = robot.lookup("#offsite-message").queryAs(Label.class);
        AppWindow.await(() -> message.getText().startsWith("Copied job tool"));

        JsonNode copy = cli.run("points", "tool", "--json").requireOk().json().get(0).get("copies").get(0);
        assertThat(copy.get("vault").asText()).isEqualTo("offsite");
        assertThat(copy.get("status").asText()).isEqualTo("copied");
        assertThat(cli.run("copy", "tool", "--verify").requireOk().out()).doesNotContain("FAILED");
        // the dashboard says where the offsite copy stands
        robot.clickOn("#nav-dashboard");
        AppWindow.await(() -> robot.lookup("#jobs-table").tryQuery().isPresent());
        TableView<app.mamori.ui.dashboard.JobRow> jobs = robot.lookup("#jobs-table").queryTableView();
        AppWindow.await(() -> jobs.getItems().size() == 1 && jobs.getItems().get(0).offsite().isPresent()
                && jobs.getItems().get(0).offsite().get().newestCopy().isPresent());
        AppWindow.await(() -> !robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.text.Text t
                && t.getText() != null && t.getText().contains("offsite offsite: newest copy ")).queryAll()
                .isEmpty());

        Path sheet = tmp.resolve("sheet.md");
        // the file chooser is the OS's: the view model writes where it was told
        robot.interact(() -> new OffsiteViewModel(window.app, new app.mamori.ui.fx.Format(window.app.text(),
                java.time.ZoneOffset.UTC)).exportRecoverySheet(sheet));
        AppWindow.await(() -> Files.exists(sheet));
        assertThat(Files.readString(sheet)).contains("mamori vault add offsite --s3 " + bucket + "/mamori")
                .contains("--encrypt").doesNotContain(PASSPHRASE).doesNotContain(S3Server.SECRET_ACCESS_KEY);

        robot.clickOn("#nav-vaults");
        AppWindow.await(() -> robot.lookup("#offsite-add").tryQuery().isPresent());
        robot.clickOn("#offsite-add");
        AppWindow.await(() -> robot.lookup("#offsite-name").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
        AppWindow.await(() -> robot.lookup("#offsite-name").tryQuery().isEmpty());
    }
}
