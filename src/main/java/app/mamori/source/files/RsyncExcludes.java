package app.mamori.source.files;

import java.util.ArrayList;
import java.util.List;

/**
 * The exclude globs of a {@code files} source as rsync {@code --exclude} patterns, so a vault on
 * the server leaves out exactly what {@link ExcludeRules} prunes from a listing. rsync runs once
 * per root with {@code ROOT/} as its source, so a leading {@code /} anchors to the root, as
 * {@code find -path ROOT/GLOB} does. Where the two matchers differ, the pattern is rewritten:
 * <ul>
 * <li>in an anchored glob find's {@code *} also matches {@code /}: it becomes rsync's {@code **};</li>
 * <li>in an anchored glob find's {@code ?} also matches {@code /}: the pattern is repeated with
 *     each {@code ?} as {@code /} (up to {@value #MAX_SLASH_VARIANTS} of them per glob);</li>
 * <li>rsync reads a backslash as an escape only when the pattern holds a wildcard, fnmatch always:
 *     a pattern without one is unescaped.</li>
 * </ul>
 * One difference remains: a bracket expression ({@code [..]}) in an anchored glob matches a
 * {@code /} in find but never in rsync.
 */
final class RsyncExcludes {
    private static final int MAX_SLASH_VARIANTS = 3;

    private RsyncExcludes() {
    }

    /** The {@code --exclude=...} words for these raw excludes, validated as {@link ExcludeRules#parse} does. */
    static List<String> options(List<String> rawExcludes) {
        List<String> words = new ArrayList<>();
        for (String pattern : patterns(rawExcludes)) {
            words.add("--exclude=" + pattern);
        }
        return words;
    }

    static List<String> patterns(List<String> rawExcludes) {
        ExcludeRules.parse(rawExcludes);
        List<String> out = new ArrayList<>();
        for (String raw : rawExcludes) {
            String g = raw.strip();
            if (g.isEmpty() || g.startsWith("#")) {
                continue;
            }
            boolean dirOnly = g.endsWith("/");
            String body = dirOnly ? g.substring(0, g.length() - 1) : g;
            String suffix = dirOnly ? "/" : "";
            if (!body.contains("/")) {
                out.add(literalIfNoWildcard(body) + suffix);
                continue;
            }
            String rel = body.startsWith("/") ? body.substring(1) : body;
            for (String variant : slashVariants(starsCrossSlashes(rel))) {
                out.add("/" + literalIfNoWildcard(variant) + suffix);
            }
        }
        return out;
    }

    private static String starsCrossSlashes(String glob) {
        StringBuilder sb = new StringBuilder(glob.length() + 4);
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\' && i + 1 < glob.length()) {
                sb.append(c).append(glob.charAt(++i));
            } else {
                sb.append(c == '*' ? "**" : String.valueOf(c));
            }
        }
        return sb.toString();
    }

    /** The glob, plus copies with each unescaped {@code ?} outside brackets replaced by {@code /}. */
    private static List<String> slashVariants(String glob) {
        List<Integer> marks = new ArrayList<>();
        boolean inClass = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '?' && !inClass) {
                marks.add(i);
            }
        }
        if (marks.size() > MAX_SLASH_VARIANTS) {
            return List.of(glob);
        }
        List<String> out = new ArrayList<>();
        for (int mask = 0; mask < 1 << marks.size(); mask++) {
            char[] chars = glob.toCharArray();
            for (int bit = 0; bit < marks.size(); bit++) {
                if ((mask & (1 << bit)) != 0) {
                    chars[marks.get(bit)] = '/';
                }
            }
            out.add(new String(chars));
        }
        return out;
    }

    private static String literalIfNoWildcard(String pattern) {
        if (pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0) {
            return pattern;
        }
        StringBuilder sb = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                c = pattern.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
