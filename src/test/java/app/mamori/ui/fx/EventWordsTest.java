package app.mamori.ui.fx;

import app.mamori.catalog.Event;
import app.mamori.catalog.EventLevel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class EventWordsTest {
    private static final Instant T = Instant.parse("2026-12-06T01:00:00Z");
    private static final I18n JA = new I18n(Locale.JAPANESE);
    private final EventWords ja = new EventWords(JA, new Format(JA, ZoneOffset.UTC));

    private static Event event(String message) {
        return Event.at(T, EventLevel.INFO, "kind", message);
    }

    @Test
    void anEventWithAMessageKeyIsSaidInJapaneseWithTheServersTextAsWritten() {
        assertThat(ja.of(event("backup of job blog started").withPhrase("runStarted", "blog")))
                .isEqualTo("ジョブ blog のバックアップを開始しました");
        assertThat(ja.of(event("x").withPhrase("runFailed", "wiki", "source wiki-db: no file /srv/wiki.db")))
                .isEqualTo("ジョブ wiki のバックアップが失敗しました: source wiki-db: no file /srv/wiki.db");
        assertThat(ja.of(event("x").withPhrase("notifyFailed", "ops-chat", "failure", "cannot connect")))
                .isEqualTo("通知先 ops-chat に「失敗」の通知を送れませんでした: cannot connect");
        assertThat(ja.of(event("x").withPhrase("notifyFailed", "ops-chat", "failure", "cannot connect to webhook"
                + " https://chat.example/...", "webhookUnreachable", "https://chat.example/...")))
                .isEqualTo("通知先 ops-chat に「失敗」の通知を送れませんでした: Webhook https://chat.example/... に接続できません。"
                        + "アドレスが正しいか、このコンピューターから届くかを確かめてください。");
        assertThat(ja.of(event("x").withPhrase("verifyFinished", 1, 3, 0, 0, 0)))
                .isEqualTo("検証: 成果物 1 個、検査 3 件、失敗 0 件");
        assertThat(ja.of(event("x").withPhrase("verifyFinished", 2, 4, 1, 1, 1)))
                .isEqualTo("検証: 成果物 2 個、検査 4 件、失敗 1 件、実行できなかった検査 1 件、中止");
        assertThat(ja.of(event("x").withPhrase("incidentOpened", 2, "files-changed", "uploads", 2)))
                .isEqualTo("インシデント 2 を開始しました (ファイルの削除・変更、対象 uploads)。閉じるまで 2 件のポイントを保持します");
    }

    /** The reason a run failed on a source, said in Japanese too, names and paths kept as written. */
    @Test
    void aRunThatFailedForAKeyedReasonIsSaidInJapaneseAndAnUnknownReasonKeepsItsEnglish() {
        String english = "source wiki-db: no file /srv/wiki.db on server web1; check --path";

        assertThat(ja.of(event(english).withPhrase("runFailedBecause", "wiki", "wiki-db", "noFile", "/srv/wiki.db",
                "web1"))).isEqualTo("ジョブ wiki のバックアップが、バックアップ対象 wiki-db で失敗しました: サーバー web1 に"
                + "ファイル /srv/wiki.db がありません。「サーバー」画面でバックアップ対象のパスを確かめてください。")
                .doesNotContain("--path");
        assertThat(ja.of(event(english).withPhrase("runFailedBecause", "wiki", "wiki-db", "fromANewerMamori", "x")))
                .isEqualTo(english);
    }

    /** A failed check's event says what the check found in Japanese; one written before checks kept keys, its English. */
    @Test
    void aFailedCheckIsSaidInJapaneseAndAnOlderEventKeepsItsEnglishFinding() {
        String found = "/vault/db.sqlite.zst is missing from the vault";

        assertThat(ja.of(event("x").withPhrase("verifyFailed", "checksum", "db", "blog/p1", found, "checksumMissing",
                "/vault/db.sqlite.zst"))).isEqualTo("検証に失敗しました (チェックサム): 復元ポイント blog/p1 の db: 保管庫に"
                + " /vault/db.sqlite.zst がありません。再び検証に通るまで、このポイントからは復元できません");
        assertThat(ja.of(event("x").withPhrase("copyCheckFailed", "checksum", "db", "blog/p1", "offsite", found,
                "checksumMissing", "/vault/db.sqlite.zst"))).contains("保管庫に /vault/db.sqlite.zst がありません")
                .doesNotContain(found);
        assertThat(ja.of(event("x").withPhrase("verifyFailed", "checksum", "db", "blog/p1", found))).contains(found);
    }

    /** A failed copy offsite, from the Offsite view or after a backup: why, in Japanese where the cause has a key. */
    @Test
    void aFailedCopySaysItsCausesReasonInJapaneseAndAnUnkeyedCauseAsWritten() {
        app.mamori.model.Note denied = app.mamori.model.Note.of("storageNoBucket", "vault offsite (...): bucket b does"
                + " not exist; create it at the provider first", "offsite", "b");

        assertThat(ja.of(event("x").withPhrase("copyPointFailed", denied.after("shop/p1", "offsite"))))
                .isEqualTo("復元ポイント shop/p1 を保管庫 offsite にコピーできませんでした: 保管庫 offsite: バケット b がありません。"
                        + "先にストレージのサービスでバケットを作成してください。もう一度コピーすると、送信済みの分から再開します");
        assertThat(ja.of(event("x").withPhrase("copyFailed", denied.after("shop/p1", "offsite"))))
                .contains("保管庫 offsite: バケット b がありません").doesNotContain("does not exist");
        assertThat(ja.of(event("x").withPhrase("copyPointFailed", "shop/p1", "offsite", "disk on fire")))
                .isEqualTo("復元ポイント shop/p1 を保管庫 offsite にコピーできませんでした: disk on fire。もう一度コピーすると、"
                        + "送信済みの分から再開します");
    }

    @Test
    void anOldRowOrAKeyThisBuildDoesNotKnowShowsTheStoredText() {
        assertThat(ja.of(event("backup of job blog started"))).isEqualTo("backup of job blog started");
        assertThat(ja.of(event("from a newer Mamori").withPhrase("somethingNew", "a"))).isEqualTo("from a newer Mamori");
    }

    @Test
    void englishSaysWhatTheCliWouldHaveStored() {
        I18n en = new I18n(Locale.ENGLISH);
        EventWords words = new EventWords(en, new Format(en, ZoneOffset.UTC));
        assertThat(words.of(event("x").withPhrase("runSucceeded", "blog", "blog/20261206T010000Z")))
                .isEqualTo("backup of job blog succeeded: restore point blog/20261206T010000Z");
        assertThat(words.of(event("x").withPhrase("verifyFinished", 1, 3, 0, 0, 0)))
                .isEqualTo("verify: 1 artifact(s), 3 check(s), 0 failed");
    }
}
