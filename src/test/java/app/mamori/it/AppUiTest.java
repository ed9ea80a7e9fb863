package app.mamori.it;

import app.mamori.catalog.Event;
import app.mamori.catalog.EventLevel;
import app.mamori.catalog.PointCheck;
import app.mamori.ui.AppContext;
import app.mamori.ui.activity.ActivityViewModel;
import app.mamori.ui.dashboard.Health;
import app.mamori.ui.dashboard.JobRow;
import app.mamori.ui.restore.RestorePointViewModel;
import app.mamori.ui.restore.TargetKind;
import app.mamori.ui.runs.RunViewModel;
import app.mamori.ui.shell.Shell;
import app.mamori.ui.tray.TrayState;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The desktop app, headless (Monocle), over a real catalogue and the real test sshd, clicked as a person would. */
@ExtendWith(SshdExtension.class)
class AppUiTest {
    private FxRobot robot = new FxRobot();
    private Path tmp;
    private Cli cli;
    private AppWindow window;
    private AppContext app;
    private Shell shell;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp(@TempDir Path tmp) {
        this.tmp = tmp;
        cli = new Cli(tmp.resolve("home"));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (window != null) {
            window.close();
        } else {
            FxToolkit.cleanupStages();
        }
    }

    private void open() throws Exception {
        window = AppWindow.open(cli.home());
        robot = window.robot;
        app = window.app;
        shell = window.shell;
    }

    /**
     * Opens a page from the sidebar and waits until it shows. On a loaded CI machine a click that
     * lands while the window is still laying itself out after opening was seen lost once (the
     * activity page never came); a second click then is what a person would do too.
     */
    private void page(String name, String node) throws Exception {
        robot.clickOn("#nav-" + name);
        for (int i = 0; i < 50 && robot.lookup(node).tryQuery().isEmpty(); i++) {
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(100);
        }
        if (robot.lookup(node).tryQuery().isEmpty()) {
            robot.clickOn("#nav-" + name);
        }
        await("the " + name + " page", () -> robot.lookup(node).tryQuery().isPresent());
    }

    private void await(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        AppWindow.await(condition);
    }

    private void jobOverSqlite(SshdServer sshd, int rows) throws Exception {
        Path db = tmp.resolve("tool.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("CREATE TABLE t(b)");
            c.createStatement().execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < "
                    + rows + ") INSERT INTO t SELECT randomblob(1000) FROM n");
        }
        cli.addServer("tools", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        cli.run("source", "add", "tooldb", "--server", "tools", "--kind", "sqlite", "--path", db.toString())
                .requireOk();
        cli.run("job", "add", "tool", "--sources", "tooldb", "--vault", "local").requireOk();
    }

    @Test
    void anEmptyCatalogueShowsTheFirstRunScreenWhichStartsTheServerWizard() throws Exception {
        open();
        await("first-run screen", () -> robot.lookup("#first-run").tryQuery().map(Node::isVisible).orElse(false));

        robot.clickOn("#first-run-add-server");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#server-wizard").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-servers").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void backUpNowFromTheDashboardRunsToTheEndAndTheJobTurnsGreen(SshdServer sshd) throws Exception {
        jobOverSqlite(sshd, 100);
        open();
        TableView<JobRow> table = robot.lookup("#jobs-table").queryTableView();
        await("the job's row", () -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).health()).as("never backed up").isEqualTo(Health.RED);

        robot.clickOn("#backup-tool");
        await("the run's end", () -> app.runs().byJob().containsKey("tool")
                && !app.runs().byJob().get("tool").running());

