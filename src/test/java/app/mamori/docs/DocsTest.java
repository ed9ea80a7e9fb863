package app.mamori.docs;

import app.mamori.cli.MamoriCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the user guide honest: every {@code mamori ...} line in a code block of README.md,
 * docs/*.md and docs/ja/*.md names a real subcommand and real options (read from the app's own
 * picocli command tree, and parsed by it where the line is a whole command rather than a
 * synopsis with [optional] parts), every image a page shows exists, every page a page links
 * exists, and the Japanese index links every Japanese page.
 */
class DocsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Pattern FENCE = Pattern.compile("^\\s*```");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern LINK = Pattern.compile("(?<!!)\\[[^\\]]*]\\(([^)\\s]+)\\)");

    @Test
    void everyMamoriCommandInACodeBlockNamesRealSubcommandsAndOptions() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path page : pages()) {
            for (Line line : codeLines(page)) {
                for (List<String> command : mamoriCommands(line.text())) {
                    checked++;
                    String problem = check(command, line.text());
                    if (problem != null) {
                        problems.add(ROOT.relativize(page) + ":" + line.number() + ": " + problem + "\n    " + line.text());
                    }
                }
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
        assertThat(checked).as("mamori lines found").isGreaterThan(100);
    }

    @Test
    void everyJapanesePageHasItsCommandsAndTheIndexLinksEveryPage() throws IOException {
        Path ja = ROOT.resolve("docs/ja");
        String index = Files.readString(ja.resolve("README.md"));
        try (Stream<Path> files = Files.list(ja)) {
            List<String> pages = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".md") && !n.equals("README.md")).sorted().toList();
            assertThat(pages).contains("install.md", "first-server.md", "first-backup.md", "schedules-retention.md",
                    "notifications.md", "restore.md", "drills.md", "cli.md", "troubleshooting.md");
            for (String page : pages) {
                assertThat(index).as("docs/ja/README.md links " + page).contains("(" + page + ")");
            }
        }
        assertThat(Files.readString(ROOT.resolve("README.md"))).contains("(docs/ja/README.md)");
    }

    @Test
    void everyImageAndEveryPageAPageLinksExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path page : pages()) {
            String text = Files.readString(page, StandardCharsets.UTF_8);
            for (Pattern p : List.of(IMAGE, LINK)) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                        continue; // a web address or an anchor on the same page
                    }
                    Path file = page.getParent().resolve(target.replaceFirst("#.*$", "")).normalize();
                    if (!Files.exists(file)) {
                        missing.add(ROOT.relativize(page) + " -> " + target);
                    }
                }
            }
        }
        assertThat(missing).as(String.join("\n", missing)).isEmpty();
    }

    /** What is wrong with one mamori command of the docs, or null. */
    private static String check(List<String> words, String line) {
        CommandLine top = MamoriCommand.commandLine(new MamoriCommand());
        CommandLine cl = top;
        int i = 1; // words[0] is the program
        List<String> path = new ArrayList<>();
        while (i < words.size()) {
            String w = strip(words.get(i));
            if (w.contains("|") && !w.startsWith("-")) {
                for (String alt : w.split("\\|")) {
                    if (!alt.isEmpty() && !cl.getSubcommands().containsKey(alt)) {
                        return "no command '" + String.join(" ", withProgram(path, alt)) + "'";
                    }
                }
                i = words.size(); // a list of alternatives (incident list|open|close) ends the line
                break;
            }
            CommandLine sub = cl.getSubcommands().get(w);
            if (sub == null) {
                break;
            }
            path.add(w);
            cl = sub;
            i++;
        }
        if (i < words.size() && !cl.getSubcommands().isEmpty() && cl.getCommandSpec().positionalParameters().isEmpty()) {
            String w = strip(words.get(i));
            if (!w.isEmpty() && !w.startsWith("-") && w.chars().anyMatch(Character::isLowerCase)) {
                return "no command '" + String.join(" ", withProgram(path, w)) + "'";
            }
        }
        CommandSpec spec = cl.getCommandSpec();
        for (int j = i; j < words.size(); j++) {
            for (String alt : strip(words.get(j)).split("\\|")) {
                if (alt.startsWith("-") && !alt.equals("-") && !alt.equals("--") && !alt.matches("-\\d.*")) {
                    String name = alt.replaceFirst("=.*$", "");
                    if (spec.findOption(name) == null) {
                        return "'" + String.join(" ", withProgram(path, null)) + "' has no option " + name;
                    }
                }
            }
        }
        if (isSynopsis(line) || words.stream().anyMatch(x -> x.matches("[A-Z][A-Z0-9_]+"))) {
            return null;
        }
        try {
            MamoriCommand.commandLine(new MamoriCommand()).parseArgs(words.subList(1, words.size()).toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            return "does not parse: " + e.getMessage();
        }
        return null;
    }

    private static List<String> withProgram(List<String> path, String last) {
        List<String> all = new ArrayList<>(List.of("mamori"));
        all.addAll(path);
        if (last != null) {
            all.add(last);
        }
        return all;
    }

    /** A usage line with optional parts, alternatives or placeholders rather than a command to run. */
    private static boolean isSynopsis(String line) {
        return line.contains("[") || line.contains("(") || line.contains("...") || line.contains("…")
                || line.contains("{") || Pattern.compile("\\b[A-Z][A-Z_]+\\|").matcher(line).find()
                || Pattern.compile("\\w\\|\\w").matcher(line).find();
    }

    private static String strip(String word) {
        return word.replaceAll("[\\[\\](){}]", "");
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        for (String dir : List.of("docs", "docs/ja")) {
            try (Stream<Path> files = Files.list(ROOT.resolve(dir))) {
                files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
            }
        }
        return pages;
    }

    record Line(int number, String text) {
    }

    /** The lines of the page's fenced code blocks, a line continued with \ joined to the next. */
    private static List<Line> codeLines(Path page) throws IOException {
        List<String> all = Files.readAllLines(page, StandardCharsets.UTF_8);
        List<Line> lines = new ArrayList<>();
        boolean in = false;
        String lang = "";
        StringBuilder pending = null;
        int start = 0;
        for (int n = 0; n < all.size(); n++) {
            String l = all.get(n);
            if (FENCE.matcher(l).find()) {
                in = !in;
                lang = in ? l.strip().substring(3).strip() : "";
                continue;
            }
            if (!in || lang.equals("json") || lang.equals("ini") || lang.equals("yaml") || lang.equals("xml")) {
                continue;
            }
            String t = l.strip();
            if (pending == null) {
                pending = new StringBuilder();
                start = n + 1;
            }
            if (t.endsWith("\\")) {
                pending.append(t, 0, t.length() - 1).append(' ');
                continue;
            }
            pending.append(t);
            lines.add(new Line(start, pending.toString()));
            pending = null;
        }
        return lines;
    }

    /** Each command of a shell line that runs mamori, as words (quotes removed, comments and redirections dropped). */
    static List<List<String>> mamoriCommands(String line) {
        List<List<String>> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder w = null;
        int depth = 0;
        boolean skipNext = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int end = line.indexOf(c, i + 1);
                if (end < 0) {
                    end = line.length();
                }
                if (w == null) {
                    w = new StringBuilder();
                }
                w.append(line, i + 1, end);
                i = end;
                continue;
            }
            if (c == '[' || c == '(') {
                depth++;
            } else if ((c == ']' || c == ')') && depth > 0) {
                depth--;
            }
            boolean space = Character.isWhitespace(c);
            boolean separator = depth == 0 && (c == ';' || c == '&' || (c == '|' && (w == null || w.length() == 0)));
            boolean redirect = depth == 0 && (c == '>' || c == '<');
            if (c == '#' && (w == null) && !(i > 0 && !Character.isWhitespace(line.charAt(i - 1)))) {
                break; // a comment
            }
            if (space || separator || redirect) {
                if (w != null) {
                    if (skipNext) {
                        skipNext = false;
                    } else {
                        words.add(w.toString());
                    }
                    w = null;
                }
                if (separator) {
                    addIfMamori(words, commands);
                    words = new ArrayList<>();
                    while (i + 1 < line.length() && (line.charAt(i + 1) == '&' || line.charAt(i + 1) == '|')) {
                        i++;
                    }
                }
                if (redirect) {
                    if (!words.isEmpty() && words.get(words.size() - 1).matches("\\d")) {
                        words.remove(words.size() - 1); // 2>
                    }
                    while (i + 1 < line.length() && (line.charAt(i + 1) == '>' || line.charAt(i + 1) == '&')) {
                        i++;
                    }
                    skipNext = !(i + 1 < line.length() && Character.isDigit(line.charAt(i + 1)));
                    if (!skipNext) {
                        i++; // 2>&1
                    }
                }
                continue;
            }
            if (w == null) {
                w = new StringBuilder();
            }
            w.append(c);
        }
        if (w != null && !skipNext) {
            words.add(w.toString());
        }
        addIfMamori(words, commands);
        return commands;
    }

    private static void addIfMamori(List<String> words, List<List<String>> into) {
        int i = 0;
        while (i < words.size() && (words.get(i).equals("$") || words.get(i).matches("[A-Z_]+=.*")
                || words.get(i).equals("sudo"))) {
            i++;
        }
        if (i < words.size() && words.get(i).matches("(.*/)?mamori(-cli\\.exe|\\.exe)?")) {
            into.add(new ArrayList<>(words.subList(i, words.size())));
        }
    }
}
