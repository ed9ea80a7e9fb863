package app.mamori.it;

import app.mamori.catalog.Catalog;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import app.mamori.ui.dashboard.Health;
import app.mamori.ui.dashboard.JobRow;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Pause and Resume on the Jobs page, against a job of the real test sshd that is overdue. */
@ExtendWith(SshdExtension.class)
class JobsUiTest {
    private Cli cli;
    private AppWindow window;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp(SshdServer sshd, @TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("tool.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("CREATE TABLE t(x)");
        }
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("tools", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        cli.run("source", "add", "tooldb", "--server", "tools", "--kind", "sqlite", "--path", db.toString())
                .requireOk();
        cli.run("job", "add", "tool", "--sources", "tooldb", "--vault", "local").requireOk();
        // scheduled three days ago and never run since: overdue, red on the dashboard
        try (Catalog catalog = Catalog.open(cli.home().resolve("catalog.db"),
                Clock.fixed(Instant.now().minus(Duration.ofDays(3)), ZoneOffset.UTC))) {
            catalog.schedules().set("tool", "daily 02:30");
        }
        window = AppWindow.open(cli.home());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    private JobRow dashboardRow() {
        TableView<JobRow> t = window.robot.lookup("#jobs-table").queryTableView();
        return t.getItems().stream().filter(r -> r.job().equals("tool")).findFirst().orElseThrow();
    }

    private boolean shown(String id) {
        return window.robot.lookup(id).tryQuery().map(n -> n.isVisible()).orElse(false);
    }

    @Test
    void pauseAsksWhyStopsTheScheduleAndResumeStartsItAgain() throws Exception {
        AppWindow.await(() -> dashboardRow().health() == Health.RED);
        window.robot.clickOn("#nav-jobs");
        AppWindow.await(() -> shown("#jobs-pause"));
        assertThat(shown("#jobs-resume")).isFalse();

        window.robot.clickOn("#jobs-pause");
        AppWindow.await(() -> window.robot.lookup("#pause-reason").tryQuery().isPresent());
        int open = Window.getWindows().size();
        window.robot.type(KeyCode.ESCAPE);
        AppWindow.await(() -> Window.getWindows().size() == open - 1);
        assertThat(window.app.services().jobs().pause("tool")).as("Escape pauses nothing").isEmpty();

        window.robot.clickOn("#jobs-pause");
        AppWindow.await(() -> window.robot.lookup("#pause-reason").tryQuery().isPresent());
        window.robot.clickOn("#pause-reason").write("moving db1");
        window.robot.clickOn("#pause-confirm");
        AppWindow.await(() -> window.app.services().jobs().pause("tool").isPresent() && shown("#jobs-resume"));

        assertThat(window.app.services().jobs().pause("tool").orElseThrow().reason()).hasValue("moving db1");
        assertThat(window.robot.lookup("#jobs-paused").queryAs(Label.class).getText())
                .startsWith("Paused (since ").contains(", moving db1)");
        assertThat(shown("#jobs-pause")).isFalse();
        assertThat(cli.run("status", "--json").requireOk().json().get(0).get("overdue").asBoolean()).isFalse();
        window.robot.clickOn("#nav-dashboard");
        AppWindow.await(() -> dashboardRow().paused().isPresent());
        assertThat(dashboardRow().health()).as("paused on purpose: not the red of an overdue job")
                .isEqualTo(Health.AMBER);

        window.robot.clickOn("#nav-jobs");
        AppWindow.await(() -> shown("#jobs-resume"));
        window.robot.clickOn("#jobs-resume");
        AppWindow.await(() -> window.app.services().jobs().pause("tool").isEmpty() && shown("#jobs-pause"));
        assertThat(shown("#jobs-paused")).isFalse();
        assertThat(cli.run("run-due").requireOk().out()).contains("backup of job tool succeeded");
    }

    @Test
    void aJobPausedFromTheCommandLineShowsAsPausedInTheOpenApp() throws Exception {
        window.robot.clickOn("#nav-jobs");
        AppWindow.await(() -> shown("#jobs-pause"));

        cli.run("job", "pause", "tool", "--reason", "retired").requireOk();

        AppWindow.await(() -> shown("#jobs-resume") && shown("#jobs-paused"));
        assertThat(window.robot.lookup("#jobs-paused").queryAs(Label.class).getText()).contains(", retired)");
    }
}
