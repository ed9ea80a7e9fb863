package app.mamori.secret;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app and the CLI writing secrets.json at the same moment lose nothing: two processes and two
 * threads (each with its own store, as separate commands have) hammer one file with distinct keys.
 */
class SecretStoreConcurrencyTest {
    private static final int EACH = 40;

    @Test
    void twoProcessesAndTwoThreadsWritingAtOnceLoseNoUpdate(@TempDir Path home) throws Exception {
        Path file = home.resolve("secrets.json");
        List<Process> others = List.of(hammer(file, "cli"), hammer(file, "app"));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<?>> here = new ArrayList<>();
        for (String prefix : List.of("t1", "t2")) {
            here.add(threads.submit(() -> {
                put(new SecretStore(file), prefix);
                return null;
            }));
        }
        for (Future<?> f : here) {
            f.get(120, TimeUnit.SECONDS);
        }
        threads.shutdown();
        for (Process p : others) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        }

        SecretStore store = new SecretStore(file);
        for (String prefix : List.of("cli", "app", "t1", "t2")) {
            for (int i = 0; i < EACH; i++) {
                assertThat(store.get(prefix + "/" + i)).as(prefix + "/" + i).contains("secret " + prefix + " " + i);
            }
        }
        try (var s = Files.list(home)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    static void put(SecretStore store, String prefix) throws Exception {
        for (int i = 0; i < EACH; i++) {
            store.put(prefix + "/" + i, "secret " + prefix + " " + i);
        }
    }

    private static Process hammer(Path file, String prefix) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Hammer.class.getName(), file.toString(), prefix)
                .redirectErrorStream(true).start();
    }

    /** The second JVM: puts its keys into the same file. */
    public static final class Hammer {
        public static void main(String[] args) throws Exception {
            put(new SecretStore(Path.of(args[0])), args[1]);
        }
    }
}
