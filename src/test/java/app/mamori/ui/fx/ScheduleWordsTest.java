package app.mamori.ui.fx;

import app.mamori.model.SourceKind;
import app.mamori.retention.Reason;
import app.mamori.schedule.Schedule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Schedules, retention reasons and source kinds in the app's words, in both languages. */
class ScheduleWordsTest {
    private static final I18n JA = new I18n(Locale.JAPANESE);
    private static final I18n EN = new I18n(Locale.ENGLISH);
    private static final List<String> SHAPES = List.of("daily 02:30", "weekly mon 03:00", "hourly", "*/15 * * * *",
            "0 */6 * * *", "0 22 * * 1-5", "0 3 1 * *", "quarterly", "0 9,17 * * 1,3", "* * * * *",
            "5,10,20,40 1,2,3,4 * * *", "0 3 1,15 * 0");

    private static String words(I18n text, String schedule) {
        return new ScheduleWords(text).of(Schedule.parse(schedule).parts());
    }

    @Test
    void englishSaysEveryShapeAsTheCliDoes() {
        for (String s : SHAPES) {
            assertThat(words(EN, s)).as(s).isEqualTo(Schedule.parse(s).describe());
        }
    }

    @Test
    void japaneseSaysTheCommonSchedulesInJapaneseOrder() {
        assertThat(words(JA, "daily 02:30")).isEqualTo("毎日 02:30");
        assertThat(words(JA, "weekly mon 03:00")).isEqualTo("毎週月曜日 03:00");
        assertThat(words(JA, "0 22 * * 1-5")).isEqualTo("月曜日〜金曜日 22:00");
        assertThat(words(JA, "hourly")).isEqualTo("毎時 00 分");
        assertThat(words(JA, "quarterly")).isEqualTo("1月、4月、7月、10月の毎月 1 日 03:00");
    }

    @Test
    void noJapaneseScheduleHasAnEnglishWordLeft() {
        for (String s : SHAPES) {
            assertThat(words(JA, s)).as(s).doesNotContainPattern("[A-Za-z]");
        }
    }

    @Test
    void retentionReasonsAndSourceKindsAreSaidInJapanese() {
        RetentionWords ja = new RetentionWords(JA);
        assertThat(ja.reasons(List.of(new Reason(Reason.Rule.DAILY, "2026-12-06"),
                new Reason(Reason.Rule.NEWEST_VERIFIED, "")))).isEqualTo("毎日 2026-12-06、検証済みの最新");
        for (Reason.Rule rule : Reason.Rule.values()) {
            assertThat(ja.reason(new Reason(rule, ""))).as(rule.name()).doesNotContain("!").doesNotContainPattern("[a-z]");
            assertThat(new RetentionWords(EN).reason(new Reason(rule, ""))).as(rule.name()).doesNotContain("!");
        }
        assertThat(SourceKinds.name(JA, SourceKind.FILES)).isEqualTo("フォルダー");
        assertThat(SourceKinds.name(JA, "docker-volume")).isEqualTo("Docker ボリューム");
        assertThat(SourceKinds.name(EN, "postgres")).isEqualTo("PostgreSQL");
        for (SourceKind k : SourceKind.values()) {
            assertThat(SourceKinds.name(JA, k)).as(k.id()).doesNotContain("!").isNotEqualTo(k.id());
        }
        var lane = new app.mamori.catalog.TimelineLane("web1", "blog", "blog-db", "sqlite");
        assertThat(new app.mamori.ui.timeline.TimelineText(JA, java.time.ZoneOffset.UTC).laneHeader(lane))
                .isEqualTo("web1 \u00b7 SQLite \u00b7 blog");
        assertThat(SourceKinds.name(JA, "s3")).as("a kind a newer catalogue knows").isEqualTo("s3");
    }
}
