package app.mamori.it;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
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
    void theNoTrayMessageIsInJapaneseOnAJapaneseDesktop(@TempDir Path home) throws Exception {
        window = AppWindow.open(home, Locale.JAPANESE);
        window.robot.clickOn("#nav-settings");
        AppWindow.await(() -> window.robot.lookup("#settings-no-tray").tryQuery().isPresent());

        assertThat(window.robot.lookup("#settings-no-tray").queryLabeled().getText()).contains("タスクトレイがありません");
        assertThat(window.robot.lookup("#settings-close-to-tray").queryAs(CheckBox.class).isDisabled()).isTrue();
    }
}
