package app.mamori.engine.notify;

import app.mamori.engine.JobStatus;
import app.mamori.model.RunStatus;
import app.mamori.notify.Notice;
import app.mamori.testenv.BundleFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static app.mamori.engine.notify.NoticeSamples.NOW;
import static app.mamori.engine.notify.NoticeSamples.TOKYO;
import static org.assertj.core.api.Assertions.assertThat;

/** What the notices say, in English (as before they came from a bundle) and in Japanese. */
class NoticeWordsTest {
    private final Map<String, Notice> en = NoticeSamples.all(NoticeText.EN);
    private final Map<String, Notice> ja = NoticeSamples.all(NoticeText.JA);

    /** english-notices.txt is what the notices said when they were written in the code: mail filters match them. */
    @Test
    void englishNoticesReadWordForWordAsBeforeTheBundle() throws IOException {
        StringBuilder said = new StringBuilder();
        en.forEach((k, n) -> said.append("## ").append(k).append('\n').append(n.event()).append(" | ")
                .append(n.title()).append('\n').append(n.text()).append('\n').append(n.fields()).append('\n'));
        String before;
        try (InputStream in = getClass().getResourceAsStream("english-notices.txt")) {
            before = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(said.toString()).isEqualTo(before);
        assertThat(en.get("failure").sentBy()).isEqualTo("Sent by Mamori at 2026-03-02T18:30:00Z");
    }

    @Test
    void aFailedBackupInJapaneseNamesJobServerSourceAndWhatToTry() {
        Notice n = RunNotices.of(NoticeText.JA, NoticeSamples.failedSource(), "web1", NOW);

        assertThat(n.title()).isEqualTo("バックアップ失敗: ジョブ web-db (サーバー web1)");
        assertThat(n.text()).contains("ソース shop-db が失敗しました: pg_dump exited 1: connection refused")
                .contains("新しい復元ポイントは作られていません").contains("対処のしかた:")
                .contains("- 今すぐもう一度実行する: mamori backup web-db")
                .contains("mamori server test web1").contains("(実行 44)")
                .doesNotContain("What to try").doesNotContain("Source shop-db failed");
        assertThat(n.sentBy()).isEqualTo("Mamori が 2026-03-02T18:30:00Z に送信しました");
    }

    @Test
    void aSuccessAndATestMessageInJapanese() {
        assertThat(ja.get("success").title()).isEqualTo("バックアップ成功: ジョブ web-db (サーバー web1)");
        assertThat(ja.get("success").text()).startsWith("復元ポイント web-db/20260302T183000Z に 1 個のソースを保存しました"
                + " (保存量 3.0 MiB):\n- shop-db: 3.0 MiB");
        assertThat(ja.get("test").title()).isEqualTo("テスト通知: 通知先 office-mail");
        assertThat(ja.get("test").text()).contains("Mamori の通知先 office-mail は届いています");
        assertThat(ja.get("failureNoSource").text()).startsWith("実行がキャンセルされました: cancelled by the admin");
    }

    @Test
    void overdueAndBreachedObjectivesInJapaneseSayHowLongInJapanese() {
        Notice overdue = StatusNotices.overdue(NoticeText.JA, new JobStatus("web-db", Optional.of("0 2 * * *"),
                Optional.of("every day at 02:00"), Optional.empty(), Optional.of(NOW.minus(Duration.ofHours(50))),
                Optional.of(RunStatus.FAILED), Optional.of(Duration.ofHours(36)), true, 2, Optional.empty()),
                "web1", NOW, TOKYO);

        assertThat(overdue.title()).isEqualTo("バックアップ期限切れ: ジョブ web-db (サーバー web1)");
        assertThat(overdue.text()).startsWith("サーバー web1 のジョブ web-db のバックアップが期限切れです:"
                + " 最後に成功したのは 2 日前 (2026-03-01 01:30) です。\n")
                .contains("少なくとも 36 時間ごとに成功するはずです。直近の実行は失敗しました。")
                .contains("- 今すぐバックアップする: mamori backup web-db");
        assertThat(ja.get("rpo").title()).isEqualTo("目標未達 (RPO): ジョブ web-db (サーバー web1) が 6 時間超過");
        assertThat(ja.get("rpo").text()).contains("目標復旧時点 (RPO)").contains("30 時間前");
        assertThat(ja.get("rto").text()).contains("ソースの復元にかかる時間がわかりません");
        assertThat(ja.get("offsite").text()).contains("1 分前").contains("mamori copy web-db");
    }

    @Test
    void theDigestInJapaneseCountsProblemsAndListsThemFirst() {
        Notice digest = ja.get("digest");

        assertThat(digest.title()).isEqualTo("Mamori 毎日のまとめ 2026-03-03: ジョブ 3 件、期限切れ 1、失敗 2");
        assertThat(digest.text().lines().toList()).containsExactly(
                "期限切れ  web-db: 最終成功 なし、次回 2026-03-03 02:30",
                "失敗  files: 最終成功 なし、スケジュールなし",
                "正常  web-db: 最終成功 2026-03-03 02:00 (90 分前)、次回 2026-03-03 05:30");
        assertThat(StatusNotices.digest(NoticeText.JA, List.of(), LocalDate.of(2026, 3, 3), NOW, TOKYO).title())
                .isEqualTo("Mamori 毎日のまとめ 2026-03-03: ジョブ 0 件、すべて正常");
    }

    /** Webhooks read the fields: a Japanese notifier gets the same names and values as an English one. */
    @Test
    void everyJapaneseNoticeHasJapaneseWordsAndTheSameMachineFields() {
        ja.forEach((kind, n) -> {
            assertThat(n.title().chars().anyMatch(BundleFiles::isJapanese)).as(kind + ": " + n.title()).isTrue();
            assertThat(n.fields()).as(kind).isEqualTo(en.get(kind).fields());
            assertThat(n.event()).as(kind).isEqualTo(en.get(kind).event());
        });
    }
}
