package app.mamori.ui.fx;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class I18nTest {
    private final Locale before = Locale.getDefault();

    @AfterEach
    void restoreDefault() {
        Locale.setDefault(before);
    }

    @Test
    void aJapaneseDesktopGetsJapaneseAndEveryOtherEnglish() {
        assertThat(I18n.locale(UiSettings.Language.SYSTEM, Locale.JAPAN)).isEqualTo(Locale.JAPANESE);
        assertThat(I18n.locale(UiSettings.Language.SYSTEM, Locale.GERMANY)).isEqualTo(Locale.ENGLISH);
        assertThat(I18n.of(UiSettings.Language.SYSTEM, Locale.JAPAN).t("nav.restore")).isEqualTo("復元");
    }

    @Test
    void theChoiceInSettingsWinsOverTheDesktop() {
        assertThat(I18n.of(UiSettings.Language.JA, Locale.US).t("nav.settings")).isEqualTo("設定");
        assertThat(I18n.of(UiSettings.Language.EN, Locale.JAPAN).t("nav.settings")).isEqualTo("Settings");
    }

    @Test
    void englishStaysEnglishWhenTheJvmDefaultIsJapanese() {
        Locale.setDefault(Locale.JAPAN); // ResourceBundle would otherwise fall back to messages_ja
        assertThat(new I18n(Locale.ENGLISH).t("nav.jobs")).isEqualTo("Jobs");
    }

    @Test
    void japanesePatternsFillTheirPlaceholders() {
        assertThat(new I18n(Locale.JAPANESE).t("age.minutes", 5)).isEqualTo("5 分前");
        assertThat(new I18n(Locale.JAPANESE).t("tray.failed", "shop")).isEqualTo("ジョブ shop のバックアップが失敗しました");
    }
}
