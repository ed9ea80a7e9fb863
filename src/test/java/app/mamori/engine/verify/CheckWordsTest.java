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
                .doesNotContain("restored into").doesNotContain("differs");
        // the English app says the same as the command line
        assertThat(CheckWords.detail(EN, o.detail())).isEqualTo(o.detail().english());
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

    @Test
    void aCheckRecordedBeforeItsSentencesWereKeptShowsItsStoredEnglish() {
        Verification old = new Verification("blog/p1", "blog-db", "blog", Instant.EPOCH, Verification.Method.CHECKSUM,
                Verification.Result.FAILED, "/vault/blog-db.sql is missing from the vault", Duration.ZERO,
                Optional.empty());

        assertThat(CheckWords.of(JA, old)).isEqualTo("blog-db: /vault/blog-db.sql is missing from the vault");
    }
}