        RunViewModel run = app.runs().byJob().get("tool");
        assertThat(run.stateProperty().get()).as(run.messageProperty().get()).isEqualTo(RunViewModel.State.SUCCEEDED);
        await("the row refreshed", () -> table.getItems().get(0).health() == Health.GREEN);
        assertThat(table.getItems().get(0).points()).isEqualTo(1);
        assertThat(app.services().catalog().points().list("tool")).hasSize(1);
    }

    @Test
    void aFailureRecordedByTheCommandLineTurnsTheTrayRedWithinSeconds(SshdServer sshd) throws Exception {
        jobOverSqlite(sshd, 10);
        cli.run("backup", "tool").requireOk();
        open();
        await("the job on time", () -> shell.dashboard().rows().size() == 1
                && TrayState.of(shell.dashboard().rows(), app.runs().anyRunning()) == TrayState.OK);

        Files.delete(tmp.resolve("tool.db"));
        assertThat(cli.run("backup", "tool").exit()).as("another process's run fails: the file is gone").isOne();

        // the app polls the catalogue every 2 s (CatalogChanges); the icon follows the dashboard's rows
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return TrayState.of(shell.dashboard().rows(), app.runs().anyRunning()) == TrayState.FAILED;
        });
        assertThat(shell.dashboard().rows().get(0).lastResult()).contains("failed");
    }

    @Test
    void cancelOnARunningJobStopsItAndKeepsNothingHalfWritten(SshdServer sshd) throws Exception {
        jobOverSqlite(sshd, 300_000);
        open();
        robot.clickOn("#nav-jobs");
        await("the job list", () -> robot.lookup("#jobs-backup").tryQuery().map(n -> !n.isDisabled()).orElse(false));

        robot.clickOn("#jobs-backup");
        await("the run started", () -> app.runs().byJob().containsKey("tool")
                && app.runs().byJob().get("tool").stateProperty().get() == RunViewModel.State.RUNNING);
        robot.clickOn("#cancel-run");
        await("the run's end", () -> !app.runs().byJob().get("tool").running());

        assertThat(app.runs().byJob().get("tool").stateProperty().get()).isEqualTo(RunViewModel.State.CANCELLED);
        assertThat(robot.lookup("#run-state").queryLabeled().getText()).isEqualTo("Cancelled");
        assertThat(app.services().catalog().points().list("tool")).isEmpty();
        try (Stream<Path> files = Files.walk(tmp.resolve("vault"))) {
            assertThat(files.filter(Files::isRegularFile)).as("nothing half-written in the vault").isEmpty();
        }
    }

    @Test
    void theActivityLogFiltersByLevelAndSearchesAsYouType(SshdServer sshd) throws Exception {
        jobOverSqlite(sshd, 10);
        cli.run("backup", "tool").requireOk();
        Files.delete(tmp.resolve("tool.db"));
        assertThat(cli.run("backup", "tool").exit()).as("fails: the file is gone; the log gets an error").isOne();
        open();
        page("activity", "#activity-table");
        TableView<?> table = robot.lookup("#activity-table").queryTableView();
        await("events loaded", () -> table.getItems().size() >= 2);
        int everything = table.getItems().size();

        robot.clickOn("#activity-level").type(KeyCode.DOWN, 2).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSizeBetween(1, everything - 1)
                .allSatisfy(e -> assertThat(((Event) e).level()).isEqualTo(EventLevel.ERROR));

        robot.clickOn("#activity-search").write("no such text anywhere");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).isEmpty();

        robot.lookup("#activity-search").queryAs(TextField.class).clear();
        robot.clickOn("#activity-search").write("tool.db");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).isNotEmpty();
        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#activity-details").queryAs(javafx.scene.control.TextArea.class).getText())
                .contains("tool.db").contains("What to do");

        // a job added meanwhile joins the filter's choices; the choice shown stays "All jobs"
        ComboBox<?> jobs = robot.lookup("#activity-job").queryComboBox();
        cli.run("job", "add", "tool2", "--sources", "tooldb", "--vault", "local").requireOk();
        await("the new job among the choices", () -> jobs.getItems().contains("tool2"));
        assertThat(jobs.getValue()).isEqualTo(ActivityViewModel.ALL_JOBS);
        javafx.scene.Node shown = ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) jobs.getSkin()).getDisplayNode();
        assertThat(((javafx.scene.control.Labeled) shown).getText()).isEqualTo("All jobs");
    }

    @Test
    void verifyOnTheRestorePageChecksAPointAndShowsWhatItFound(SshdServer sshd) throws Exception {
        jobOverSqlite(sshd, 20);
        Path artifact = Path.of(cli.run("backup", "tool", "--json").requireOk().json().get("point").get("artifacts")
                .get(0).get("path").asText());
        open();
        robot.clickOn("#nav-restore");
        TableView<RestorePointViewModel> table = robot.lookup("#restore-points").queryTableView();
        await("the point", () -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).check().state()).isEqualTo(PointCheck.State.UNVERIFIED);

        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#restore-verify");
        // the table follows the catalogue as each check is recorded; the status line says when all are done
        await("the checks' end", () -> table.getItems().get(0).check().state() != PointCheck.State.UNVERIFIED
                && robot.lookup("#restore-verify-status").queryLabeled().getText().contains("passed"));

        assertThat(table.getItems().get(0).check().state()).isEqualTo(PointCheck.State.VERIFIED);
        assertThat(robot.lookup("#restore-verify-status").queryLabeled().getText()).contains("all 2 checks passed");

        // a reload replaces the rows and chooses the admin's point again in the same FX turn; the
        // catalogue's last change of the verify may still be reloading when the status line says done
        await("the point still selected after the reloads", () -> table.getSelectionModel().getSelectedIndex() == 0);
        Damage.flipByte(artifact, 100);
        robot.clickOn("#restore-verify");
        await("the second check's end", () -> table.getItems().get(0).check().state() == PointCheck.State.FAILED);

        assertThat(robot.lookup("#restore-verify-status").queryLabeled().getText()).contains("FAILED")
                .contains("tooldb");
        assertThat(table.getItems().get(0).check().failure()).hasValueSatisfying(f -> assertThat(f).contains("SHA-256"));

        cli.run("backup", "tool").requireOk();
        await("the new point", () -> {
            robot.interact(() -> robot.lookup("#restore-job").queryComboBox().setValue(null));
            robot.interact(() -> robot.lookup("#restore-job").<String>queryComboBox().setValue("tool"));
            return table.getItems().size() == 2;
        });
        robot.clickOn("#restore-verify-all");
        // the status line is set when the verify ends; the table reloads from the catalogue just after it
        await("both checked", () -> robot.lookup("#restore-verify-status").queryLabeled().getText()
                .startsWith("Every point of job tool: 1 check(s) FAILED")
                && table.getItems().stream().noneMatch(p -> p.check().state() == PointCheck.State.UNVERIFIED));
        assertThat(table.getItems()).extracting(p -> p.check().state())
                .containsExactly(PointCheck.State.VERIFIED, PointCheck.State.FAILED);
    }

    @Test
    void theRestoreDialogOffersWhatAFilesSourceHasAndRestoresOntoThisComputer(SshdServer sshd) throws Exception {
        Path site = Files.createDirectories(tmp.resolve("site/uploads"));
        Files.writeString(site.resolve("photo.txt"), "pixels");
        Files.writeString(site.resolve("other.txt"), "not wanted");
        cli.addServer("web", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        cli.run("source", "add", "uploads", "--server", "web", "--kind", "files", "--path", site.toString())
                .requireOk();
        cli.run("job", "add", "files", "--sources", "uploads", "--vault", "local").requireOk();
        cli.run("backup", "files").requireOk();
        open();
        robot.clickOn("#nav-restore");
        TableView<RestorePointViewModel> table = robot.lookup("#restore-points").queryTableView();
        await("the point", () -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#restore-open");
        await("the dialog", () -> robot.lookup("#restore-target-kind").tryQuery().isPresent());

        ComboBox<TargetKind> kind = robot.lookup("#restore-target-kind").queryComboBox();
        assertThat(kind.getItems()).containsExactly(TargetKind.NEW_PATH, TargetKind.TO_LOCAL, TargetKind.IN_PLACE);
        assertThat(kind.getConverter().toString(TargetKind.NEW_PATH)).isEqualTo("a new folder on the server");
        Path here = tmp.resolve("restored here");
        robot.interact(() -> kind.setValue(TargetKind.TO_LOCAL));
        robot.clickOn("#restore-where").write(here.toString());
        robot.clickOn("#restore-only").write(site.resolve("photo.txt").toString());
        robot.clickOn("#restore-review");
        await("the plan", () -> !robot.lookup("#restore-run").query().isDisabled());
        robot.clickOn("#restore-run");
        await("the restore's end", () -> robot.lookup("#restore-status").queryLabeled().getText().startsWith("Restored"));

        assertThat(here.resolve(site.toString().substring(1)).resolve("photo.txt")).hasContent("pixels");
        assertThat(here.resolve(site.toString().substring(1)).resolve("other.txt")).as("not asked for").doesNotExist();
    }

    @Test
    void aSafetyCopyIsKeptUntilReleasedFromTheRestorePage(SshdServer sshd) throws Exception {
        jobOverSqlite(sshd, 5);
        cli.run("backup", "tool").requireOk();
        String safety = cli.run("restore", "--source", "tooldb", "--in-place", "--yes", "--json").requireOk().json()
                .get("safetyPoint").asText();
        open();
        robot.clickOn("#nav-restore");
        TableView<RestorePointViewModel> table = robot.lookup("#restore-points").queryTableView();
        await("both points", () -> table.getItems().size() == 2);
        RestorePointViewModel held = table.getItems().stream().filter(p -> p.id().equals(safety)).findFirst()
                .orElseThrow();
        assertThat(held.held()).isTrue();
        robot.interact(() -> table.getSelectionModel().select(table.getItems().indexOf(held) == 0 ? 1 : 0));
        assertThat(robot.lookup("#restore-release").query().isDisabled()).as("a normal point has nothing to release")
                .isTrue();

        robot.interact(() -> table.getSelectionModel().select(held));
        robot.clickOn("#restore-release");
        await("the release", () -> table.getItems().stream().anyMatch(p -> p.id().equals(safety) && p.released()));

        assertThat(app.services().catalog().points().released("tool")).containsExactly(safety);
        assertThat(robot.lookup("#restore-release").query().isDisabled()).as("released once").isTrue();

        // any point can be held by hand, and then no prune removes it until released
        RestorePointViewModel normal = table.getItems().stream().filter(p -> !p.safetyPoint()).findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(normal));
        robot.clickOn("#restore-hold");
        await("the hold", () -> table.getItems().stream().anyMatch(p -> p.id().equals(normal.id()) && p.held()));
        assertThat(app.services().incidents().holdsOfJob("tool")).containsKey(normal.id());
        assertThat(cli.run("points", "tool").requireOk().out()).contains("held");
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(p -> p.id().equals(normal.id())).findFirst().orElseThrow()));
        robot.clickOn("#restore-release");
        await("the hold released", () -> table.getItems().stream().anyMatch(p -> p.id().equals(normal.id())
                && !p.held()));
        assertThat(app.services().incidents().holdsOfJob("tool")).doesNotContainKey(normal.id());
    }
}
