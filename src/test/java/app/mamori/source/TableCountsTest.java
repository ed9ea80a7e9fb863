package app.mamori.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the table counts the remote commands print. */
class TableCountsTest {

    @Test
    void countLinesAreReadInOrderWithTabsInsideNamesKept() {
        assertThat(TableCounts.parse("public.orders\t1500\n\"odd\tname\"\t3\n\n"))
                .containsExactly(java.util.Map.entry("public.orders", 1500L), java.util.Map.entry("\"odd\tname\"", 3L));
        assertThatThrownBy(() -> TableCounts.parse("garbage")).hasMessageContaining("not a table count: garbage");
    }

    @Test
    void aSqliteDumpsCountsAreTakenFromStderrOnlyWhenTheCountingFinished() {
        String stderr = "mamori-table-count\tnotes\t3\nsome warning\nmamori-tables-counted\n";

        assertThat(TableCounts.fromDumpStderr(stderr)).hasValue(java.util.Map.of("notes", 3L));
        assertThat(TableCounts.fromDumpStderr("mamori-table-count\tnotes\t3\n")).isEmpty();
        assertThat(TableCounts.withoutCounts(stderr).strip()).isEqualTo("some warning");
    }
}
