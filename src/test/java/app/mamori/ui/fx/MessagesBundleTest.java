package app.mamori.ui.fx;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The English and Japanese bundles say the same things: same keys, same placeholders, no English left. */
class MessagesBundleTest {
    /** Values with no words to translate: product names, a range of two dates. Keep this list short. */
    static final Set<String> SAME_IN_BOTH = Set.of("app.title", "timeline.range", "wizard.when.hint",
            "wizard.find.version", "kind.postgres", "kind.mysql", "kind.sqlite");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    private final Properties en = load("messages.properties");
    private final Properties ja = load("messages_ja.properties");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(new TreeSet<>(ja.stringPropertyNames())).as("keys in messages_ja.properties")
                .containsExactlyElementsOf(new TreeSet<>(en.stringPropertyNames()));
    }

    /** A key given twice is a merge that kept both sides: the later one wins silently, whichever was meant. */
    @Test
    void noKeyIsGivenTwice() {
        for (String name : List.of("messages.properties", "messages_ja.properties")) {
            List<String> keys = new ArrayList<>();
            var duplicates = new TreeSet<String>();
            Properties counting = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    if (containsKey(key)) {
                        duplicates.add((String) key);
                    }
                    keys.add((String) key);
                    return super.put(key, value);
                }
            };
            try (InputStream in = MessagesBundleTest.class.getResourceAsStream("/app/mamori/ui/" + name);
                 Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                counting.load(r);
            } catch (IOException e) {
                throw new AssertionError("cannot read " + name, e);
            }
            assertThat(keys).as(name).isNotEmpty();
            assertThat(duplicates).as("keys given twice in " + name).isEmpty();
        }
    }

    @Test
    void noJapaneseValueIsStillEnglish() {
        List<String> english = new ArrayList<>();
        for (String key : ja.stringPropertyNames()) {
            String value = ja.getProperty(key);
            // punctuation and placeholders alone ("、", "{0}、{1}") have no words to translate
            boolean hasWords = PLACEHOLDER.matcher(value).replaceAll("").chars().anyMatch(Character::isLetter);
            if (!SAME_IN_BOTH.contains(key) && hasWords && value.chars().noneMatch(MessagesBundleTest::isJapanese)) {
                english.add(key + "=" + value);
            }
        }
        assertThat(english).as("messages_ja values with no Japanese in them").isEmpty();
    }

    @Test
    void placeholdersMatchBetweenLanguages() {
        for (String key : en.stringPropertyNames()) {
            if (ja.containsKey(key)) {
                assertThat(placeholders(ja.getProperty(key))).as(key).isEqualTo(placeholders(en.getProperty(key)));
            }
        }
    }

    @Test
    void theCheckNoticesEnglishAndMissingKeys() {
        assertThat("Back up now".chars().anyMatch(MessagesBundleTest::isJapanese)).isFalse();
        assertThat(PLACEHOLDER.matcher("{0} and {1}").replaceAll("").chars().anyMatch(Character::isLetter)).isTrue();
        assertThat("今すぐバックアップ".chars().allMatch(MessagesBundleTest::isJapanese)).isTrue();
        assertThat(placeholders("{1} of {0,number,integer}")).isEqualTo(Map.of("0", "{0,number,integer}", "1", "{1}"));
    }

    static boolean isJapanese(int c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
                || s == Character.UnicodeScript.HAN;
    }

    /** Placeholder number to its whole text, so a changed format ({0,number}) counts as a difference. */
    private static Map<String, String> placeholders(String pattern) {
        Map<String, String> found = new java.util.TreeMap<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.put(m.group(1), m.group());
        }
        return found;
    }

    private static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream("/app/mamori/ui/" + name)) {
            assertThat(in).as(name).isNotNull();
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read " + name, e);
        }
        return p;
    }
}
