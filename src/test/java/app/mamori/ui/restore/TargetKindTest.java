package app.mamori.ui.restore;

import app.mamori.engine.restore.RestoreTarget;
import app.mamori.model.SourceKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TargetKindTest {
    @Test
    void eachKindOffersItsOwnTargetsNeverInPlaceFirst() {
        assertThat(TargetKind.forSource(SourceKind.POSTGRES)).containsExactly(TargetKind.NEW_DATABASE, TargetKind.IN_PLACE);
        assertThat(TargetKind.forSource(SourceKind.MYSQL)).containsExactly(TargetKind.NEW_DATABASE, TargetKind.IN_PLACE);
        assertThat(TargetKind.forSource(SourceKind.SQLITE)).containsExactly(TargetKind.NEW_PATH, TargetKind.IN_PLACE);
        assertThat(TargetKind.forSource(SourceKind.FILES))
                .containsExactly(TargetKind.NEW_PATH, TargetKind.TO_LOCAL, TargetKind.IN_PLACE);
        assertThat(TargetKind.forSource(SourceKind.DOCKER_VOLUME)).containsExactly(TargetKind.TO_VOLUME, TargetKind.IN_PLACE);
    }

    @Test
    void aNewPathIsAFolderForFilesAndAFileForSqlite() {
        assertThat(TargetKind.NEW_PATH.labelKey(SourceKind.FILES)).isEqualTo("restore.target.new_path.folder");
        assertThat(TargetKind.NEW_PATH.labelKey(SourceKind.SQLITE)).isEqualTo("restore.target.new_path");
        assertThat(TargetKind.IN_PLACE.hintKey(SourceKind.FILES)).isNull();
    }

    @Test
    void theTypedTextBecomesTheEnginesTargetTrimmed() {
        assertThat(TargetKind.TO_VOLUME.target(" pgdata_copy ")).isEqualTo(new RestoreTarget.ToVolume("pgdata_copy"));
        assertThat(TargetKind.TO_LOCAL.target("/home/me/x")).isEqualTo(new RestoreTarget.ToLocal("/home/me/x"));
        assertThat(TargetKind.IN_PLACE.target("ignored")).isEqualTo(new RestoreTarget.InPlace());
    }

    @Test
    void everyLabelAndHintIsInTheMessages() {
        java.util.ResourceBundle messages = java.util.ResourceBundle.getBundle("app.mamori.ui.messages", java.util.Locale.ROOT);
        for (SourceKind source : SourceKind.values()) {
            String narrowing = TargetKind.narrowingKey(source);
            if (narrowing != null) {
                assertThat(messages.containsKey(narrowing) && messages.containsKey(narrowing + ".hint")).as(narrowing)
                        .isTrue();
            }
            for (TargetKind target : TargetKind.forSource(source)) {
                assertThat(messages.containsKey(target.labelKey(source))).as(target.labelKey(source)).isTrue();
                if (target.hintKey(source) != null) {
                    assertThat(messages.containsKey(target.hintKey(source))).as(target.hintKey(source)).isTrue();
                }
            }
        }
    }

    @Test
    void filesNarrowByPathsPostgresByTablesTheOthersNot() {
        assertThat(TargetKind.narrowingKey(SourceKind.FILES)).isEqualTo("restore.only.paths");
        assertThat(TargetKind.narrowingKey(SourceKind.POSTGRES)).isEqualTo("restore.only.tables");
        assertThat(TargetKind.narrowingKey(SourceKind.MYSQL)).isNull();
        assertThat(TargetKind.narrowing(" orders, , line_items ")).containsExactly("orders", "line_items");
        assertThat(TargetKind.narrowing("")).isEmpty();
    }
}
