package app.mamori.service;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A {@code mamori find} pattern: a glob where {@code *} is any run of characters but '/',
 * {@code ?} one such character and {@code **} anything, '/' included. Without '/', it is matched
 * against a path's last name; starting with '/', against the whole path; with '/' elsewhere,
 * against the path's end, starting at a name ({@code uploads/*.jpg} matches
 * {@code /srv/www/uploads/a.jpg}).
 */
final class PathPattern {
    private final Pattern regex;
    private final String literalPrefix;

    private PathPattern(Pattern regex, String literalPrefix) {
        this.regex = regex;
        this.literalPrefix = literalPrefix;
    }

    static PathPattern of(String glob) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("PATTERN: give a file name or a glob such as wp-config.php or '*.php'");
        }
        String body = toRegex(glob);
        if (glob.startsWith("/")) {
            return new PathPattern(Pattern.compile(body, Pattern.DOTALL), prefix(glob));
        }
        return new PathPattern(Pattern.compile("(?:.*/)?" + body, Pattern.DOTALL), "");
    }

    /** Whether {@code path} (as shown to people, absolute) matches. */
    boolean matches(String path) {
        return regex.matcher(path).matches();
    }

    /** The path bytes every match starts with: a pattern from the root searches only that part of the index. */
    byte[] lowerBound() {
        return literalPrefix.getBytes(StandardCharsets.UTF_8);
    }

    /** The first byte string past every match; null when there is no bound. */
    byte[] upperBound() {
        byte[] b = lowerBound();
        for (int i = b.length - 1; i >= 0; i--) {
            if (b[i] != (byte) 0xff) {
                byte[] upper = java.util.Arrays.copyOf(b, i + 1);
                upper[i]++;
                return upper;
            }
        }
        return null;
    }

    /** Up to the first wildcard; a backslash may stand for a byte shown as \xNN, so the prefix stops there too. */
    private static String prefix(String glob) {
        int end = 0;
        while (end < glob.length() && "*?\\".indexOf(glob.charAt(end)) < 0) {
            end++;
        }
        return glob.substring(0, end);
    }

    private static String toRegex(String glob) {
        StringBuilder out = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char ch = glob.charAt(i);
            if (ch == '*' || ch == '?') {
                out.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                if (ch == '?') {
                    out.append("[^/]");
                } else if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    out.append(".*");
                    i++;
                } else {
                    out.append("[^/]*");
                }
            } else {
                literal.append(ch);
            }
        }
        return out.append(Pattern.quote(literal.toString())).toString();
    }
}
