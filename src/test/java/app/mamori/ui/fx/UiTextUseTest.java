package app.mamori.ui.fx;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code and the bundles agree both ways: every sentence in the bundles is asked for by some
 * code, and no UI class shows a sentence of its own. A key no code asks for is a sentence that
 * was replaced and never shown again; an English literal on a control is a sentence the Japanese
 * app shows in English.
 */
class UiTextUseTest {
    private static final Path MAIN = Path.of("src/main/java/app/mamori");
    private static final Pattern LITERAL = Pattern.compile("\"([A-Za-z0-9_.\\-]+)\"");
    /**
     * A sentence (two words or more) handed to a control, a page's message line or an error a view
     * model shows. Example values ("us-east-1", "user@bastion:22") are single words and pass.
     */
    private static final Pattern SENTENCE_ON_SCREEN = Pattern.compile("(?:new (?:Label|Button|Tooltip|MenuItem|Menu|Tab"
            + "|CheckBox|RadioButton|Hyperlink|ToggleButton|TitledPane|Text|TableColumn<[^>]*>|IllegalArgumentException"
            + "|IllegalStateException)\\(|\\.(?:setText|setPromptText|setTitle|setHeaderText|setContentText|set|setAll"
            + "|accept)\\()\"[^\"]*[A-Za-z]{2,} [A-Za-z]{2,}[^\"]*\"");

    @Test
    void everySentenceInTheBundlesIsAskedForByTheCode() throws IOException {
        Set<String> literals = new HashSet<>();
        for (String source : sources(MAIN)) {
            Matcher m = LITERAL.matcher(source);
            while (m.find()) {
                literals.add(m.group(1));
            }
        }
        // "run.state." + state, labelKey(kind) + ".hint", "note." + note.key(): a key made of a literal and a name
        List<String> prefixes = literals.stream().filter(l -> l.length() > 1 && l.endsWith(".")).toList();
        List<String> suffixes = literals.stream().filter(l -> l.length() > 1 && l.startsWith(".")).toList();
        List<String> unused = new ArrayList<>();
        for (String key : load("messages.properties").stringPropertyNames()) {
            boolean used = literals.contains(key) || prefixes.stream().anyMatch(key::startsWith)
                    || suffixes.stream().anyMatch(s -> key.endsWith(s)
                    && literals.contains(key.substring(0, key.length() - s.length())));
            if (!used) {
                unused.add(key);
            }
        }
        assertThat(unused).as("keys in messages.properties that no code asks for").isEmpty();
    }

    @Test
    void noUiClassShowsASentenceOfItsOwn() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve("ui"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(p);
                for (int i = 0; i < lines.size(); i++) {
                    if (SENTENCE_ON_SCREEN.matcher(lines.get(i)).find()) {
                        found.add(MAIN.relativize(p) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(found).as("English sentences given to the screen without the bundles").isEmpty();
    }

    /**
     * A failure reaches the screen through {@link ErrorWords}, which says its reason in the app's
     * language where it has one; an exception's own message is the command line's English. Only
     * the log, the start-up's stderr and a rethrow may read it.
     */
    @Test
    void aFailureIsShownThroughErrorWords() throws IOException {
        Set<String> mayRead = Set.of("ErrorWords.java", "UiErrors.java", "EarlyStart.java", "SingleInstance.java");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve("ui"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (mayRead.contains(p.getFileName().toString())) {
                    continue;
                }
                List<String> lines = Files.readAllLines(p);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains(".getMessage()") && !lines.get(i).contains("System.err.println")) {
                        found.add(MAIN.relativize(p) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(found).as("exception messages shown without ErrorWords").isEmpty();
    }

    @Test
    void theChecksSeeWhatTheyAreLookingFor() {
        assertThat(SENTENCE_ON_SCREEN.matcher("message.set(\"could not start the backup\");").find()).isTrue();
        assertThat(SENTENCE_ON_SCREEN.matcher("new Label(\"Back up now\")").find()).isTrue();
        assertThat(SENTENCE_ON_SCREEN.matcher("throw new IllegalArgumentException(\"tick at least one\");").find())
                .isTrue();
        assertThat(SENTENCE_ON_SCREEN.matcher("region.setText(\"us-east-1\");").find()).isFalse();
        assertThat(SENTENCE_ON_SCREEN.matcher("label.setText(text.t(\"dashboard.backUpNow\"));").find()).isFalse();
    }

    private static List<String> sources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = UiTextUseTest.class.getResourceAsStream("/app/mamori/ui/" + name);
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
