package app.mamori.ui.fx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class UiSettingsStoreTest {

    @Test
    void settingsRoundTripAndTheFileIsPrivate(@TempDir Path tmp) throws Exception {
        UiSettingsStore store = new UiSettingsStore(tmp.resolve("ui.json"));
        UiSettings s = UiSettings.defaults().withTheme(UiSettings.ThemeChoice.DARK)
                .withBounds(10, 20, 800, 600, false).withCloseToTray(true).withLanguage(UiSettings.Language.JA);
        store.save(s);
        assertThat(store.load()).isEqualTo(s);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("ui.json"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aMissingOrDamagedFileMeansTheDefaults(@TempDir Path tmp) throws Exception {
        UiSettingsStore store = new UiSettingsStore(tmp.resolve("ui.json"));
        assertThat(store.load()).isEqualTo(UiSettings.defaults());
        Files.writeString(tmp.resolve("ui.json"), "{not json");
        assertThat(store.load()).isEqualTo(UiSettings.defaults());
    }

    @Test
    void aFileFromBeforeTheLanguageSettingFollowsTheSystem(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("ui.json"), "{\"theme\":\"DARK\",\"closeToTray\":true}");
        UiSettings s = new UiSettingsStore(tmp.resolve("ui.json")).load();
        assertThat(s.language()).isEqualTo(UiSettings.Language.SYSTEM);
        assertThat(s.theme()).isEqualTo(UiSettings.ThemeChoice.DARK);
    }

    @Test
    void messagesExistForEveryKeyTheFormatterUses() {
        I18n text = new I18n(java.util.Locale.ENGLISH);
        assertThat(text.t("age.minutes", 5)).isEqualTo("5 min ago");
        assertThat(text.t("dashboard.vaultUsage", "nas", "1.0 GiB", 3)).isEqualTo("nas: 1.0 GiB in 3 points");
        assertThat(text.t("no.such.key")).isEqualTo("!no.such.key!");
    }
}
