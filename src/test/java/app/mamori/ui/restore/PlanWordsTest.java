package app.mamori.ui.restore;

import app.mamori.model.Note;
import app.mamori.ui.fx.I18n;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A restore plan's warnings as the review page shows them: in the app's language, names and paths kept. */
class PlanWordsTest {
    private final I18n ja = new I18n(Locale.JAPANESE);

    @Test
    void aWarningIsSaidInTheAppsLanguage() {
        Note w = Note.of("planSqliteStopApp", "stop the application that uses /srv/tool.db first: one that keeps"
                + " the file open goes on writing to the old copy", "/srv/tool.db");

        assertThat(PlanWords.warning(ja, w)).startsWith("先に /srv/tool.db を使っているアプリケーションを止めてください")
                .doesNotContain("stop the application");
    }

    @Test
    void aFailedCheckSaysWhatTheCheckFoundInTheAppsLanguage() {
        Note w = Note.of("planFailedCheck", "restore point blog/p1 failed its last verification (checksum check,"
                + " 2026-12-01T02:30:00Z): /v/db.zst is missing from the vault; the restore refuses it unless you"
                + " accept that with --accept-failed-check", "blog/p1", "checksum", "2026-12-01T02:30:00Z",
                "/v/db.zst is missing from the vault", "checksumMissing", "/v/db.zst");

        assertThat(PlanWords.warning(ja, w)).startsWith("復元ポイント blog/p1 は最後の")
                .contains("保管庫に /v/db.zst がありません").doesNotContain("missing").doesNotContain("T02:30:00Z");
    }

    @Test
    void aWarningThisBuildHasNoSentenceForIsShownInEnglish() {
        assertThat(PlanWords.warning(ja, Note.of("planSomethingNew", "something new to know"))).isEqualTo(
                "something new to know");
    }
}
