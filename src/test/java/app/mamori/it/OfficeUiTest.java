package app.mamori.it;

import app.mamori.model.SourceKind;
import app.mamori.testenv.MariadbExtension;
import app.mamori.testenv.MariadbServer;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import app.mamori.ui.AppContext;
import app.mamori.ui.dashboard.JobRow;
import app.mamori.ui.vaults.VaultRow;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
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
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Running an office from the app alone, against the real test sshd: vaults, jobs and servers
 * managed by clicking, and what the command line does meanwhile showing up without a restart.
 */
@ExtendWith({SshdExtension.class, MariadbExtension.class})
class OfficeUiTest {
    private Path tmp;
    private Cli cli;
    private AppWindow window;
    private FxRobot robot;
    private AppContext app;

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
        }
    }

    private void open() throws Exception {
        window = AppWindow.open(cli.home());
        robot = window.robot;
        app = window.app;
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        AppWindow.await(condition);
    }

    private void type(String id, String text) {
        window.type(id, text);
    }

    private Path sqliteSource(SshdServer sshd) throws Exception {
        Path db = tmp.resolve("tool.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("CREATE TABLE t(x)");
            c.createStatement().execute("INSERT INTO t VALUES (1), (2)");
        }
        cli.addServer("tools", sshd);
        cli.run("source", "add", "tooldb", "--server", "tools", "--kind", "sqlite", "--path", db.toString())
                .requireOk();
        return db;
    }

    @Test
    void aVaultAddedInTheAppIsMeasuredAndAJobCreatedThereBacksUp(SshdServer sshd) throws Exception {
        sqliteSource(sshd);
        open();
        robot.clickOn("#nav-vaults");
        TableView<VaultRow> vaults = robot.lookup("#vaults-table").queryTableView();
        robot.clickOn("#vaults-add");
        await(() -> robot.lookup("#vault-name").tryQuery().isPresent());
        type("#vault-name", "office");
        Path folder = tmp.resolve("nas/office");
        type("#vault-path", folder.toString());
        robot.clickOn("#vault-save");
        await(() -> vaults.getItems().size() == 1 && vaults.getItems().get(0).used().isPresent());
        assertThat(Files.isDirectory(folder)).isTrue();
        assertThat(vaults.getItems().get(0).free().getAsLong()).isPositive();

        robot.clickOn("#nav-jobs");
        robot.clickOn("#jobs-new");
        await(() -> robot.lookup("#editor-name").tryQuery().isPresent()
                && !robot.lookup("#editor-name").query().isDisabled());
        type("#editor-name", "tool");
        robot.interact(() -> robot.lookup("#editor-sources").queryListView().getItems().forEach(c ->
                ((app.mamori.ui.jobs.JobEditorViewModel.SourceChoice) c).chosen().set(true)));
        type("#editor-schedule", "daily 02:30");
        type("#editor-keep-daily", "7");
        robot.clickOn("#editor-save");
        await(() -> app.services().jobs().find("tool").isPresent());
        assertThat(app.services().jobs().get("tool").vault()).isEqualTo("office");
        assertThat(app.services().jobs().schedule("tool")).hasValue("daily 02:30");
        assertThat(app.services().jobs().retention("tool").daily()).isEqualTo(7);

        robot.clickOn("#jobs-backup");
        await(() -> app.runs().byJob().containsKey("tool") && !app.runs().byJob().get("tool").running());
        assertThat(app.services().points().list("tool")).hasSize(1);
    }

    @Test
    void aBackupRunFromTheCommandLineAppearsInTheOpenAppWithoutARestart(SshdServer sshd) throws Exception {
        sqliteSource(sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        cli.run("job", "add", "tool", "--sources", "tooldb", "--vault", "local").requireOk();
        open();
        TableView<JobRow> dashboard = robot.lookup("#jobs-table").queryTableView();
        await(() -> dashboard.getItems().size() == 1);
        assertThat(dashboard.getItems().get(0).points()).isZero();

        cli.run("backup", "tool").requireOk();
        cli.run("job", "add", "tool2", "--sources", "tooldb", "--vault", "local").requireOk();

        await(() -> dashboard.getItems().size() == 2 && dashboard.getItems().stream()
                .anyMatch(r -> r.job().equals("tool") && r.points() == 1));
    }

    @Test
    void anIncidentOpenedFromTheCommandLineShowsOnTheDashboardAndIsClosedThere(SshdServer sshd) throws Exception {
        sqliteSource(sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        cli.run("job", "add", "tool", "--sources", "tooldb", "--vault", "local").requireOk();
        cli.run("backup", "tool").requireOk();
        open();
        cli.run("incident", "open", "--sources", "tooldb", "--what", "database-changed").requireOk();
        await(() -> robot.lookup("#dashboard-close-incident-1").tryQuery().isPresent());
        assertThat(app.services().incidents().holdsOfJob("tool")).hasSize(1);

        robot.clickOn("#dashboard-close-incident-1");
        await(() -> robot.lookup("#dashboard-close-incident-1").tryQuery().isEmpty());
        assertThat(app.services().incidents().list(false)).isEmpty();
        assertThat(app.services().incidents().holdsOfJob("tool")).isEmpty();
    }

    @Test
    void sourcesOfEveryKindAreAddedByHandAndBackUp(SshdServer sshd, MariadbServer mariadb) throws Exception {
        sqliteSource(sshd);
        mariadb.createDatabase("blog");
        mariadb.execSql("blog", "CREATE TABLE posts (id INT PRIMARY KEY, title TEXT); INSERT INTO posts VALUES (1, 'hi')");
        Path uploads = Files.createDirectories(tmp.resolve("srv/uploads"));
        Files.writeString(uploads.resolve("a.txt"), "upload");
        Files.writeString(uploads.resolve("skip.log"), "noise");
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        open();
        robot.clickOn("#nav-servers");
        TableView<?> servers = robot.lookup("#servers-table").queryTableView();
        await(() -> servers.getItems().size() == 1);
        robot.interact(() -> servers.getSelectionModel().select(0));

        robot.clickOn("#servers-add-source");
        await(() -> robot.lookup("#source-name").tryQuery().isPresent());
        type("#source-name", "blogdb");
        robot.interact(() -> robot.lookup("#source-kind").queryComboBox().setValue(SourceKind.MYSQL));
        type("#source-database", "blog");
        type("#source-db-host", mariadb.host());
        type("#source-db-port", Integer.toString(mariadb.port()));
        type("#source-db-user", mariadb.mamoriUser());
        robot.clickOn("#source-password").write(mariadb.mamoriPassword());
        robot.clickOn("#source-save");
        await(() -> app.services().sources().find("blogdb").isPresent());
        assertThat(app.services().secrets().get("source/blogdb/password")).hasValue(mariadb.mamoriPassword());

        robot.clickOn("#servers-add-source");
        await(() -> robot.lookup("#source-name").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#source-kind").queryComboBox().setValue(SourceKind.FILES));
        type("#source-name", "uploads");
        robot.clickOn("#source-folders").write(uploads.toString());
        robot.clickOn("#source-excludes").write("*.log");
        robot.clickOn("#source-save");
        await(() -> app.services().sources().find("uploads").isPresent());

        cli.run("job", "add", "office", "--sources", "blogdb,uploads,tooldb", "--vault", "local").requireOk();
        robot.clickOn("#nav-dashboard");
        await(() -> robot.lookup("#backup-office").tryQuery().isPresent());
        robot.clickOn("#backup-office");
        await(() -> app.runs().byJob().containsKey("office") && !app.runs().byJob().get("office").running());
        var points = app.services().points().list("office");
        assertThat(points).hasSize(1);
        assertThat(points.get(0).point().point().artifacts()).extracting(a -> a.source())
                .containsExactlyInAnyOrder("blogdb", "uploads", "tooldb");
    }

    @Test
    void aServerIsTestedAndRemovedWithWhatGoesWithItAfterConfirming(SshdServer sshd) throws Exception {
        sqliteSource(sshd);
        open();
        robot.clickOn("#nav-servers");
        TableView<?> servers = robot.lookup("#servers-table").queryTableView();
        await(() -> servers.getItems().size() == 1);
        robot.interact(() -> servers.getSelectionModel().select(0));

        robot.clickOn("#servers-test");
        await(() -> robot.lookup("#servers-details").queryAs(TextArea.class).getText().contains("sqlite3"));
        assertThat(robot.lookup("#servers-message").queryLabeled().getText()).contains(sshd.hostKeyFingerprint());

        robot.clickOn("#servers-remove");
        await(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane .content").queryLabeled().getText()).contains("Source tooldb");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.services().servers().find("tools")).as("Escape keeps the server").isPresent();

        robot.clickOn("#servers-remove");
        await(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("Remove server")).findFirst().orElseThrow());
        await(() -> servers.getItems().isEmpty());
        assertThat(app.services().sources().find("tooldb")).isEmpty();
    }
}
