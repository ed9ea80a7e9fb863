package app.mamori.it;

import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page without a mouse: Ctrl+1..7 opens the pages, Tab walks each page's controls and comes back round. */
@ExtendWith(SshdExtension.class)
class KeyboardNavigationUiTest {
    private static final List<String> PAGES = List.of("dashboard", "servers", "jobs", "vaults", "restore", "activity",
            "settings");
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

    private Node focusOwner() {
        return window.robot.listTargetWindows().get(0).getScene().getFocusOwner();
    }

    @Test
    void shortcutsOpenEveryPageAndTabReachesItsControls(SshdServer sshd, @TempDir Path tmp) throws Exception {
        Cli cli = new Cli(tmp.resolve("home"));
        cli.sqliteJob(sshd, tmp);
        cli.run("backup", "tool").requireOk();
        window = AppWindow.open(cli.home());
        var robot = window.robot;

        for (int i = PAGES.size() - 1; i >= 0; i--) {
            String page = PAGES.get(i);
            robot.press(KeyCode.CONTROL).type(KeyCode.valueOf("DIGIT" + (i + 1))).release(KeyCode.CONTROL);
            AppWindow.await(() -> robot.lookup("#nav-" + page).queryAs(ToggleButton.class).isSelected());

            Node start = focusOwner();
            Set<Node> reached = new HashSet<>();
            Node focused = null;
            for (int tab = 0; tab < 200 && focused != start; tab++) {
                robot.type(KeyCode.TAB);
                focused = focusOwner();
                assertThat(focused).as("a control has the focus after %d Tab on %s", tab + 1, page).isNotNull();
                reached.add(focused);
            }
            assertThat(focused).as("Tab on the %s page comes round to where it started (nothing traps it): reached %s",
                    page, reached).isSameAs(start);
            assertThat(reached.stream().filter(n -> n.getId() == null || !n.getId().startsWith("nav-")))
                    .as("controls of the %s page itself that Tab reaches: %s", page, reached).hasSizeGreaterThan(1);
        }
    }
}
