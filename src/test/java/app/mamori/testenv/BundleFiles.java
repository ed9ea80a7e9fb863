package app.mamori.testenv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reading a resource bundle's .properties file as ResourceBundle does, for tests that compare languages. */
public final class BundleFiles {
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    /**
     * A bundle key in an engine package's code: a dotted literal ("failure.title", but not a class
     * path "app.…"), or a single word given to {@code t()}.
     */
    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "\"(?!app\\.)([a-z][A-Za-z]*(?:\\.[A-Za-z]+)+)\"|\\bt\\(\\s*\"([a-zA-Z]+)\"");

    private BundleFiles() {
    }

    /** The file at {@code resource} (a class-path path: /app/mamori/...), read as UTF-8. */
    public static Properties load(String resource) {
        Properties p = new Properties();
        read(resource, p);
        return p;
    }

    /** Keys the file at {@code resource} gives more than once: a merge that kept both sides, the later one winning. */
    public static Set<String> keysGivenTwice(String resource) {
        Set<String> twice = new TreeSet<>();
        read(resource, new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (containsKey(key)) {
                    twice.add((String) key);
                }
                return super.put(key, value);
            }
        });
        return twice;
    }

    /** Placeholder number to its whole text, so a changed format ({0,number}) counts as a difference. */
    public static Map<String, String> placeholders(String pattern) {
        Map<String, String> found = new TreeMap<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.put(m.group(1), m.group());
        }
        return found;
    }

    /** The bundle keys the .java files of {@code folder} use ({@link #KEY_IN_CODE}). */
    public static Set<String> keysUsedIn(Path folder) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                KEY_IN_CODE.matcher(Files.readString(f)).results()
                        .forEach(r -> keys.add(r.group(1) != null ? r.group(1) : r.group(2)));
            }
        }
        return keys;
    }

    /**
     * What is wrong with {@code ja} as a translation of {@code en}, one line per key: different
     * placeholders, or a sentence with words and no Japanese in it.
     */
    public static List<String> translationProblems(Properties en, Properties ja) {
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(en.stringPropertyNames())) {
            String value = ja.getProperty(key, "");
            if (!placeholders(value).equals(placeholders(en.getProperty(key)))) {
                problems.add(key + ": placeholders " + placeholders(value) + ", in English " + placeholders(en.getProperty(key)));
            }
            String words = PLACEHOLDER.matcher(value).replaceAll("");
            if (words.chars().anyMatch(Character::isLetter) && words.chars().noneMatch(BundleFiles::isJapanese)) {
                problems.add(key + ": no Japanese in \"" + value + "\"");
            }
        }
        return problems;
    }

    public static boolean isJapanese(int c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
                || s == Character.UnicodeScript.HAN;
    }

    private static void read(String resource, Properties into) {
        try (InputStream in = BundleFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError(resource + " is not on the class path");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                into.load(r);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read " + resource, e);
        }
    }
}
