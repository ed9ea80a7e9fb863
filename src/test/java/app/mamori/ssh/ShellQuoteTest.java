package app.mamori.ssh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShellQuoteTest {

    /** Values an attacker or an unlucky admin could put in a database, path or container name. */
    static Stream<String> hostileValues() {
        return Stream.of(
                "it's", "'", "''", "\"double\"", "$(rm -rf /)", "`id`", "a;b", "a && b", "a|b", "a\nb", "tab\there",
                "\\", "back\\slash'", "$HOME", "${HOME}", "!event", "*", "?", "[a-z]*", "~", "~root", "-rf", "--help",
                "-", "über straße 日本語 🙂", "", " ", "  leading and trailing  ", "#comment", "a>b<c", "(subshell)",
                "{brace,expansion}", "\r\n", "'; rm -rf / #", "%s%n", "=x");
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void hostileValueIsSingleQuotedOrLeftPlain(String value) {
        String quoted = ShellQuote.quote(value);
        boolean plain = !value.isEmpty() && value.matches("[A-Za-z0-9_./:,+=@%-]+");
        if (plain) {
            assertThat(quoted).isEqualTo(value);
        } else {
            assertThat(quoted).startsWith("'").endsWith("'");
            // outside the quotes there is only the escaped quote sequence '\''
            assertThat(quoted.substring(1, quoted.length() - 1).replace("'\\''", "")).doesNotContain("'");
        }
    }

    @Test
    void singleQuoteIsClosedEscapedAndReopened() {
        assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void emptyStringBecomesAnEmptyWordNotNothing() {
        assertThat(ShellQuote.quote("")).isEqualTo("''");
    }

    @Test
    void commandSubstitutionAndVariablesAreQuoted() {
        assertThat(ShellQuote.quote("$(id)")).isEqualTo("'$(id)'");
        assertThat(ShellQuote.quote("`id`")).isEqualTo("'`id`'");
        assertThat(ShellQuote.quote("$HOME")).isEqualTo("'$HOME'");
    }

    @Test
    void globCharactersAndSeparatorsAreQuoted() {
        assertThat(ShellQuote.quote("*.sql")).isEqualTo("'*.sql'");
        assertThat(ShellQuote.quote("a;b")).isEqualTo("'a;b'");
        assertThat(ShellQuote.quote("line\nbreak")).isEqualTo("'line\nbreak'");
    }

    @Test
    void plainWordsStayReadable() {
        assertThat(ShellQuote.quote("/var/lib/postgresql/15/main")).isEqualTo("/var/lib/postgresql/15/main");
        assertThat(ShellQuote.quote("--format=custom")).isEqualTo("--format=custom");
    }

    @Test
    void leadingDashIsStillOneWordButOptionSafetyIsTheCallersJob() {
        // quoting cannot stop a program reading "-rf" as an option; callers put "--" before values
        assertThat(ShellQuote.command("rm", "--", "-rf")).isEqualTo("rm -- -rf");
    }

    @Test
    void nulByteIsRefused() {
        assertThatThrownBy(() -> ShellQuote.quote("a\0b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
    }

    @Test
    void commandQuotesEachWordAndJoinsWithSpaces() {
        assertThat(ShellQuote.command(List.of("pg_dump", "-d", "my db", "it's")))
                .isEqualTo("pg_dump -d 'my db' 'it'\\''s'");
    }
}
