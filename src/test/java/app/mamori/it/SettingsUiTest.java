package app.mamori.it;

import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings on a desktop without a tray (headless Monocle has none), as the admin sees it. */
class SettingsUiTest {
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
    void withoutATraySettingsSaysSoAndTheKeepInTrayOptionIsOff(@TempDir Path home) throws Exception {
        window = AppWindow.open(home);
        window.robot.clickOn("#nav-settings");
        AppWindow.await(() -> window.robot.lookup("#settings-no-tray").tryQuery().isPresent());

        CheckBox keep = window.robot.lookup("#settings-close-to-tray").queryAs(CheckBox.class);
        assertThat(keep.isDisabled()).isTrue();
        assertThat(keep.isSelected()).isFalse();
        Labeled why = window.robot.lookup("#settings-no-tray").queryLabeled();
        assertThat(why.isVisible()).isTrue();
        assertThat(why.getText()).contains("no system tray").contains("closing the window quits Mamori")
                .contains("E-mail and webhook");
        assertThat(window.robot.lookup("#settings-start-with-session").tryQuery()).as("login start option")
                .isPresent();
    }

    @Test
    void aListedNotifiersLanguageIsChangedBesideSendTest(@TempDir Path home) throws Exception {
        Cli cli = new Cli(home);
        cli.run("notify", "add", "chat", "--webhook", "http://127.0.0.1:9/hook").requireOk();
        window = AppWindow.open(home, Locale.JAPANESE);
        window.robot.clickOn("#nav-settings");
        AppWindow.await(() -> window.robot.lookup("#notifiers").tryQuery()
                .map(n -> !((ListView<?>) n).getItems().isEmpty()).orElse(false));
        ListView<?> list = window.robot.lookup("#notifiers").queryListView();
        ComboBox<String> chosen = window.robot.lookup("#notify-chosen-language").queryComboBox();
        assertThat(chosen.isDisabled()).as("no notifier chosen yet").isTrue();

        window.robot.interact(() -> list.getSelectionModel().select(0));
        assertThat(chosen.getValue()).isEqualTo("en");
        window.robot.interact(() -> chosen.setValue("ja"));

        AppWindow.await(() -> window.robot.lookup("#notify-message").queryLabeled().getText()
                .equals("通知先 chat は今後日本語で通知します"));
        assertThat(cli.run("notify", "list").requireOk().out()).contains("in ja");
    }

    @Test
    void theNoTrayMessageIsInJapaneseOnAJapaneseDesktop(@TempDir Path home) throws Exception {
        window = AppWindow.open(home, Locale.JAPANESE);
        window.robot.clickOn("#nav-settings");
        AppWindow.await(() -> window.robot.lookup("#settings-no-tray").tryQuery().isPresent());

        assertThat(window.robot.lookup("#settings-no-tray").queryLabeled().getText()).contains("タスクトレイがありません");
        assertThat(window.robot.lookup("#settings-close-to-tray").queryAs(CheckBox.class).isDisabled()).isTrue();
    }

    /** The suite runs with MAMORI_KEYRING=off: Settings says the file is used, where it is, and why. */
    @Test
    void settingsSaysPasswordsAreInTheFileAndWhyNotInTheKeyring(@TempDir Path home) throws Exception {
        window = AppWindow.open(home);
        window.robot.clickOn("#nav-settings");
        AppWindow.await(() -> window.robot.lookup("#settings-secrets").tryQuery()
                .map(n -> !((Labeled) n).getText().isEmpty()).orElse(false));

        assertThat(window.robot.lookup("#settings-secrets").queryLabeled().getText())
                .isEqualTo("Kept in " + home.resolve("secrets.json") + ", a file only you can read."
                        + " The OS keyring is turned off (MAMORI_KEYRING=off).");
    }

    @Test
    void whereThePasswordsAreIsInJapaneseOnAJapaneseDesktop(@TempDir Path home) throws Exception {
        window = AppWindow.open(home, Locale.JAPANESE);
        window.robot.clickOn("#nav-settings");
        AppWindow.await(() -> window.robot.lookup("#settings-secrets").tryQuery()
                .map(n -> !((Labeled) n).getText().isEmpty()).orElse(false));

        assertThat(window.robot.lookup("#settings-secrets").queryLabeled().getText())
                .contains("secrets.json に保管しています").contains("キーリングはオフ");
    }

    /** A form: every label left of its field, at the top of its row, and every help text wrapping under its field. */
    @Test
    void settingsIsAFormWithLabelsLeftOfTheirFieldsAndHelpThatWraps(@TempDir Path home) throws Exception {
        window = AppWindow.open(home, Locale.JAPANESE);
        window.robot.interact(() -> {
            javafx.stage.Stage s = (javafx.stage.Stage) javafx.stage.Window.getWindows().get(0);
            s.setWidth(1280);
            s.setHeight(720);
        });
        window.robot.clickOn("#nav-settings");
        AppWindow.await(() -> window.robot.lookup("#settings-form").tryQuery().isPresent());
        javafx.scene.layout.GridPane form = window.robot.lookup("#settings-form").queryAs(javafx.scene.layout.GridPane.class);

        java.util.List<javafx.scene.Node> labels = form.getChildren().stream()
                .filter(n -> n.getStyleClass().contains("settings-label")).toList();
        assertThat(labels).hasSizeGreaterThanOrEqualTo(9);
        for (javafx.scene.Node label : labels) {
            int row = javafx.scene.layout.GridPane.getRowIndex(label);
            javafx.scene.Node field = form.getChildren().stream().filter(n -> n != label
                    && javafx.scene.layout.GridPane.getRowIndex(n) == row).findFirst().orElseThrow();
            assertThat(label.getBoundsInParent().getMaxX()).as(((Labeled) label).getText())
                    .isLessThan(field.getBoundsInParent().getMinX());
            assertThat(label.getBoundsInParent().getMinY()).as("at the top of its row")
                    .isLessThanOrEqualTo(field.getBoundsInParent().getMinY() + 6);
        }
        java.util.List<Labeled> help = window.robot.lookup(".settings-help").queryAllAs(Labeled.class).stream()
                .filter(javafx.scene.Node::isVisible).toList();
        assertThat(help).hasSizeGreaterThanOrEqualTo(4).allSatisfy(h -> assertThat(h.isWrapText()).isTrue());
        assertThat(help.stream().filter(h -> h.getHeight() > 2 * h.getFont().getSize() * 1.2))
                .as("a long help text takes several lines rather than running off").isNotEmpty();
        assertThat(window.robot.lookup("#settings-section-desktop").queryLabeled().getText()).isEqualTo("デスクトップ");
        assertThat(CutTextUiTest.cutTexts(javafx.stage.Window.getWindows().get(0))).isEmpty();
    }
}
