package app.mamori.engine.verify;

import app.mamori.catalog.Event;
import app.mamori.catalog.Verification;
import app.mamori.model.Note;
import app.mamori.ui.fx.EventWords;
import app.mamori.ui.fx.Format;
import app.mamori.ui.fx.I18n;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a scheduled drill's event says on the Activity page and the timeline: each finding, or why
 * it could not drill, in Japanese, while the command line and notices keep their English.
 */
class ScheduledDrillEventTest {
    private static final Instant T = Instant.parse("2026-12-06T01:00:00Z");
    private static final I18n JA = new I18n(Locale.JAPANESE);
    private static final I18n EN = new I18n(Locale.ENGLISH);
    private final EventWords ja = new EventWords(JA, new Format(JA, ZoneOffset.UTC));
    private final EventWords en = new EventWords(EN, new Format(EN, ZoneOffset.UTC));

    private static Verification drill(Note found) {
        return new Verification("shop/p1", "shopdb", "shop", T, Verification.Method.DRILL,
                Verification.Result.FAILED, found, Duration.ofSeconds(3), Optional.empty());
    }

    @Test
    void aDrillThatFoundOtherTablesSaysEachTableInJapanese() {
        Outcome o = TableComparison.compare(Map.of("tables", Map.of("public.orders", 49), "tableCounts", "exact"),
                Map.of("public.orders", 50L), "mamori_drill_a1", "db1", Duration.ofMillis(2500));
        VerifyResult r = new VerifyResult(List.of(drill(o.detail())), false, List.of());

        Event e = ScheduledDrills.event("shop", "shop/p1", r, false, true, Duration.ZERO, T);

        assertThat(e.message()).isEqualTo("scheduled drill of job shop (point shop/p1): FAILED: shopdb drill: "
                + o.detail().english());
        assertThat(ja.of(e)).isEqualTo("ジョブ shop の定期リハーサル (ポイント shop/p1) が失敗しました: shopdb (復元リハーサル):"
                + " サーバー db1 の mamori_drill_a1 に 2.5 s で復元しましたが、バックアップが記録した内容と違います: テーブル"
                + " public.orders の行数が違います (バックアップ 49 行 → 復元後 50 行) (テーブル 1 個、50 行)");
        assertThat(en.of(e)).contains("FAILED: shopdb restore drill: restored into mamori_drill_a1")
                .contains("table public.orders: 49 rows in the backup, 50 restored");
    }

    @Test
    void aDrillThatCouldNotDrillSaysWhyInJapanese() {
        Note why = Note.of("drillNoScratch", "drill: could not create the scratch database mamori_drill_a1 on server"
                + " db1 (exit 1): permission denied; let the database user create databases, or check this point"
                + " without --drill", "mamori_drill_a1", "db1", 1, "permission denied");
        VerifyPlan.Item item = new VerifyPlan.Item("shop/p1", "shop", T, new app.mamori.model.Artifact("shopdb",
                app.mamori.model.SourceKind.POSTGRES, "shopdb.pgdump", 1, "aa"), new app.mamori.model.Vault("local",
                "/v", Optional.empty()), "db1/shop/p1", Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(Verification.Method.DRILL), Optional.empty(), List.of(), List.of());
        VerifyResult r = new VerifyResult(List.of(), false, List.of(Verifier.notChecked(item,
                Verification.Method.DRILL, why)));

        Event e = ScheduledDrills.event("shop", "shop/p1", r, false, false, Duration.ZERO, T);

        assertThat(e.message()).startsWith("scheduled drill of job shop (point shop/p1): could not drill: shop/p1"
                + " shopdb: drill NOT CHECKED");
        assertThat(ja.of(e)).isEqualTo("ジョブ shop の定期リハーサル (ポイント shop/p1) を実行できませんでした: 復元ポイント"
                + " shop/p1 の shopdb: 復元リハーサル を実行できなかったため、未検査です (成果物に問題があるという意味ではありません):"
                + " 復元リハーサル: サーバー db1 に作業用データベース mamori_drill_a1 を作成できませんでした (終了コード 1):"
                + " permission denied。データベースユーザーにデータベースの作成を許可するか、復元リハーサルなしで検証してください");
    }

    @Test
    void aCancelledDrillAndOneThatCouldNotStartAreSaidInJapanese() {
        Event cancelled = ScheduledDrills.event("shop", "shop/p1", new VerifyResult(List.of(), true, List.of()), false,
                true, Duration.ZERO, T);
        Event busy = Event.at(T, app.mamori.catalog.EventLevel.ERROR, "drill-scheduled", "x").withPhrase(
                "drillCouldNotRun", new app.mamori.engine.JobBusyException("shop", "job shop is already running (pid 7)")
                        .reason().orElseThrow().after("shop", "shop/p1"));

        Event old = Event.at(T, app.mamori.catalog.EventLevel.ERROR, "drill-scheduled", "x").withPhrase("drillFailed",
                "shop", "shop/p1", "shopdb drill: table a: 3 rows in the backup, 2 restored");

        assertThat(ja.of(old)).as("an event recorded before findings were kept by key shows the stored English finding")
                .isEqualTo("ジョブ shop の定期リハーサル (ポイント shop/p1) が失敗しました: shopdb drill: table a: 3 rows in the"
                        + " backup, 2 restored");
        assertThat(cancelled.message()).endsWith("FAILED: cancelled");
        assertThat(ja.of(cancelled)).isEqualTo("ジョブ shop の定期リハーサル (ポイント shop/p1) が失敗しました: 中止されました");
        assertThat(ja.of(busy)).isEqualTo("ジョブ shop の定期リハーサル (ポイント shop/p1) を開始できませんでした: ジョブ shop は"
                + "すでに実行中です。終わるまで待ってから、もう一度試してください");
    }
}
