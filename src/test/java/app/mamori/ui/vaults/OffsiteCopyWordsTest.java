package app.mamori.ui.vaults;

import app.mamori.engine.offsite.CopyResult;
import app.mamori.model.Note;
import app.mamori.ui.fx.I18n;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Offsite view's line after Copy now: how many points failed and why, in the app's language. */
class OffsiteCopyWordsTest {
    private static final I18n JA = new I18n(Locale.JAPANESE);

    private static CopyResult failed(String point, Object... said) {
        return new CopyResult(point, "offsite", 0, 0, Optional.of(Note.of("copyPointFailed", "copy of point " + point
                + " to vault offsite failed: ...", said)));
    }

    @Test
    void aCopyRefusedByTheBucketSaysWhyInJapanese() {
        Note denied = Note.of("storageRegion", "vault offsite (...): the bucket is in another region"
                + " (PermanentRedirect); give its region with --region", "offsite", "backups", "PermanentRedirect");
        List<CopyResult> results = List.of(new CopyResult("shop/p1", "offsite", 10, 0, Optional.empty()),
                failed("shop/p2", denied.after("shop/p2", "offsite")));

        assertThat(OffsiteViewModel.summary(JA, "shop", results)).isEqualTo("ジョブ shop のコピー: 1 件の復元ポイントが"
                + "失敗しました: 復元ポイント shop/p2 を保管庫 offsite にコピーできませんでした: 保管庫 offsite (バケット"
                + " backups): バケットは別のリージョンにあります (PermanentRedirect)。保管庫のリージョンを設定し直してください")
                .doesNotContain("--region").doesNotContain("copy of point");
    }

    @Test
    void aCauseWithoutASentenceIsShownAsWrittenInsideTheJapaneseLine() {
        assertThat(OffsiteViewModel.summary(JA, "shop", List.of(failed("shop/p2", "shop/p2", "offsite",
                "the file is longer than the catalogue recorded")))).endsWith("復元ポイント shop/p2 を保管庫 offsite に"
                + "コピーできませんでした: the file is longer than the catalogue recorded");
    }
}
