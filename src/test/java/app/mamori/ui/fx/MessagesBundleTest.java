package app.mamori.ui.fx;

import app.mamori.testenv.BundleFiles;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The English and Japanese bundles say the same things: same keys, same placeholders, no English left. */
class MessagesBundleTest {
    /** Values with no words to translate: product names, a range of two dates. Keep this list short. */
    static final Set<String> SAME_IN_BOTH = Set.of("app.title", "timeline.range", "wizard.when.hint",
            "wizard.find.version", "kind.postgres", "kind.mysql", "kind.sqlite");
    private static final Pattern PLACEHOLDER = BundleFiles.PLACEHOLDER;

    private final Properties en = BundleFiles.load("/app/mamori/ui/messages.properties");
    private final Properties ja = BundleFiles.load("/app/mamori/ui/messages_ja.properties");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(new TreeSet<>(ja.stringPropertyNames())).as("keys in messages_ja.properties")
                .containsExactlyElementsOf(new TreeSet<>(en.stringPropertyNames()));
    }

    /** A key given twice is a merge that kept both sides: the later one wins silently, whichever was meant. */
    @Test
    void noKeyIsGivenTwice() {
        for (String name : List.of("messages.properties", "messages_ja.properties")) {
            assertThat(BundleFiles.load("/app/mamori/ui/" + name).stringPropertyNames()).as(name).isNotEmpty();
            assertThat(BundleFiles.keysGivenTwice("/app/mamori/ui/" + name)).as("keys given twice in " + name)
                    .isEmpty();
        }
    }

    @Test
    void noJapaneseValueIsStillEnglish() {
        List<String> english = new ArrayList<>();
        for (String key : ja.stringPropertyNames()) {
            String value = ja.getProperty(key);
            // punctuation and placeholders alone ("、", "{0}、{1}") have no words to translate
            boolean hasWords = PLACEHOLDER.matcher(value).replaceAll("").chars().anyMatch(Character::isLetter);
            if (!SAME_IN_BOTH.contains(key) && hasWords && value.chars().noneMatch(BundleFiles::isJapanese)) {
                english.add(key + "=" + value);
            }
        }
        assertThat(english).as("messages_ja values with no Japanese in them").isEmpty();
    }

    @Test
    void placeholdersMatchBetweenLanguages() {
        for (String key : en.stringPropertyNames()) {
            if (ja.containsKey(key)) {
                assertThat(BundleFiles.placeholders(ja.getProperty(key))).as(key)
                        .isEqualTo(BundleFiles.placeholders(en.getProperty(key)));
            }
        }
    }

    @Test
    void theCheckNoticesEnglishAndMissingKeys() {
        assertThat("Back up now".chars().anyMatch(BundleFiles::isJapanese)).isFalse();
        assertThat(PLACEHOLDER.matcher("{0} and {1}").replaceAll("").chars().anyMatch(Character::isLetter)).isTrue();
        assertThat("今すぐバックアップ".chars().allMatch(BundleFiles::isJapanese)).isTrue();
        assertThat(BundleFiles.placeholders("{1} of {0,number,integer}"))
                .isEqualTo(Map.of("0", "{0,number,integer}", "1", "{1}"));
    }
}
