package app.mamori.ssh;

import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Proves quoting against a real remote shell: what goes in quoted comes back byte for byte. */
@ExtendWith(SshdExtension.class)
class ShellQuoteRoundTripTest {
    private static RemoteShell shell;

    @BeforeAll
    static void connect(SshdServer sshd) throws Exception {
        shell = new JschConnector(sshd.newHomeWithPinnedKey().resolve("known_hosts"), null).connect(sshd.server("q"));
    }

    @AfterAll
    static void disconnect() {
        shell.close();
    }

    @Test
    void everyHostileValueComesBackExactlyThroughPrintf() throws Exception {
        List<String> values = ShellQuoteTest.hostileValues().toList();
        for (String value : values) {
            var out = new ByteArrayOutputStream();
            ExecResult r = shell.exec(Exec.of("printf '%s' " + ShellQuote.quote(value)).stdout(out).build());
            assertThat(r.exitStatus()).as("exit status for %s", value).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as("round trip of [%s]", value).isEqualTo(value);
        }
    }

    @Test
    void quotedWordsArriveAsSeparateArguments() throws Exception {
        String line = ShellQuote.command("printf", "<%s>", "a b", "", "-n", "$(id)", "*");
        assertThat(shell.run(line)).isEqualTo("<a b><><-n><$(id)><*>");
    }
}
