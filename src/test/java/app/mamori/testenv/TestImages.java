package app.mamori.testenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Local container images, since no registry is reachable: each is a root file system imported
 * with {@code podman import}. The PostgreSQL root file system comes from debootstrap (about a
 * minute); its tarball is kept in {@link #CACHE} under a versioned name, and the image in
 * Podman's store, so later runs on the machine reuse both. A file lock keeps parallel test
 * runs from building the same image twice.
 */
final class TestImages {
    static final Path CACHE = Path.of("/var/tmp/mamori-test-images");
    // Bump a version when its recipe changes: the new name forces a rebuild.
    private static final String BUSYBOX = "localhost/mamori-test/busybox:1";
    private static final String POSTGRES_KEY = "postgres-15-bookworm-1";
    private static final String POSTGRES = "localhost/mamori-test/postgres:15-bookworm-1";
    private static final String MARIADB_KEY = "mariadb-bookworm-1";
    private static final String MARIADB = "localhost/mamori-test/mariadb:bookworm-1";
    private static final List<String> BUSYBOX_APPLETS = List.of("sh", "ls", "tar", "mkdir", "chmod", "ln", "echo",
            "cat", "sleep", "printf", "touch", "rm", "id", "true");

    private final DockerEngine engine;

    TestImages(DockerEngine engine) {
        this.engine = engine;
    }

    synchronized String busybox() {
        return ensure(BUSYBOX, "busybox-1", this::busyboxRoot);
    }

    synchronized String postgres() {
        // The package's own cluster would make pg_wrapper pick its port; the tests run their own.
        return ensure(POSTGRES, POSTGRES_KEY, root -> debootstrap(root, "postgresql-15",
                List.of("etc/postgresql/15", "var/lib/postgresql/15")));
    }

    synchronized String mariadb() {
        // The tests run their own data folder; the one the package made is dead weight.
        return ensure(MARIADB, MARIADB_KEY, root -> debootstrap(root, "mariadb-server", List.of("var/lib/mysql")));
    }

    private interface RootBuilder {
        void build(Path root) throws IOException;
    }

    private String ensure(String image, String key, RootBuilder builder) {
        if (exists(image)) {
            return image;
        }
        try {
            Files.createDirectories(CACHE);
            try (FileChannel ch = FileChannel.open(CACHE.resolve(key + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
                if (exists(image)) {
                    return image;
                }
                Path tarball = CACHE.resolve(key + ".tar");
                if (!Files.exists(tarball)) {
                    buildTarball(key, tarball, builder);
                }
                podman("import", tarball.toString(), image);
                return image;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not build test image " + image, e);
        }
    }

    private void buildTarball(String key, Path tarball, RootBuilder builder) throws IOException {
        Path root = CACHE.resolve(key + ".root");
        deleteRoot(root);
        Files.createDirectories(root);
        try {
            builder.build(root);
            Path partial = CACHE.resolve(key + ".tar.partial");
            Proc.check(List.of("tar", "--numeric-owner", "-C", root.toString(), "-cf", partial.toString(), "."),
                    Map.of(), null, Duration.ofMinutes(5));
            Files.move(partial, tarball, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteRoot(root);
        }
    }

    // A failed debootstrap can leave proc, sys or dev mounted inside: never delete through a mount.
    private static void deleteRoot(Path root) throws IOException {
        List<String> mounted = Files.readAllLines(Path.of("/proc/mounts")).stream()
                .map(l -> l.split(" ")[1])
                .filter(m -> m.startsWith(root + "/"))
                .sorted(java.util.Comparator.reverseOrder())
                .toList();
        for (String m : mounted) {
            Proc.run(List.of("umount", "-l", m), Map.of(), null, Duration.ofSeconds(30));
        }
        boolean stillMounted = Files.readAllLines(Path.of("/proc/mounts")).stream()
                .anyMatch(l -> l.split(" ")[1].startsWith(root + "/"));
        if (stillMounted) {
            throw new IOException("something is still mounted under " + root + "; unmount it and delete the folder");
        }
        Tools.deleteTree(root);
    }

    private void busyboxRoot(Path root) throws IOException {
        Path busybox = Tools.require("/bin/busybox", "busybox-static");
        // ldd fails on a static binary; Debian's plain busybox package is dynamic and would not run in the image
        if (Proc.run(List.of("ldd", busybox.toString()), Map.of(), null, Duration.ofSeconds(10)).exit() == 0) {
            throw new IllegalStateException("/bin/busybox is not static: install the Debian package busybox-static");
        }
        Path bin = Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("tmp"));
        Files.copy(busybox, bin.resolve("busybox"));
        for (String applet : BUSYBOX_APPLETS) {
            Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
        }
    }

    private static void debootstrap(Path root, String include, List<String> remove) throws IOException {
        Tools.require("/usr/sbin/debootstrap", "debootstrap");
        Proc.Result r = Proc.run(List.of("/usr/sbin/debootstrap", "--variant=minbase", "--include=" + include,
                "bookworm", root.toString()), Map.of(), null, Duration.ofMinutes(20));
        if (r.exit() != 0) {
            throw new IllegalStateException("debootstrap of a test image with " + include + " failed (exit " + r.exit()
                    + "); it needs Debian's package mirror:\n" + tail(r.stdout() + r.stderr())
                    + "\n" + Proc.tail(root.resolve("debootstrap/debootstrap.log"), 20));
        }
        for (String dir : remove) {
            Tools.deleteTree(root.resolve(dir));
        }
        Tools.deleteTree(root.resolve("var/cache/apt/archives"));
        Tools.deleteTree(root.resolve("var/lib/apt/lists"));
    }

    private boolean exists(String image) {
        return engine.run(List.of("/usr/bin/podman", "image", "exists", image), null).exit() == 0;
    }

    private void podman(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/podman"));
        cmd.addAll(List.of(args));
        Proc.Result r = engine.run(cmd, null);
        if (r.exit() != 0) {
            throw new IllegalStateException("podman " + String.join(" ", args) + " failed: " + r.stderr().strip());
        }
    }

    private static String tail(String s) {
        String[] lines = s.strip().split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 15), lines.length));
    }
}
