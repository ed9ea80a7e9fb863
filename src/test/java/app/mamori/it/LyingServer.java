package app.mamori.it;

import app.mamori.testenv.SshdServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A test sshd whose sessions find a folder of lying tools first on their PATH (sshd's SetEnv).
 * Each script is a shell body that may call {@code mode} for the lie switched on by {@link #lie}
 * (the empty word: tell the truth, usually by exec'ing the real tool); {@code $LIARS} is the folder.
 */
final class LyingServer implements AutoCloseable {
    private static final String STD_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final Path dir;
    private final SshdServer sshd;

    private LyingServer(Path dir, SshdServer sshd) {
        this.dir = dir;
        this.sshd = sshd;
    }

    /** Starts sshd with {@code scripts} (tool name to shell body) first on its sessions' PATH. */
    static LyingServer start(Map<String, String> scripts) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("mamori-liars-");
        for (Map.Entry<String, String> s : scripts.entrySet()) {
            Path f = dir.resolve(s.getKey());
            Files.writeString(f, "#!/bin/sh\nmode() { /bin/cat \"$LIARS/mode\" 2>/dev/null; }\n" + s.getValue());
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        LyingServer server = new LyingServer(dir, SshdServer.start(Map.of("PATH", dir + ":" + STD_PATH,
                "LIARS", dir.toString())));
        server.lie("");
        return server;
    }

    SshdServer sshd() {
        return sshd;
    }

    /** The liars' folder, where a script may leave what a test reads (a pid). */
    Path dir() {
        return dir;
    }

    /** Switches every script to the lie named {@code mode}; "" for the truth. */
    void lie(String mode) throws IOException {
        Files.writeString(dir.resolve("mode"), mode);
    }

    @Override
    public void close() throws IOException {
        sshd.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
