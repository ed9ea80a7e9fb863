package app.mamori.it;

import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.source.files.RemoteFolders;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browse... in the Add source dialog, over SSH to the real test sshd: folders listed one level
 * at a time, names that are shell code shown as names and never run, several chosen at once.
 */
@ExtendWith(SshdExtension.class)
class FolderBrowserUiTest {
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

    private TableView<RemoteFolders.Folder> folders() {
        return window.robot.lookup("#browse-folders").queryTableView();
    }

    private void awaitListing(String path, String contains) throws Exception {
        try {
            AppWindow.await(() -> window.robot.lookup("#browse-path").tryQuery().isPresent()
                    && window.robot.lookup("#browse-path").queryTextInputControl().getText().equals(path)
                    && folders().getItems().stream().anyMatch(f -> f.path().equals(path + "/" + contains)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no folder " + contains + " listed in " + path + "; shown: "
                    + window.robot.lookup("#browse-path").queryTextInputControl().getText() + " "
                    + folders().getItems() + "; message: "
                    + window.robot.lookup("#browse-message").queryLabeled().getText(), e);
        }
    }

    /** Selects the folder named {@code name} and presses Enter on it, as a person opens it from the keyboard. */
    private void openByEnter(String name) {
        window.robot.interact(() -> {
            TableView<RemoteFolders.Folder> t = folders();
            t.getSelectionModel().clearSelection();
            t.getItems().stream().filter(f -> f.name().equals(name)).findFirst()
                    .ifPresent(f -> t.getSelectionModel().select(f));
            t.requestFocus();
        });
        window.robot.type(KeyCode.ENTER);
    }

    @Test
    void browsesTheServerToATempFolderAndAddsTheChosenFoldersWithoutRunningTheirNames(SshdServer sshd,
                                                                                      @TempDir Path tmp)
            throws Exception {
        String mark = "pwned-" + ProcessHandle.current().pid();
        Path srv = Files.createDirectories(tmp.resolve("srv"));
        Path uploads = Files.createDirectories(srv.resolve("uploads"));
        Files.writeString(uploads.resolve("a.txt"), "x".repeat(5000));
        String evil = "$(touch " + mark + ")`touch " + mark + "`'; touch " + mark + "; '";
        Files.createDirectories(srv.resolve(evil).resolve("inner"));
        Cli cli = new Cli(tmp.resolve("home"));
        cli.addServer("tools", sshd);
        window = AppWindow.open(cli.home());
        window.robot.clickOn("#nav-servers");
        AppWindow.await(() -> window.robot.lookup("#servers-table").queryTableView().getItems().size() == 1);
        window.robot.interact(() -> window.robot.lookup("#servers-table").queryTableView().getSelectionModel()
                .select(0));
        window.robot.clickOn("#servers-add-source");
        AppWindow.await(() -> window.robot.lookup("#source-kind").tryQuery().isPresent());
        window.robot.interact(() -> window.robot.lookup("#source-kind").queryComboBox().setValue(SourceKind.FILES));
        window.robot.clickOn("#source-browse");
        AppWindow.await(() -> folders().getItems().stream().anyMatch(f -> f.name().equals("tmp")));

        window.type("#browse-path", tmp.toString());
        window.robot.type(KeyCode.ENTER);
        awaitListing(tmp.toString(), "srv");
        openByEnter("srv");
        awaitListing(srv.toString(), evil);
        assertThat(folders().getItems()).extracting(RemoteFolders.Folder::name).containsExactly(evil, "uploads");
        assertThat(folders().getItems().get(1).sizeKiB()).as("a small folder is measured").isPresent();

        openByEnter(evil);
        awaitListing(srv.resolve(evil).toString(), "inner");
        window.robot.clickOn("#browse-up");
        awaitListing(srv.toString(), "uploads");
        window.robot.interact(() -> folders().getSelectionModel().selectAll());
        window.robot.clickOn("#browse-choose");
        AppWindow.await(() -> window.robot.lookup("#browse-folders").tryQuery().isEmpty());

        assertThat(window.robot.lookup("#source-folders").queryAs(TextArea.class).getText())
                .isEqualTo(srv.resolve(evil) + "\n" + uploads);
        window.type("#source-name", "site");
        window.robot.clickOn("#source-save");
        AppWindow.await(() -> window.app.services().sources().find("site").isPresent());
        assertThat(((Source.Files) window.app.services().sources().get("site")).paths())
                .containsExactly(srv.resolve(evil).toString(), uploads.toString());
        // the remote commands ran in the SSH user's home folder: a name run as code would have left its mark there
        Path remoteHome = Path.of(System.getProperty("user.home"));
        try (var found = Files.list(remoteHome)) {
            assertThat(found.map(p -> p.getFileName().toString())).doesNotContain(mark);
        }
        try (var found = Files.walk(tmp)) {
            assertThat(found.map(p -> p.getFileName().toString())).doesNotContain(mark);
        }
    }

    @Test
    void escapeClosesTheBrowserAndAddsNothing(SshdServer sshd, @TempDir Path tmp) throws Exception {
        Cli cli = new Cli(tmp.resolve("home"));
        cli.addServer("tools", sshd);
        window = AppWindow.open(cli.home());
        window.robot.clickOn("#nav-servers");
        AppWindow.await(() -> window.robot.lookup("#servers-table").queryTableView().getItems().size() == 1);
        window.robot.interact(() -> window.robot.lookup("#servers-table").queryTableView().getSelectionModel()
                .select(0));
        window.robot.clickOn("#servers-add-source");
        AppWindow.await(() -> window.robot.lookup("#source-kind").tryQuery().isPresent());
        window.robot.interact(() -> window.robot.lookup("#source-kind").queryComboBox().setValue(SourceKind.FILES));
        window.robot.clickOn("#source-browse");
        AppWindow.await(() -> !folders().getItems().isEmpty());
        int open = Window.getWindows().size();

        window.robot.type(KeyCode.ESCAPE);

        AppWindow.await(() -> Window.getWindows().size() == open - 1);
        assertThat(window.robot.lookup("#source-folders").queryAs(TextArea.class).getText()).isEmpty();
        assertThat(window.robot.lookup("#source-name").tryQuery()).as("the Add source dialog stays open").isPresent();
    }
}
