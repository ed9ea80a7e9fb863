package app.mamori.engine.runbook;

import app.mamori.testenv.BundleFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sentence the runbook uses is there in English and Japanese, with the same placeholders,
 * and none is left over: a missing one fails only when that part of a runbook is printed, which
 * may be on the bad day itself.
 */
class RunbookBundleTest {
    private static final String FOLDER = "/app/mamori/engine/runbook/";

    private final Properties en = BundleFiles.load(FOLDER + "runbook.properties");
    private final Properties ja = BundleFiles.load(FOLDER + "runbook_ja.properties");

    @Test
    void everyKeyTheRunbookUsesIsInBothLanguagesAndNoneIsLeftOver() throws IOException {
        Set<String> used = used();

        assertThat(used).as("keys found in engine/runbook").hasSizeGreaterThan(100);
        assertThat(new TreeSet<>(en.stringPropertyNames())).as("runbook.properties").containsExactlyElementsOf(used);
        assertThat(new TreeSet<>(ja.stringPropertyNames())).as("runbook_ja.properties").containsExactlyElementsOf(used);
        for (String name : List.of("runbook.properties", "runbook_ja.properties")) {
            assertThat(BundleFiles.keysGivenTwice(FOLDER + name)).as("keys given twice in " + name).isEmpty();
        }
    }

    @Test
    void placeholdersMatchAndEveryJapaneseSentenceIsJapanese() {
        assertThat(BundleFiles.translationProblems(en, ja)).isEmpty();
    }

    private static Set<String> used() throws IOException {
        return BundleFiles.keysUsedIn(Path.of("src/main/java/app/mamori/engine/runbook"));
    }
}
