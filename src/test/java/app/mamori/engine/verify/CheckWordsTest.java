package app.mamori.engine.verify;

import app.mamori.catalog.Verification;
import app.mamori.model.Artifact;
import app.mamori.model.Note;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.model.Vault;
import app.mamori.source.RestoreCommand;
import app.mamori.source.RestoreCommands;
import app.mamori.ui.fx.CheckWords;
import app.mamori.ui.fx.I18n;
import app.mamori.util.CancelToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a failed check found, as the app says it in Japanese: the sentence the check wrote for a
 * person, with its file names and numbers kept, and none of the English the command line prints.
 */
class CheckWordsTest {
    private static final I18n JA = new I18n(Locale.JAPANESE);
    private static final I18n EN = new I18n(Locale.ENGLISH);

    @TempDir
    Path vault;

    private VerifyPlan.Item item(String file, long size) {
        Artifact a = new Artifact("blog-db", SourceKind.MYSQL, file, size, "aa");
        return new VerifyPlan.Item("blog/20261201T020000Z", "blog", Instant.EPOCH, a,
                new Vault("local", vault.toString(), Optional.empty()), "web/blog/20261201T020000Z", Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(Verification.Method.CHECKSUM), Optional.empty(), List.of(),
                List.of());
    }

    private Path write(String file, String content) throws Exception {
        Path p = vault.resolve("web/blog/20261201T020000Z").resolve(file);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    @Test
    void aTruncatedDumpIsSaidInJapaneseWithItsFileAndSizes() throws Exception {
        Path dump = write("blog-db.sql", "abc");

        Outcome o = Checksums.local(item("blog-db.sql", 10), CancelToken.none());

        assertThat(o.ok()).isFalse();
        assertThat(CheckWords.detail(JA, o.detail())).isEqualTo(dump + " が途中で切れています: 3 バイトしかありません"
                + " (バックアップが書いたのは 10 バイト)");
        assertThat(o.detail().english()).isEqualTo(dump + " is truncated: 3 bytes, the backup wrote 10");
    }

    @Test
    void anIncompleteSqlDumpIsSaidInJapaneseWithItsLastLine() throws Exception {
        Path dump = write("blog-db.sql", "INSERT INTO posts VALUES (1);\n");

        Outcome o = FormatChecks.check(item("blog-db.sql", 30), null, CancelToken.none());

        String said = CheckWords.detail(JA, o.detail());
        assertThat(o.ok()).isFalse();
        assertThat(said).startsWith(dump + " の最後にダンプツールの「-- Dump completed」の行がありません")
                .contains("INSERT INTO posts VALUES (1);").doesNotContain("incomplete");
    }

    @Test
    void aDrillWhoseTablesDifferIsSaidInJapaneseWithTheScratchServerAndTime() {
        Outcome o = TableComparison.compare(Map.of("tables", Map.of("posts", 3), "tableCounts", "exact"),
                Map.of("posts", 2L), "mamori_drill_a1", "web", Duration.ofMillis(2500));

        String said = CheckWords.detail(JA, o.detail());
        assertThat(o.ok()).isFalse();
        assertThat(said).startsWith("サーバー web の mamori_drill_a1 に 2.5 s で復元しましたが、バックアップが記録した内容と違います")
                .contains("テーブル posts の行数が違います (バックアップ 3 行 → 復元後 2 行)")
                .doesNotContain("restored into").doesNotContain("differs").doesNotContain("rows");
        // the English app says the same as the command line
        assertThat(CheckWords.detail(EN, o.detail())).isEqualTo(o.detail().english());
    }

    /** A drill that passed on counts taken outside the dump's snapshot: the differing tables, and the warning, in Japanese. */
    @Test
    void countedTablesThatMovedAreListedInJapaneseInTheFindingAndItsWarning() {
        Map<String, Object> tables = new java.util.LinkedHashMap<>();
        tables.put("orders", 50);
        tables.put("gone", 1);
        Map<String, Long> restored = new java.util.LinkedHashMap<>();
        restored.put("orders", 52L);
        restored.put("new", 3L);
        Outcome o = TableComparison.compare(Map.of("tables", tables, "tableCounts", "approximate"), restored,
                "mamori_drill_a1", "web", Duration.ofMillis(2500));

        String list = "テーブル orders の行数が違います (バックアップ 50 行 → 復元後 52 行)、テーブル gone が復元後にありません"
                + " (バックアップでは 1 行)、テーブル new はバックアップに記録がありません (復元後 3 行)";
        assertThat(o.ok()).isTrue();
        assertThat(CheckWords.detail(JA, o.detail())).endsWith(": " + list);
        Note warned = Verifier.warning(item("shop.pgdump", 1), o.warnings().get(0));
        assertThat(CheckWords.detail(JA, warned)).isEqualTo("復元ポイント blog/20261201T020000Z の blog-db: ダンプ直後に"
                + "数えた行数と違うテーブルがあります (数えたのはダンプの外なので、その間に書き込まれた行も差に出ます): " + list);
        // the command line prints the English it always did
        assertThat(warned.english()).isEqualTo("blog/20261201T020000Z blog-db: row counts differ from those counted"
                + " just after the dump (outside its snapshot, so rows written in between show up here): table orders:"
                + " 50 rows in the backup, 52 restored; table gone: 1 rows in the backup, missing from the restore;"
                + " table new: 3 rows restored, not recorded by the backup");
        assertThat(CheckWords.detail(EN, o.detail())).isEqualTo(o.detail().english());
    }

    /** A check recorded before the list's lines were kept by key shows the list as it was stored. */
    @Test
    void aDrillRecordedBeforeItsListWasKeptShowsTheStoredList() {
        Note old = new Note("drillTablesDiffer", List.of("db", "web", "2.5 s", "1", "2",
                "table a: 3 rows in the backup, 2 restored"), "restored into db on server web ...");

        assertThat(CheckWords.detail(JA, old)).startsWith("サーバー web の db に 2.5 s で復元しましたが")
                .contains(": table a: 3 rows in the backup, 2 restored");
    }

    /** A check that could not run, and a passing check's warning, as the restore page says them after a verification. */
    @Test
    void aVerificationThatPassedWithWarningsSaysThemInJapanese() {
        Note why = Note.of("drillNoScratch", "drill: could not create the scratch database mamori_drill_a1 on server"
                + " db1 (exit 1): permission denied; ...", "mamori_drill_a1", "db1", 1, "permission denied");
        Note scratch = Note.of("drillObjectsLeft", "2 scratch object(s) ...", 2, "uploads", ".mamori-drill-a1");
        VerifyResult r = new VerifyResult(List.of(), false, List.of(Verifier.notChecked(item("blog-db.sql", 1),
                Verification.Method.DRILL, why), Verifier.warning(item("blog-db.sql", 1), scratch)));

        String said = CheckWords.verified(JA, "復元ポイント blog/20261201T020000Z", r);

        assertThat(said).isEqualTo("復元ポイント blog/20261201T020000Z: 0 件の確認すべてに合格しました。ただし: 復元ポイント"
                + " blog/20261201T020000Z の blog-db: 復元リハーサル を実行できなかったため、未検査です (成果物に問題があるという意味"
                + "ではありません): " + CheckWords.detail(JA, why) + "、復元ポイント blog/20261201T020000Z の blog-db:"
                + " 復元リハーサルの作業用オブジェクト 2 個が s3://uploads/.mamori-drill-a1 の下に残っています。手作業で削除してください");
        assertThat(said).doesNotContain("NOT CHECKED").doesNotContain("drill:");
        assertThat(r.warnings().get(0).english()).isEqualTo("blog/20261201T020000Z blog-db: drill NOT CHECKED (this"
                + " says nothing about the artifact): " + why.english());
    }

    @Test
    void aDrillStepThatFailedIsSaidInJapaneseStepAndAll() {
        RestoreCommand load = RestoreCommands.postgresToNewDatabase(new Source.Database("shopdb", "db1",
                SourceKind.POSTGRES, "shop", Optional.empty(), Optional.empty(), Optional.of("shop"), Optional.empty(),
                false), "mamori_drill_a1").get(1);

        Note failed = Drill.stepFailed(load, "db1", "/vault/shopdb.pgdump", 1,
                "pg_restore: error: input file is too short");

        assertThat(CheckWords.detail(JA, failed)).isEqualTo("復元リハーサル: サーバー db1 で /vault/shopdb.pgdump の"
                + "「新しいデータベース mamori_drill_a1 に pg_restore で復元」が失敗しました (終了コード 1):"
                + " pg_restore: error: input file is too short");
        assertThat(failed.english()).isEqualTo("drill: " + load.purpose() + " on server db1 failed for"
                + " /vault/shopdb.pgdump (exit 1): pg_restore: error: input file is too short");
        // the English app says the step as a restore's log does
        assertThat(CheckWords.detail(EN, failed)).startsWith("drill: pg_restore into the new database mamori_drill_a1"
                + " on server db1 failed for /vault/shopdb.pgdump");
    }

    /** A files drill copies the tree inside a private folder: the step that failed is said in Japanese, both parts. */
    @Test
    void aFilesDrillStepThatFailedIsSaidInJapaneseFolderAndAll() {
        DrillSteps steps = DrillSteps.of(new Source.Files("uploads", "web", List.of("/srv/uploads"), List.of()),
                "/var/tmp/mamori-drill-a1", null);

        Note failed = Drill.stepFailed(steps.restore().get(0), "web", "/vault/uploads", 2, "tar: short read");

        assertThat(failed.english()).contains(", inside a private (0700) folder /var/tmp/mamori-drill-a1 on server");
        assertThat(CheckWords.detail(JA, failed)).isEqualTo("復元リハーサル: サーバー web で /vault/uploads の「スナップ"
                + "ショットを新しいフォルダー /var/tmp/mamori-drill-a1/tree に書き出し (ほかのユーザーが入れないフォルダー"
                + " /var/tmp/mamori-drill-a1 (0700) の中で)」が失敗しました (終了コード 2): tar: short read");
    }

    /** A check that could not reach its server says why in Japanese, from the connection's own reason. */
    @Test
    void aCheckThatCouldNotRunBecauseTheServerRefusedSaysWhyInJapanese() {
        java.io.IOException refused = new app.mamori.ssh.SshException(Note.of("sshRefused", "cannot connect to db1"
                + " (10.0.0.5:22): connection refused", "db1", 22), null);
        Note why = Note.of("drillCouldNotRun", "drill of /vault/x.pgdump could not run: " + refused.getMessage(),
                app.mamori.model.Noted.after(refused, refused.getMessage(), "/vault/x.pgdump"));

        assertThat(CheckWords.detail(JA, why)).isEqualTo("/vault/x.pgdump の復元リハーサルを実行できませんでした: "
                + JA.t("reason.sshRefused", "db1", 22)).doesNotContain("connection refused");
    }

    @Test
    void aCheckRecordedBeforeItsSentencesWereKeptShowsItsStoredEnglish() {
        Verification old = new Verification("blog/p1", "blog-db", "blog", Instant.EPOCH, Verification.Method.CHECKSUM,
                Verification.Result.FAILED, "/vault/blog-db.sql is missing from the vault", Duration.ZERO,
                Optional.empty());

        assertThat(CheckWords.of(JA, old)).isEqualTo("blog-db: /vault/blog-db.sql is missing from the vault");
    }
}
