package app.mamori.vault.s3;

import app.mamori.model.Note;
import app.mamori.model.Noted;
import app.mamori.model.ObjectVault;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.NoteWords;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why talking to an object vault failed, as the Offsite view says it of a failed copy in Japanese:
 * the vault and bucket kept as named, the words and what to do keyed; the command line's English
 * is the exception's message as before.
 */
class StorageReasonsTest {
    private static final I18n JA = new I18n(Locale.JAPANESE);
    private static final ObjectVault VAULT = new ObjectVault("offsite", "backups", "mamori/",
            Optional.of("http://127.0.0.1:9000"), "us-east-1", true, "AKIA", false);

    private static S3Exception s3(int status, String code) {
        return (S3Exception) S3Exception.builder().statusCode(status).message(code)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " message").build())
                .build();
    }

    @Test
    void aDeniedKeyAMissingBucketAndNoRouteAreSaidInJapanese() {
        StorageException denied = S3Clients.failure(VAULT, s3(403, "AccessDenied"));
        StorageException noBucket = S3Clients.failure(VAULT, s3(404, "NoSuchBucket"));
        StorageException unreachable = S3Clients.failure(VAULT, SdkClientException.create("Connection refused"));

        assertThat(denied.getMessage()).isEqualTo(S3Clients.describe(VAULT, s3(403, "AccessDenied")))
                .contains("access denied (AccessDenied)");
        assertThat(NoteWords.reason(JA, denied.reason().orElseThrow())).isEqualTo("保管庫 offsite (バケット backups) へ"
                + "のアクセスが拒否されました (AccessDenied)。アクセスキー ID とシークレットキー、そのキーがこのバケットを読み書き"
                + "できるかを確かめてください");
        assertThat(NoteWords.reason(JA, noBucket.reason().orElseThrow()))
                .isEqualTo("保管庫 offsite: バケット backups がありません。先にストレージのサービスでバケットを作成してください");
        assertThat(NoteWords.reason(JA, unreachable.reason().orElseThrow())).startsWith("保管庫 offsite (バケット backups)"
                + " のストレージに接続できません (Connection refused)");
    }

    /** A file in the local vault that changed while it was copied: the copy fails, said in Japanese. */
    @Test
    void aFileThatChangedWhileCopiedIsSaidInJapanese() {
        java.io.IOException shorter = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> ResumableUpload.requireSize(10, 20));
        java.io.IOException longer = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> ResumableUpload.requireEnd(new java.io.ByteArrayInputStream(new byte[1])));

        assertThat(shorter.getMessage()).isEqualTo("the file ended after 10 bytes, before the 20 expected; it changed"
                + " or was cut short in the vault");
        assertThat(NoteWords.reason(JA, Noted.find(shorter).orElseThrow())).isEqualTo("ファイルが 10 バイトで終わりました"
                + " (予定は 20 バイト)。保管庫の中で変更されたか、途中で切れています");
        assertThat(NoteWords.reason(JA, Noted.find(longer).orElseThrow())).startsWith("ファイルがカタログの記録より長く");
    }

    /** A failed copy carries its cause's reason: the Offsite view's message says both in Japanese. */
    @Test
    void aCopyThatFailedOnADeniedKeySaysBothInJapanese() {
        Note cause = Noted.find(new java.io.IOException("wrapped", S3Clients.failure(VAULT, s3(403, "AccessDenied"))))
                .orElseThrow();
        Note failed = Note.of("copyPointFailed", "copy of point shop/p1 to vault offsite failed: ...",
                cause.after("shop/p1", "offsite"));

        assertThat(NoteWords.reason(JA, failed)).isEqualTo("復元ポイント shop/p1 を保管庫 offsite にコピーできません"
                + "でした: " + NoteWords.reason(JA, cause)).doesNotContain("denied");
    }

    /** An offsite check that cannot download the copy: the Offsite view says why in Japanese, or as written. */
    @Test
    void aCopyThatCannotBeReadBackSaysWhyInJapaneseAndAnUnkeyedCauseAsWritten() {
        java.io.IOException denied = new java.io.IOException("x", S3Clients.failure(VAULT, s3(403, "AccessDenied")));
        java.io.IOException other = new java.io.IOException("disk on fire");

        assertThat(app.mamori.ui.fx.CheckWords.detail(JA, Note.of("copyUnreadable", "...", Noted.after(denied, "x",
                "offsite")))).isEqualTo("保管庫 offsite にあるコピーを読み戻せません: 保管庫 offsite (バケット backups) への"
                + "アクセスが拒否されました (AccessDenied)。アクセスキー ID とシークレットキー、そのキーがこのバケットを読み書きできるかを"
                + "確かめてください");
        assertThat(app.mamori.ui.fx.CheckWords.detail(JA, Note.of("copyUnreadable", "...", Noted.after(other,
                "disk on fire", "offsite")))).isEqualTo("保管庫 offsite にあるコピーを読み戻せません: disk on fire");
    }
}
