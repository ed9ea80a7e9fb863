package app.mamori.source.files;

import java.util.ArrayList;
import java.util.List;

/**
 * The exclude globs of a {@code files} source, gitignore-ish, turned into a {@code find}
 * expression so excluded trees are pruned on the server and never listed or sent. This
 * class is the one place that decides what an exclude means:
 * <ul>
 * <li>{@code *.log}, {@code node_modules}: no slash, so the glob matches the name of a
 *     file or directory at any depth ({@code find -name}).</li>
 * <li>{@code cache/}: a trailing slash limits it to directories.</li>
 * <li>{@code /build}, {@code logs/*.gz}: any other slash anchors the glob to each backed-up
 *     root ({@code find -path ROOT/GLOB}); there {@code *} also matches across {@code /}.</li>
 * <li>An excluded directory is pruned with everything below it. A root itself is never
 *     excluded. {@code *}, {@code ?} and {@code [..]} are matched byte-wise (find runs with
 *     {@code LC_ALL=C}); {@code !} negation and {@code **} are refused rather than half-supported.</li>
 * </ul>
 */
public final class ExcludeRules {
    private final List<String> globs;

    private ExcludeRules(List<String> globs) {
        this.globs = globs;
    }

    public static ExcludeRules parse(List<String> excludes) {
        List<String> globs = new ArrayList<>();
        for (String raw : excludes) {
            String g = raw.strip();
            if (g.isEmpty() || g.startsWith("#")) {
                continue;
            }
            if (g.startsWith("!")) {
                throw new IllegalArgumentException("--exclude '" + raw + "': negation with ! is not supported;"
                        + " list only what to leave out");
            }
            if (g.contains("**")) {
                throw new IllegalArgumentException("--exclude '" + raw + "': ** is not supported;"
                        + " a glob without / already matches at any depth");
            }
            if (g.equals("/") || g.replace("/", "").isEmpty()) {
                throw new IllegalArgumentException("--exclude '" + raw + "' would exclude everything");
            }
            globs.add(g);
        }
        return new ExcludeRules(List.copyOf(globs));
    }

    public boolean isEmpty() {
        return globs.isEmpty();
    }

    /**
     * The find words (before {@code -prune}) matching what is excluded under these roots, or an
     * empty list when nothing is. Roots must be normalized absolute paths.
     */
    public List<String> findPredicate(List<String> roots) {
        if (globs.isEmpty()) {
            return List.of();
        }
        List<String> w = new ArrayList<>(List.of("(", "("));
        boolean first = true;
        for (String g : globs) {
            boolean dirOnly = g.endsWith("/");
            String body = dirOnly ? g.substring(0, g.length() - 1) : g;
            boolean anchored = body.contains("/");
            if (anchored) {
                String rel = body.startsWith("/") ? body.substring(1) : body;
                for (String root : roots) {
                    first = or(w, first);
                    w.add("(");
                    w.addAll(List.of("-path", globEscape(root).replaceAll("/$", "") + "/" + rel));
                    if (dirOnly) {
                        w.addAll(List.of("-type", "d"));
                    }
                    w.add(")");
                }
            } else {
                first = or(w, first);
                w.add("(");
                w.addAll(List.of("-name", body));
                if (dirOnly) {
                    w.addAll(List.of("-type", "d"));
                }
                w.add(")");
            }
        }
        w.add(")");
        for (String root : roots) {
            w.addAll(List.of("!", "-path", globEscape(root)));
        }
        w.add(")");
        return w;
    }

    private static boolean or(List<String> words, boolean first) {
        if (!first) {
            words.add("-o");
        }
        return false;
    }

    /** A literal path as an fnmatch pattern: glob characters and backslashes escaped. */
    static String globEscape(String literal) {
        StringBuilder sb = new StringBuilder(literal.length());
        for (char c : literal.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
