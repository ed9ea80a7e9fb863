package app.mamori.ssh;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place where a value becomes part of a remote shell command. Every value is wrapped
 * in single quotes, inside which a POSIX shell expands nothing; a single quote in the value
 * is closed, escaped and reopened. NUL cannot travel in a command line at all and is refused.
 */
public final class ShellQuote {
    private ShellQuote() {
    }

    public static String quote(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a value sent to a remote shell cannot contain a NUL byte");
        }
        if (!value.isEmpty() && value.chars().allMatch(ShellQuote::isPlain)) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** Quotes each word and joins them with spaces: a command line whose words the shell splits back exactly. */
    public static String command(String... words) {
        return command(Arrays.asList(words));
    }

    public static String command(List<String> words) {
        return words.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }

    private static boolean isPlain(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '/' || c == ':' || c == ',' || c == '+' || c == '=' || c == '@' || c == '%';
    }
}
