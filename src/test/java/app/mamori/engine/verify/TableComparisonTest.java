package app.mamori.engine.verify;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a drill judges the restored tables against what the backup recorded. */
class TableComparisonTest {
    private static final Duration RECOVERY = Duration.ofMillis(2500);

    private static Map<String, Long> restored(Object... nameCount) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < nameCount.length; i += 2) {
            m.put((String) nameCount[i], ((Number) nameCount[i + 1]).longValue());
        }
        return m;
    }

    @Test
    void exactCountsThatMatchPassAndCarryTheRecoveryTime() {
        Outcome o = TableComparison.compare(Map.of("tables", Map.of("a", 3, "b", 0), "tableCounts", "exact"),
                restored("a", 3, "b", 0), "db", "web", RECOVERY);

        assertThat(o.ok()).isTrue();
        assertThat(o.recovery()).hasValue(RECOVERY);
        assertThat(o.detail().english()).contains("in 2.5 s: 2 tables, 3 rows").contains("all 2 tables match");
    }

    @Test
    void exactCountsThatDifferFailNamingBothNumbersAndMissingOrExtraTables() {
        Outcome o = TableComparison.compare(Map.of("tables", Map.of("a", 3, "gone", 1), "tableCounts", "exact"),
                restored("a", 2, "new", 5), "db", "web", RECOVERY);

        assertThat(o.ok()).isFalse();
        assertThat(o.detail().english()).contains("table a: 3 rows in the backup, 2 restored")
                .contains("table gone: 1 rows in the backup, missing from the restore")
                .contains("table new: 5 rows restored, not recorded by the backup");
    }

    @Test
    void approximateCountsThatDifferPassWithAWarningNamingBothNumbers() {
        Outcome o = TableComparison.compare(Map.of("tables", Map.of("a", 3), "tableCounts", "approximate"),
                restored("a", 2), "db", "web", RECOVERY);

        assertThat(o.ok()).isTrue();
        assertThat(o.warnings()).singleElement().extracting(w -> w.english()).asString().contains("outside its snapshot")
                .contains("table a: 3 rows in the backup, 2 restored");
    }

    @Test
    void aBackupWithoutRecordedTablesSaysOnlyTheRestoreWasChecked() {
        Outcome old = TableComparison.compare(Map.of("seconds", 1.0), restored("a", 2), "db", "web", RECOVERY);
        Outcome failedCount = TableComparison.compare(Map.of("tablesError", "exit 1: denied"), restored(), "db", "web",
                RECOVERY);

        assertThat(old.ok()).isTrue();
        assertThat(old.detail().english()).contains("made before Mamori recorded them")
                .contains("only the restore itself");
        assertThat(failedCount.detail().english()).contains("counting them at backup time failed (exit 1: denied)");
    }
}
