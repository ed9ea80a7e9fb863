package app.mamori.it;

import app.mamori.engine.restore.RestoreResult;
import app.mamori.service.FolderEntry;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import app.mamori.ui.restore.TargetKind;
import app.mamori.ui.restore.wizard.RestoreWizard;
import app.mamori.ui.restore.wizard.RestoreWizardModel;
import javafx.scene.Node;
import javafx.scene.control.TreeCell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restore wizard for a files source, driven as an admin would against the real test sshd:
 * browsing a backup's folders to pick what to restore, and comparing a backup with the live
 * folders on the server now.
 */
@ExtendWith(SshdExtension.class)
class RestoreWizardFilesUiTest {
    private Cli cli;
    private Path uploads;
    private AppWindow window;
    private FxRobot robot;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp(SshdServer sshd, @TempDir Path tmp) throws Exception {
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("files1", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        uploads = Files.createDirectories(tmp.resolve("srv/uploads"));
        Files.writeString(uploads.resolve("a.txt"), "a, kept as it is");
        Files.createDirectories(uploads.resolve("docs/2026"));
        Files.writeString(uploads.resolve("docs/x.txt"), "x, as backed up");
        Files.writeString(uploads.resolve("docs/2026/y.txt"), "y, as backed up");
        Files.createDirectories(uploads.resolve("pics"));
        Files.writeString(uploads.resolve("pics/p.png"), "a picture");
        cli.run("source", "add", "uploads", "--server", "files1", "--kind", "files", "--path", uploads.toString())
                .requireOk();
        cli.run("job", "add", "files", "--sources", "uploads", "--vault", "local").requireOk();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    private String backup() {
        return cli.run("backup", "files", "--json").requireOk().json().get("point").get("id").asText();
    }

    /** Opens the wizard for a files incident at an unknown time, on the point step with the newest backup chosen. */
    private RestoreWizardModel toPoint() throws Exception {
        window = AppWindow.open(cli.home());
        robot = window.robot;
        robot.clickOn("#nav-restore");
        robot.clickOn("#restore-wizard");
        AppWindow.await(() -> robot.lookup("#wizard-what-files").tryQuery().isPresent());
        RestoreWizardModel wizard = javafx.stage.Window.getWindows().stream()
                .filter(w -> w.getUserData() instanceof RestoreWizard)
                .map(w -> ((RestoreWizard) w.getUserData()).model()).findFirst().orElseThrow();
        robot.clickOn("#wizard-what-files");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-dont-know");
        robot.clickOn("#wizard-next");
        AppWindow.await(() -> wizard.pointProperty().get() != null);
        return wizard;
    }

    /** The browser's row for {@code name}, once it is shown. */
    @SuppressWarnings("unchecked")
    private TreeCell<FolderEntry> row(String name) throws Exception {
        AppWindow.await(() -> robot.lookup(".tree-cell").<TreeCell<FolderEntry>>match(c -> c.getItem() != null
                && c.getItem().name().equals(name)).tryQuery().isPresent());
        return robot.lookup(".tree-cell").<TreeCell<FolderEntry>>match(c -> c.getItem() != null
                && c.getItem().name().equals(name)).query();
    }

    private void open(String folder) throws Exception {
        Node arrow = row(folder).lookup(".tree-disclosure-node");
        robot.clickOn(arrow);
    }

    private void tick(String name) throws Exception {
        robot.clickOn(row(name).lookup(".check-box"));
    }

    @Test
    void aFolderTickedInTheBrowserIsRestoredWithEverythingUnderItAndNothingElse() throws Exception {
        String point = backup();
        Files.writeString(uploads.resolve("docs/x.txt"), "x, overwritten by mistake");

        RestoreWizardModel wizard = toPoint();
        robot.clickOn("#wizard-next");
        open("uploads");
        open("docs");
        assertThat(row("x.txt").getText()).as("a file shows its size").contains("15 B");
        tick("docs");
        assertThat(wizard.wholeProperty().get()).isFalse();
        assertThat(wizard.partsProperty().get()).as("a ticked folder stands for what is under it")
                .isEqualTo(uploads.resolve("docs").toString());
        tick("2026");
        assertThat(wizard.partsProperty().get()).as("unticking a child opens its folder up into what is left")
                .isEqualTo(uploads.resolve("docs/x.txt").toString());
        tick("2026");
        tick("a.txt");
        assertThat(wizard.partsProperty().get()).isEqualTo(uploads.resolve("docs") + ", " + uploads.resolve("a.txt"));
        tick("a.txt");

        robot.clickOn("#wizard-next");
        AppWindow.await(() -> wizard.stepProperty().get() == RestoreWizardModel.Step.WHERE);
        assertThat(wizard.targetKindProperty().get()).isEqualTo(TargetKind.NEW_PATH);
        String where = wizard.whereProperty().get();
        robot.clickOn("#wizard-next");
        AppWindow.await(() -> wizard.planProperty().get() != null);
        assertThat(wizard.commandLineProperty().get()).contains("--point " + point,
                "--include " + uploads.resolve("docs"));
        robot.clickOn("#wizard-next");
        AppWindow.await(() -> wizard.result().isPresent());
        RestoreResult result = wizard.result().get();
        assertThat(result.ok()).as(String.valueOf(result.error())).isTrue();
        Path copy = Path.of(where + uploads);
        assertThat(Files.readString(copy.resolve("docs/x.txt"))).isEqualTo("x, as backed up");
        assertThat(Files.readString(copy.resolve("docs/2026/y.txt"))).isEqualTo("y, as backed up");
        assertThat(copy.resolve("a.txt")).as("only the ticked folder").doesNotExist();
        assertThat(copy.resolve("pics")).doesNotExist();
        assertThat(Files.readString(uploads.resolve("docs/x.txt"))).as("the live folder is untouched")
                .isEqualTo("x, overwritten by mistake");
    }

    @Test
    void theLiveFoldersComparedWithTheBackupListWhatWasAddedRemovedAndChangedSince() throws Exception {
        String point = backup();
        Files.writeString(uploads.resolve("docs/x.txt"), "x, overwritten by mistake");
        Files.writeString(uploads.resolve("new.txt"), "new since");
        Files.delete(uploads.resolve("pics/p.png"));

        RestoreWizardModel wizard = toPoint();
        robot.clickOn("#wizard-compare-live");
        AppWindow.await(() -> wizard.comparison().lines().contains("1 added, 1 removed, 1 changed"));
        assertThat(wizard.comparison().lines()).anyMatch(l -> l.contains(point))
                .contains("1 added, 1 removed, 1 changed",
                "+ " + uploads.resolve("new.txt"), "\u2212 " + uploads.resolve("pics/p.png"),
                "~ " + uploads.resolve("docs/x.txt"));
        assertThat(String.join("\n", wizard.comparison().lines())).as("unchanged files are not listed")
                .doesNotContain("a.txt", "y.txt");
    }

    @Test
    void aListingTheServerRefusesShowsTheServersOwnWords() throws Exception {
        backup();
        Path moved = uploads.resolveSibling("uploads-moved");
        Files.move(uploads, moved);

        RestoreWizardModel wizard = toPoint();
        robot.clickOn("#wizard-compare-live");
        AppWindow.await(() -> wizard.comparison().lines().stream().anyMatch(l -> l.contains("No such file")));
        assertThat(wizard.comparison().lines()).anyMatch(l -> l.contains("server files1") && l.contains(
                uploads.toString()));
    }

    @Test
    void aJobWhoseRunFailedOffersRestoreOnTheDashboardWhichOpensTheWizardOnThatJobsSources(@TempDir Path tmp)
            throws Exception {
        Path other = Files.createDirectories(tmp.resolve("srv/other"));
        Files.writeString(other.resolve("o.txt"), "other");
        cli.run("source", "add", "others", "--server", "files1", "--kind", "files", "--path", other.toString())
                .requireOk();
        cli.run("job", "add", "other", "--sources", "others", "--vault", "local").requireOk();
        cli.run("backup", "other").requireOk();
        String point = backup();
        Files.move(uploads, uploads.resolveSibling("uploads-lost"));
        assertThat(cli.run("backup", "files").exit()).as("the folder is gone: the run fails").isNotZero();

        window = AppWindow.open(cli.home());
        robot = window.robot;
        AppWindow.await(() -> robot.lookup("#restore-files").tryQuery().isPresent());
        assertThat(robot.lookup("#restore-other").tryQuery()).as("only a failed job offers it").isEmpty();
        robot.clickOn("#restore-files");
        AppWindow.await(() -> javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w.getUserData() instanceof RestoreWizard));
        RestoreWizardModel wizard = javafx.stage.Window.getWindows().stream()
                .filter(w -> w.getUserData() instanceof RestoreWizard)
                .map(w -> ((RestoreWizard) w.getUserData()).model()).findFirst().orElseThrow();
        AppWindow.await(() -> wizard.sourceProperty().get() != null);
        assertThat(wizard.sourceProperty().get().name()).isEqualTo("uploads");
        robot.clickOn("#wizard-what-files");
        assertThat(wizard.sources()).extracting(RestoreWizardModel.SourceOption::name).as("the failed job's sources")
                .containsExactly("uploads");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-dont-know");
        robot.clickOn("#wizard-next");
        AppWindow.await(() -> wizard.pointProperty().get() != null);
        assertThat(wizard.pointProperty().get().point().id()).isEqualTo(point);
    }
}
