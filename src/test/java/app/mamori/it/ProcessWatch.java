package app.mamori.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Samples every process's command line (what {@code ps} shows) in a background thread, so a
 * test can prove that a secret never appeared there while a dump ran.
 */
final class ProcessWatch implements AutoCloseable {
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    ProcessWatch() {
        thread = new Thread(this::loop, "process-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running.get()) {
            try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
                for (Path p : procs) {
                    try {
                        byte[] raw = Files.readAllBytes(p.resolve("cmdline"));
                        for (int i = 0; i < raw.length; i++) {
                            if (raw[i] == 0) {
                                raw[i] = ' ';
                            }
                        }
                        seen.add(new String(raw, StandardCharsets.UTF_8));
                    } catch (IOException gone) {
                        // the process ended between listing and reading
                    }
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Every distinct command line seen so far. */
    Set<String> commandLines() {
        return Set.copyOf(seen);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
