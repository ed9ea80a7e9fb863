package app.mamori.ssh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app and the CLI pinning host keys at the same moment lose none: two processes, each
 * pinning servers of its own into one known_hosts, many times over, leave every key pinned.
 */
class KnownHostsConcurrencyTest {
    private static final int EACH = 40;

    @Test
    void twoProcessesPinningServersAtOnceLoseNoKey(@TempDir Path home) throws Exception {
        Path file = home.resolve("known_hosts");
        List<Process> both = List.of(pinner(file, "app"), pinner(file, "cli"));
        for (Process p : both) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        }

        KnownHostsFile known = new KnownHostsFile(file);
        for (String who : List.of("app", "cli")) {
            for (int i = 0; i < EACH; i++) {
                assertThat(known.find(alias(who, i))).as(alias(who, i)).singleElement()
                        .satisfies(e -> assertThat(e.blob()).isEqualTo(blob(who, e.blob().length)));
            }
        }
        assertThat(Files.readAllLines(file)).hasSize(2 * EACH);
        try (var s = Files.list(home)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    private static String alias(String who, int i) {
        return "[" + who + "-" + i + ".example]:22";
    }

    /** A key per process, different enough to tell apart; its length is all the check needs to rebuild it. */
    private static byte[] blob(String who, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (who.charAt(i % who.length()) + i);
        }
        return b;
    }

    private static Process pinner(Path file, String who) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Pinner.class.getName(), file.toString(), who)
                .redirectErrorStream(true).start();
    }

    /** The other JVM: pins its own servers' keys, one connect after another. */
    public static final class Pinner {
        public static void main(String[] args) throws Exception {
            KnownHostsFile known = new KnownHostsFile(Path.of(args[0]));
            for (int i = 0; i < EACH; i++) {
                known.pin(alias(args[1], i), "ssh-ed25519", blob(args[1], 51));
            }
        }
    }
}
