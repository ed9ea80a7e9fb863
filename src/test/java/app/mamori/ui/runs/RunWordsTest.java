package app.mamori.ui.runs;

import app.mamori.engine.RunResult;
import app.mamori.engine.SourceResult;
import app.mamori.model.Note;
import app.mamori.model.RunStatus;
import app.mamori.ui.fx.Format;
import app.mamori.ui.fx.I18n;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RunWordsTest {
    private static final I18n JA = new I18n(Locale.JAPANESE);
    private static final I18n EN = new I18n(Locale.ENGLISH);
    private final RunWords ja = new RunWords(JA, new Format(JA, ZoneOffset.UTC));

    @Test
    void aNoteIsSaidInTheAppsLanguageWithNamesAndServerTextKept() {
        Note note = Note.of("stderr", "blog-db stderr: pg_dump: warning: x", "blog-db", "pg_dump: warning: x");

        assertThat(ja.note(note)).isEqualTo("blog-db の標準エラー出力: pg_dump: warning: x");
    }

    /** The run page's line for a failed source, and the run's own message, say the engine's reason in Japanese. */
    @Test
    void aSourceThatFailedForAKnownReasonSaysItInTheAppsLanguage() {
        Note reason = Note.of("toolMissing", "pg_dump is not installed on db1", "pg_dump", "db1", "postgresql-client");
        SourceResult failed = new SourceResult("shop-db", null, "pg_dump is not installed on db1 (English)", "",
                Optional.of(reason));
        RunResult run = new RunResult(7, "shop", RunStatus.FAILED, Optional.empty(),
                List.of(new SourceResult("uploads", null, null, ""), failed), "source shop-db: pg_dump is not installed");

        assertThat(ja.finished(failed)).isEqualTo("shop-db: 失敗: " + JA.t("reason.toolMissing", "pg_dump", "db1",
                "postgresql-client")).doesNotContain("English");
        assertThat(ja.why(run)).startsWith("shop-db: ").doesNotContain("is not installed");
        assertThat(ja.why(new RunResult(8, "shop", RunStatus.FAILED, Optional.empty(), List.of(), "disk full")))
                .as("no keyed reason: the engine's message").isEqualTo("disk full");
    }

    @Test
    void bytesFreedByRetentionAreASizeInTheAppsFormat() {
        Note note = Note.of("retentionRemoved", "retention removed 2 point(s), freeing 3145728 bytes", 2, 3145728L);

        assertThat(ja.note(note)).contains("2 個").contains("3.0 MiB").doesNotContain("3145728");
    }

    @Test
    void aNoteWithoutASentenceInThisBuildShowsItsEnglish() {
        assertThat(ja.note(Note.of("somethingNew", "something new happened"))).isEqualTo("something new happened");
    }

    /**
     * Every note the engine writes has its sentence in both languages: a line of a run's log
     * ({@code note.}), the reason a run failed ({@code reason.}) or what a check found ({@code check.}).
     * A new one without fails here.
     */
    @Test
    void everyNoteTheEngineWritesHasASentenceInBothLanguages() throws IOException {
        hasSentences(Path.of("src/main/java/app/mamori/engine"), "note.", 8, "reason.", "check.");
    }

    /** What a check of a backup found (checksum, format check, drill), which the timeline and restore page show. */
    @Test
    void everyOutcomeACheckWritesHasASentenceInBothLanguages() throws IOException {
        hasSentences(Path.of("src/main/java/app/mamori/engine/verify"), "check.", 40);
    }

    /** The reasons a source's driver gives for a failed dump. */
    @Test
    void everyReasonADriverGivesHasASentenceInBothLanguages() throws IOException {
        // and the restore commands' purposes (note.cmd...), which a restore's log shows
        hasSentences(Path.of("src/main/java/app/mamori/source"), "reason.", 1, "discover.note.", "note.");
    }

    /** The reasons a connection to a server fails (refused, timed out, host key changed...). */
    @Test
    void everyReasonAConnectionGivesHasASentenceInBothLanguages() throws IOException {
        hasSentences(Path.of("src/main/java/app/mamori/ssh"), "reason.", 10, "reason.");
    }

    /** The reasons a notice could not be sent (webhook or mail server), which the Activity page shows. */
    @Test
    void everyReasonANotifierGivesHasASentenceInBothLanguages() throws IOException {
        hasSentences(Path.of("src/main/java/app/mamori/notify"), "reason.", 9, "reason.");
    }

    /** Why talking to an object vault failed (a copy offsite), which the Offsite view and the run log show. */
    @Test
    void everyReasonAnObjectVaultGivesHasASentenceInBothLanguages() throws IOException {
        hasSentences(Path.of("src/main/java/app/mamori/vault"), "reason.", 6, "reason.");
    }

    /** A copy after a backup that failed: the run's log says why in Japanese, the cause's reason included. */
    @Test
    void aFailedCopyInTheRunsLogSaysItsReasonInJapanese() {
        Note cause = Note.of("storageNoBucket", "vault offsite (...): bucket backups does not exist; ...", "offsite",
                "backups");
        Note copy = Note.of("copyPointFailed", "copy of point shop/p1 to vault offsite failed: " + cause.english(),
                cause.after("shop/p1", "offsite"));
        Note logged = Note.of("copyFailed", "offsite copy failed: " + copy.english(), copy.after());

        assertThat(ja.note(logged)).isEqualTo("オフサイトへのコピーに失敗しました: 復元ポイント shop/p1 を保管庫 offsite に"
                + "コピーできませんでした: 保管庫 offsite: バケット backups がありません。先にストレージのサービスでバケットを作成して"
                + "ください。バックアップ自体は成功しています。次のバックアップか「今すぐコピー」で再試行します。");
    }

    /** The reasons a restore command fails (a name taken, a folder not empty, a tool missing...). */
    @Test
    void everyReasonARestoreGivesHasASentenceInBothLanguages() throws IOException {
        hasSentences(Path.of("src/main/java/app/mamori/engine/restore"), "reason.", 10, "note.");
    }

    /**
     * A value the admin typed into a form and the model or the catalogue refused (a schedule, a
     * name, a mail address, a name already taken): the form says why in the app's language.
     */
    @Test
    void everyRefusalOfAGivenValueHasASentenceInBothLanguages() throws IOException {
        for (String where : List.of("model", "schedule", "catalog")) {
            hasSentences(Path.of("src/main/java/app/mamori", where), "reason.", 3, "reason.");
        }
    }

    /** The same for discovery's notes, which the server wizard and Rediscover show. */
    @Test
    void everyNoteDiscoveryWritesHasASentenceInBothLanguages() throws IOException {
        hasSentences(Path.of("src/main/java/app/mamori/source/discover"), "discover.note.", 8, "discover.note.");
    }

    /** Every key written under {@code sources} has a sentence under {@code prefix} or an {@code orPrefix}, in both bundles. */
    private static void hasSentences(Path sources, String prefix, int atLeast, String... orPrefix) throws IOException {
        Pattern of = Pattern.compile("(?:Note|Refused)\\.of\\(\\s*\"([A-Za-z]+)\"|(?:note|refused)\\(\\s*\"([A-Za-z]+)\"");
        List<String> keys;
        try (Stream<Path> files = Files.walk(sources)) {
            keys = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    Matcher m = of.matcher(Files.readString(p));
                    return m.results().map(r -> r.group(1) != null ? r.group(1) : r.group(2)).toList().stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).distinct().toList();
        }
        assertThat(keys).as("notes found in %s", sources).hasSizeGreaterThanOrEqualTo(atLeast);
        assertThat(keys).allSatisfy(k -> {
            assertThat(JA.has(prefix + k) || Stream.of(orPrefix).anyMatch(o -> JA.has(o + k)))
                    .as("%s%s in Japanese", prefix, k).isTrue();
            assertThat(EN.has(prefix + k) || Stream.of(orPrefix).anyMatch(o -> EN.has(o + k)))
                    .as("%s%s in English", prefix, k).isTrue();
        });
    }
}
