package app.mamori.bench;

import app.mamori.model.Source;
import app.mamori.source.files.FileTreeSnapshotter;
import app.mamori.source.files.SnapshotProgress;
import app.mamori.source.files.SnapshotResult;
import app.mamori.ssh.Exec;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.JschConnector;
import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.ShellQuote;
import app.mamori.testenv.SshdServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * File-tree snapshots over SSH, the real way: {@link FileTreeSnapshotter} through {@link JschConnector}
 * to a loopback sshd, against {@code rsync -a --link-dest=PREV -e 'ssh -c aes128-gcm@openssh.com ...'
 * root@127.0.0.1:/tree/ DEST/} on the same tree in the same run: a first full snapshot, then
 * ROUNDS times "nothing changed" and "1% changed". Each timed step includes connecting, as a run
 * does. The tree is 50,000 files of 0..8 KiB, 100 per folder ({@link SnapshotBench#buildTree}).
 * <p>
 * The desktop app is a long-running JVM, so by default a 5,000-file tree is snapshotted once
 * first to let the JIT see the code ({@code -Dbench.warm=false} to skip).
 * Run it with {@code bench/snapshot-ssh [FILES=50000] [ROUNDS=3]}.
 */
public final class SshSnapshotBench {
    private SshSnapshotBench() {
    }

    private static SshdServer sshd;
    private static Path knownHosts;

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path base = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", "/var/tmp")), "mamori-snapbench-");
        try (SshdServer server = SshdServer.startWithLoginScripts()) {
            sshd = server;
            knownHosts = sshd.newHomeWithPinnedKey().resolve("known_hosts");
            Path src = base.resolve("src");
            long bytes = SnapshotBench.buildTree(src, files);
            System.out.printf("tree: %,d files, %,d bytes in %s%n", files, bytes, src);
            var source = new Source.Files("bench", "bench", List.of(src.toString()), List.of());
            if (!"false".equals(System.getProperty("bench.warm"))) {
                Path w = base.resolve("warm");
                SnapshotBench.buildTree(w.resolve("src"), files / 10);
                var ws = new Source.Files("warm", "bench", List.of(w.resolve("src").toString()), List.of());
                long t = mamori(ws, null, mkdir(w, "m1"));
                mamori(ws, w.resolve("m1"), mkdir(w, "m2"));
                System.out.printf("warm-up: %,d-file tree, first + unchanged, first took %d ms%n", files / 10, t / 1_000_000);
                rm(w);
            }
            List<long[]> unchanged = new ArrayList<>();
            List<long[]> changed = new ArrayList<>();
            int m = 1;
            int r = 1;
            long mf = mamori(source, null, mkdir(base, "m" + m));
            long rf = rsync(src, base.resolve("r" + r), null);
            report("first (full)", mf, rf);
            for (int round = 1; round <= rounds; round++) {
                long mu = mamori(source, base.resolve("m" + m), mkdir(base, "m" + (m + 1)));
                long ru = rsync(src, base.resolve("r" + (r + 1)), base.resolve("r" + r));
                m++;
                r++;
                report("nothing changed #" + round, mu, ru);
                unchanged.add(new long[]{mu, ru});
                int n = SnapshotBench.changeOnePercent(src, files);
                long mc = mamori(source, base.resolve("m" + m), mkdir(base, "m" + (m + 1)));
                long rc = rsync(src, base.resolve("r" + (r + 1)), base.resolve("r" + r));
                m++;
                r++;
                report("1% changed #" + round + " (" + n + " files)", mc, rc);
                changed.add(new long[]{mc, rc});
                // keep two snapshots of each side: disk, and a fair dentry cache for both
                rm(base.resolve("m" + (m - 2)));
                rm(base.resolve("r" + (r - 2)));
            }
            summary("first (full)", List.<long[]>of(new long[]{mf, rf}));
            summary("nothing changed", unchanged);
            summary("1% changed", changed);
        } finally {
            rm(base);
        }
    }

    private static long mamori(Source.Files source, Path previous, Path dest) throws Exception {
        long t0 = System.nanoTime();
        SnapshotResult s;
        StringBuilder split = new StringBuilder();
        try (RemoteShell real = new JschConnector(knownHosts, null).connect(sshd.server("bench"))) {
            split.append(String.format("connect %d", (System.nanoTime() - t0) / 1_000_000));
            RemoteShell shell = new TimedShell(real, t0, split);
            long[] linkedAt = new long[1];
            SnapshotProgress progress = new SnapshotProgress() {
                @Override
                public void linked(long files) {
                    linkedAt[0] = System.nanoTime();
                }
            };
            s = new FileTreeSnapshotter(shell).snapshot(source, previous, dest, progress, null);
            split.append(String.format(", links done @%d", (linkedAt[0] - t0) / 1_000_000));
        }
        long ns = System.nanoTime() - t0;
        split.append(String.format(", end @%d", ns / 1_000_000));
        if (!s.warnings().isEmpty()) {
            throw new IllegalStateException("mamori snapshot warned: " + s.warnings());
        }
        System.out.printf("  mamori %6d ms  (new %d, changed %d, unchanged %d, %,d bytes; ms: %s)%n", ns / 1_000_000,
                s.newFiles(), s.changedFiles(), s.unchangedFiles(), s.totalBytes(), split);
        return ns;
    }

    private static long rsync(Path src, Path dest, Path linkDest) throws Exception {
        String ssh = ShellQuote.command("ssh", "-c", "aes128-gcm@openssh.com", "-i", sshd.identity().toString(),
                "-p", String.valueOf(sshd.port()), "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + knownHosts);
        List<String> cmd = new ArrayList<>(List.of("rsync", "-a", "--stats"));
        if (linkDest != null) {
            cmd.add("--link-dest=" + linkDest);
        }
        cmd.addAll(List.of("-e", ssh, sshd.user() + "@" + sshd.host() + ":" + src + "/", dest + "/"));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        int rc = p.waitFor();
        long ns = System.nanoTime() - t0;
        if (rc != 0) {
            throw new IOException("rsync exited " + rc + ": " + out);
        }
        String transferred = out.lines().filter(l -> l.startsWith("Number of regular files transferred"))
                .findFirst().orElse("?");
        System.out.printf("  rsync  %6d ms  (%s)%n", ns / 1_000_000, transferred);
        return ns;
    }

    private static void report(String what, long mamoriNs, long rsyncNs) {
        System.out.printf("%-32s mamori %6d ms, rsync %6d ms, mamori/rsync time %.2f%n", what,
                mamoriNs / 1_000_000, rsyncNs / 1_000_000, (double) mamoriNs / rsyncNs);
    }

    private static void summary(String what, List<long[]> runs) {
        List<Long> m = runs.stream().map(x -> x[0]).sorted().toList();
        List<Long> r = runs.stream().map(x -> x[1]).sorted().toList();
        long mm = m.get(m.size() / 2);
        long rm = r.get(r.size() / 2);
        System.out.printf("[snapshot-ssh] %-16s median of %d: mamori %6d ms, rsync %6d ms, mamori/rsync time %.2f%n",
                what, runs.size(), mm / 1_000_000, rm / 1_000_000, (double) mm / rm);
    }

    /** Notes when each remote command ran, in ms since the snapshot started. */
    private record TimedShell(RemoteShell shell, long t0, StringBuilder log) implements RemoteShell {
        @Override
        public ExecResult exec(Exec exec) throws IOException {
            long a = System.nanoTime();
            try {
                return shell.exec(exec);
            } finally {
                String c = exec.command().replaceFirst("^LC_ALL=C ", "");
                String word = c.substring(0, Math.max(1, Math.min(c.length(), c.indexOf(' ') < 0 ? c.length() : c.indexOf(' '))));
                synchronized (log) {
                    log.append(String.format(", %s @%d-%d", word.replace("'", ""), (a - t0) / 1_000_000,
                            (System.nanoTime() - t0) / 1_000_000));
                }
            }
        }

        @Override
        public String hostKeyFingerprint() {
            return shell.hostKeyFingerprint();
        }

        @Override
        public void close() {
            shell.close();
        }
    }

    private static Path mkdir(Path base, String name) throws IOException {
        return Files.createDirectory(base.resolve(name));
    }

    private static void rm(Path p) throws IOException, InterruptedException {
        new ProcessBuilder("rm", "-rf", p.toString()).inheritIO().start().waitFor();
    }
}
