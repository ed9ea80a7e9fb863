package app.mamori.it;

import app.mamori.model.Source;
import app.mamori.testenv.PostgresExtension;
import app.mamori.testenv.PostgresServer;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import app.mamori.ui.servers.FindingChoice;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rediscover on the Servers page, against the real sshd and PostgreSQL: a database created
 * after the server was added is found, shown as new, and added as a source in one click.
 */
@ExtendWith({SshdExtension.class, PostgresExtension.class})
class RediscoverUiTest {
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
    void aDatabaseCreatedAfterTheServerWasAddedIsFoundAsNewAndAddedInOneClick(SshdServer sshd, PostgresServer pg,
                                                                           @TempDir Path tmp) throws Exception {
        // the one PostgreSQL server serves the whole run: names of this run's own
        String first = "rd_first_" + ProcessHandle.current().pid();
        String fresh = "rd_new_" + ProcessHandle.current().pid();
        Cli cli = new Cli(tmp.resolve("home"));
        cli.addServer("db1", sshd);
        pg.createDatabase(first);
        cli.runWithStdin(pg.mamoriPassword() + "\n", "source", "add", "firstdb", "--server", "db1", "--kind",
                "postgres", "--database", first, "--db-host", "127.0.0.1", "--db-port", Integer.toString(pg.port()),
                "--db-user", pg.mamoriUser(), "--password-stdin").requireOk();
        pg.createDatabase(fresh);
        window = AppWindow.open(cli.home());
        window.robot.clickOn("#nav-servers");
        AppWindow.await(() -> window.robot.lookup("#servers-table").queryTableView().getItems().size() == 1);
        window.robot.interact(() -> window.robot.lookup("#servers-table").queryTableView().getSelectionModel()
                .select(0));

        window.robot.clickOn("#servers-rediscover");
        AppWindow.await(() -> window.robot.lookup("#rediscover-findings").tryQuery().isPresent());
        ListView<FindingChoice> found = window.robot.lookup("#rediscover-findings").queryListView();
        AppWindow.await(() -> found.getItems().toString().contains("PostgreSQL database " + fresh)
                && !window.robot.lookup("#rediscover-known").queryLabeled().getText().isEmpty());

        assertThat(window.robot.lookup("#rediscover-steps").queryListView().getItems().toString())
                .as("each step said what it found as it ended").contains("PostgreSQL databases: ")
                .contains("SQLite files: ").doesNotContain("looking");
        assertThat(found.getItems().toString()).as("a source already: not offered again")
                .doesNotContain("PostgreSQL database " + first + ",").doesNotContain("PostgreSQL database " + first + "]");
        assertThat(window.robot.lookup("#rediscover-known").queryLabeled().getText()).startsWith("1 of");
        // other test classes' databases are on the same server: this test adds its own only
        window.robot.interact(() -> found.getItems().forEach(f -> f.chosenProperty().set(
                f.toString().equals("PostgreSQL database " + fresh))));
        int sourcesBefore = window.app.services().sources().onServer("db1").size();
        window.robot.clickOn("#rediscover-add");
        AppWindow.await(() -> window.app.services().sources().onServer("db1").size() == sourcesBefore + 1);

        Source added = window.app.services().sources().find(fresh).orElseThrow();
        assertThat(added).isInstanceOfSatisfying(Source.Database.class, d -> {
            assertThat(d.database()).isEqualTo(fresh);
            assertThat(d.dbPort()).hasValue(pg.port());
            assertThat(d.hasPassword()).isTrue();
        });
        assertThat(window.app.services().secrets().get("source/" + fresh + "/password")).hasValue(pg.mamoriPassword());
        AppWindow.await(() -> !found.getItems().toString().contains("PostgreSQL database " + fresh));
        assertThat(window.robot.lookup("#rediscover-added").queryLabeled().getText()).contains(fresh);

        int open = Window.getWindows().size();
        window.robot.type(KeyCode.ESCAPE);
        AppWindow.await(() -> Window.getWindows().size() == open - 1);
    }
}
