package app.mamori.it;

import app.mamori.testenv.PostgresExtension;
import app.mamori.testenv.PostgresServer;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import javafx.scene.control.ComboBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The night a database's password was changed on the server: the failed backup is said in the
 * admin's language on the Activity page, pointing at the Servers page's Password..., and the
 * password set there is the one the next backup uses (what `source set-password` does on the CLI,
 * whose next backup PostgresBackupTest runs).
 */
@ExtendWith({SshdExtension.class, PostgresExtension.class})
class SourcePasswordUiTest {
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
    void aRefusedLoginIsSaidInJapaneseAndThePasswordIsSetAgainFromTheServersPage(SshdServer sshd, PostgresServer pg,
                                                                                @TempDir Path tmp) throws Exception {
        String db = "pw_" + ProcessHandle.current().pid();
        pg.createDatabase(db);
        Cli cli = new Cli(tmp.resolve("home"));
        cli.addServer("db1", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        cli.runWithStdin("an-old-password\n", "source", "add", "acct", "--server", "db1", "--kind", "postgres",
                "--database", db, "--db-host", pg.host(), "--db-port", Integer.toString(pg.port()),
                "--db-user", pg.mamoriUser(), "--password-stdin").requireOk();
        cli.run("job", "add", "acct", "--sources", "acct", "--vault", "local").requireOk();
        assertThat(cli.run("backup", "acct").exit()).as("the stored password is wrong").isOne();

        window = AppWindow.open(cli.home(), Locale.JAPANESE);
        window.robot.clickOn("#nav-activity");
        AppWindow.await(() -> cells("#activity-table").contains("ログインを拒否"));
        assertThat(cells("#activity-table")).as("said in Japanese, with the app's control")
                .contains("バックアップ対象 acct", "「パスワード...」").doesNotContain("refused", "--password-stdin");

        window.robot.clickOn("#nav-servers");
        AppWindow.await(() -> window.robot.lookup("#servers-table").queryTableView().getItems().size() == 1);
        window.robot.interact(() -> window.robot.lookup("#servers-table").queryTableView().getSelectionModel()
                .select(0));
        int open = Window.getWindows().size();
        window.robot.clickOn("#servers-password");
        AppWindow.await(() -> window.robot.lookup("#password-source").tryQuery()
                .map(n -> "acct".equals(((ComboBox<?>) n).getValue())).orElse(false));
        // set, not typed: a robot's keystrokes cost a second each on a loaded machine
        window.robot.interact(() -> window.robot.lookup("#password-field").queryAs(PasswordField.class)
                .setText(pg.mamoriPassword()));
        window.robot.clickOn("#password-save");

        AppWindow.await(() -> Window.getWindows().size() == open);
        assertThat(window.app.services().secrets().get("source/acct/password")).hasValue(pg.mamoriPassword());
        assertThat(window.robot.lookup("#servers-message").queryLabeled().getText()).contains("acct");

        window.robot.clickOn("#servers-password");
        AppWindow.await(() -> Window.getWindows().size() == open + 1);
        window.robot.type(KeyCode.ESCAPE);
        AppWindow.await(() -> Window.getWindows().size() == open);
    }

    private String cells(String table) {
        return window.robot.lookup(table + " .table-cell").queryAllAs(IndexedCell.class).stream()
                .map(c -> c.getText() == null ? "" : c.getText()).collect(Collectors.joining("\n"));
    }
}
