package app.mamori.ui.fx;

import app.mamori.model.RetentionPolicy;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionWordsTest {
    private static final RetentionPolicy WEEK_AND_YEAR = new RetentionPolicy(0, 0, 7, 0, 12, 0);

    @Test
    void aPolicyIsSaidRuleByRuleInEachLanguageAndNoRuleMeansEverything() {
        RetentionWords en = new RetentionWords(new I18n(Locale.ENGLISH));
        RetentionWords ja = new RetentionWords(new I18n(Locale.JAPANESE));
        assertThat(en.policy(WEEK_AND_YEAR)).isEqualTo("7 days, 12 months");
        assertThat(ja.policy(WEEK_AND_YEAR)).isEqualTo("7 日分、12 か月分");
        assertThat(ja.policy(new RetentionPolicy(0, 0, 0, 0, 0, 0))).isEqualTo("すべて");
        assertThat(ja.policy(new RetentionPolicy(3, 0, 0, 0, 0, 0))).isEqualTo("最新 3 件");
    }
}
