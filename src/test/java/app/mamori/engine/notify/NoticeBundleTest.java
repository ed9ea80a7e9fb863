package app.mamori.engine.notify;

import app.mamori.model.RunStatus;
import app.mamori.testenv.BundleFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every sentence a notice uses is there in English and Japanese, with the same placeholders, and none is left over. */
class NoticeBundleTest {
    private static final String FOLDER = "/app/mamori/engine/notify/";

    private final Properties en = BundleFiles.load(FOLDER + "notices.properties");
    private final Properties ja = BundleFiles.load(FOLDER + "notices_ja.properties");

    @Test
    void everyKeyTheNoticesUseIsInBothLanguages() throws IOException {
        Set<String> used = used();

        assertThat(used).as("keys found in engine/notify").hasSizeGreaterThan(50);
        assertThat(en.stringPropertyNames()).as("notices.properties").containsAll(used);
        assertThat(ja.stringPropertyNames()).as("notices_ja.properties").containsAll(used);
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndNoneUnused() throws IOException {
        assertThat(new TreeSet<>(ja.stringPropertyNames())).as("keys in notices_ja.properties")
                .containsExactlyElementsOf(new TreeSet<>(en.stringPropertyNames()));
        assertThat(new TreeSet<>(en.stringPropertyNames())).as("keys no notice uses").containsExactlyElementsOf(used());
        for (String name : List.of("notices.properties", "notices_ja.properties")) {
            assertThat(BundleFiles.keysGivenTwice(FOLDER + name)).as("keys given twice in " + name).isEmpty();
        }
    }

    @Test
    void placeholdersMatchAndEveryJapaneseSentenceIsJapanese() {
        assertThat(BundleFiles.translationProblems(en, ja)).isEmpty();
    }

    /** The keys written in engine/notify, and those it builds from a status ({@code status.failed}...). */
    private static Set<String> used() throws IOException {
        Set<String> keys = new TreeSet<>(BundleFiles.keysUsedIn(Path.of("src/main/java/app/mamori/engine/notify")));
        Stream.of(RunStatus.values()).forEach(s -> keys.add("status." + s.id()));
        Stream.of("overdue", "failed", "ok").forEach(s -> keys.add("digest.state." + s));
        return keys;
    }
}
