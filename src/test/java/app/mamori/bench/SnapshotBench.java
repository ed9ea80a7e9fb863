package app.mamori.bench;

import app.mamori.model.Source;
import app.mamori.source.files.FileTreeSnapshotter;
import app.mamori.source.files.SnapshotProgress;
import app.mamori.source.files.SnapshotResult;
import app.mamori.testenv.LocalShell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Random;

/**
 * Times file-tree snapshots of a 50,000-file tree through {@link LocalShell} (first, unchanged,
 * 1% changed) against {@code rsync -a --link-dest} on the same tree. Run:
 * {@code java [-Dbench.warm=true] -cp target/classes:target/test-classes:$(deps) app.mamori.bench.SnapshotBench [files] [dir]}.
 */
public final class SnapshotBench {
    private SnapshotBench() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Path base = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("mamori-bench-");
        Path src = base.resolve("src");
        try {
            long bytes = buildTree(src, files);
            System.out.printf("tree: %,d files, %,d bytes in %s%n", files, bytes, src);
            var source = new Source.Files("bench", "local", List.of(src.toString()), List.of());
            var snap = new FileTreeSnapshotter(new LocalShell());
            if (Boolean.getBoolean("bench.warm")) {
                // The desktop app is a long-running JVM: measure it after the JIT has seen the code once.
                Path w = base.resolve("warm");
                buildTree(w.resolve("src"), files / 10);
                var ws = new Source.Files("warm", "local", List.of(w.resolve("src").toString()), List.of());
                time("warm-up (10%)", () -> snap.snapshot(ws, null, mkdir(w, "m"), null, null));
            }

            time("mamori first", () -> snap.snapshot(source, null, mkdir(base, "m1"), SnapshotProgress.none(), null));
            time("rsync  first", () -> rsync(src, base.resolve("r1"), null));
            time("mamori unchanged", () -> snap.snapshot(source, base.resolve("m1"), mkdir(base, "m2"), null, null));
            time("rsync  unchanged", () -> rsync(src, base.resolve("r2"), base.resolve("r1")));
            int changed = changeOnePercent(src, files);
            System.out.printf("changed %,d files%n", changed);
            time("mamori 1% changed", () -> snap.snapshot(source, base.resolve("m2"), mkdir(base, "m3"), null, null));
            time("rsync  1% changed", () -> rsync(src, base.resolve("r3"), base.resolve("r2")));
        } finally {
            new ProcessBuilder("rm", "-rf", base.toString()).inheritIO().start().waitFor();
        }
    }

    private interface Step {
        Object run() throws Exception;
    }

    private static void time(String what, Step step) throws Exception {
        long t0 = System.nanoTime();
        Object r = step.run();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String detail = r instanceof SnapshotResult s
                ? String.format(" (new %d, changed %d, unchanged %d, deleted %d, %,d bytes)", s.newFiles(),
                s.changedFiles(), s.unchangedFiles(), s.deletedFiles(), s.totalBytes()) : "";
        System.out.printf("%-20s %6d ms%s%n", what, ms, detail);
    }

    private static Path mkdir(Path base, String name) throws IOException {
        return Files.createDirectory(base.resolve(name));
    }

    private static Object rsync(Path src, Path dest, Path linkDest) throws Exception {
        var cmd = new java.util.ArrayList<>(List.of("rsync", "-a"));
        if (linkDest != null) {
            cmd.add("--link-dest=" + linkDest);
        }
        cmd.addAll(List.of(src + "/", dest + "/"));
        int rc = new ProcessBuilder(cmd).inheritIO().start().waitFor();
        if (rc != 0) {
            throw new IOException("rsync exited " + rc);
        }
        return null;
    }

    // 100 files per folder, sizes 0..8 KiB: roughly a source tree or a wp-content.
    static long buildTree(Path src, int files) throws IOException {
        Random random = new Random(1);
        long total = 0;
        byte[] buf = new byte[8192];
        for (int i = 0; i < files; i++) {
            Path dir = src.resolve("d" + (i / 1000)).resolve("sub" + (i / 100 % 10));
            if (i % 100 == 0) {
                Files.createDirectories(dir);
            }
            random.nextBytes(buf);
            int size = random.nextInt(buf.length);
            Files.write(dir.resolve("file-" + i + ".dat"), java.util.Arrays.copyOf(buf, size));
            total += size;
        }
        return total;
    }

    static int changeOnePercent(Path src, int files) throws IOException {
        int n = 0;
        for (int i = 0; i < files; i += 100) {
            Path f = src.resolve("d" + (i / 1000)).resolve("sub" + (i / 100 % 10)).resolve("file-" + i + ".dat");
            Files.write(f, new byte[]{1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
            Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 5000));
            n++;
        }
        return n;
    }
}
