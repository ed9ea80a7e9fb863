package app.mamori.testenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finding the servers' binaries, free ports and temp folders for the harness. */
public final class Tools {
    private Tools() {
    }

    /** Fails, naming the Debian package, when the program is missing: a missing server must not pass as a skip. */
    public static Path require(String path, String debianPackage) {
        Path p = Path.of(path);
        if (!Files.isExecutable(p)) {
            throw new IllegalStateException(path + " not found: install the Debian package " + debianPackage
                    + " (apt-get install " + debianPackage + ")");
        }
        return p;
    }

    /** The newest /usr/lib/postgresql/N/bin that has initdb, pg_ctl and psql. */
    public static Path postgresBin() {
        Path root = Path.of("/usr/lib/postgresql");
        String hint = "initdb/pg_ctl not found under /usr/lib/postgresql/*/bin: install the Debian package postgresql"
                + " (apt-get install postgresql)";
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException(hint);
        }
        try (Stream<Path> versions = Files.list(root)) {
            Path bin = versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(Tools::majorVersion))
                    .orElseThrow(() -> new IllegalStateException(hint));
            require(bin.resolve("psql").toString(), "postgresql-client");
            return bin;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** How many ports a server start tries when the one it picked was taken before it could bind. */
    static final int PORT_ATTEMPTS = 5;

    /**
     * A loopback port free right now. Another process (another test JVM, another run on the
     * machine) could take it before the server binds; each server then starts again on another
     * port, up to {@link #PORT_ATTEMPTS} times.
     */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // leftovers in /tmp are harmless; a failing cleanup must not fail the run
        }
    }
}
