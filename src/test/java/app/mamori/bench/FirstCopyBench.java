package app.mamori.bench;

import app.mamori.ssh.ShellQuote;
import app.mamori.testenv.SshdServer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static app.mamori.bench.WholeProcess.cpu;
import static app.mamori.bench.WholeProcess.mamori;
import static app.mamori.bench.WholeProcess.median;
import static app.mamori.bench.WholeProcess.q;

/**
 * A {@code files} source's first backup as the admin runs it: {@code ./mamori backup JOB}, a new
 * process (cold JVM, catalogue, connect, list, tar, fsync, index, commit), against the same files
 * copied by {@code rsync -a -e 'ssh -c aes128-gcm@openssh.com ...' && sync} and by a bare
 * OpenSSH pipe ({@code ssh ... cat FILE > out && sync} for one file,
 * {@code ssh ... tar -c | tar -x && sync} for many), in the same run against the loopback test
 * sshd. Mamori flushes every file before it commits a point, so both references end with
 * {@code sync}. The legs take turns in a rotating order; each round copies into a fresh folder
 * (a new job and vault for Mamori), which is deleted and synced untimed afterwards.
 * <p>
 * Data: (a) one incompressible file of BIG_MIB MiB, (b) FILES files of 0..8 KiB in folders of
 * 100 ({@link SnapshotBench#buildTree}); 0 skips one. Prints wall and client CPU seconds
 * (user+sys of the process and its children, from {@code /usr/bin/time}) per leg and round, then
 * medians and ratios. {@code MAMORI_JAVA_OPTS} reaches the Mamori JVM (for JFR). With
 * {@code MAMORI_BEFORE=/other/checkout/mamori}, that build's backup is a fourth leg in the rotation,
 * against the same catalogue: before and after measured in one run.
 * Run it with {@code bench/first-copy [BIG_MIB=2048] [FILES=50000] [ROUNDS=3]}.
 */
public final class FirstCopyBench {
    /** Another checkout's {@code ./mamori} (e.g. main's), timed as a fourth leg "before" when set. */
    private static final String BEFORE = System.getenv("MAMORI_BEFORE");
    private static final String[] LEGS = BEFORE == null || BEFORE.isBlank() ? new String[]{"mamori", "rsync", "ssh"}
            : new String[]{"before", "mamori", "rsync", "ssh"};
    private static WholeProcess legs;
    private static Path base;

    private FirstCopyBench() {
    }

    public static void main(String[] args) throws Exception {
        long bigMib = args.length > 0 ? Long.parseLong(args[0]) : 2048;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        base = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", "/var/tmp")), "mamori-firstcopy-");
        try (SshdServer sshd = SshdServer.start()) {
            legs = new WholeProcess(sshd, base);
            Path home = Files.createDirectory(base.resolve("home"));
            legs.addServer(home);
            if (bigMib > 0) {
                Path src = Files.createDirectories(base.resolve("big-src"));
                Path file = src.resolve("big.bin");
                writeRandom(file, bigMib << 20);
                dataSet("one " + bigMib + " MiB file", "big", src, home, rounds,
                        dest -> new String[]{ShellQuote.command("cat", file.toString()), "> " + q(dest.resolve("big.bin"))});
            }
            if (files > 0) {
                Path src = base.resolve("small-src");
                long bytes = SnapshotBench.buildTree(src, files);
                dataSet(String.format("%,d files, %,d bytes", files, bytes), "small", src, home, rounds,
                        dest -> new String[]{ShellQuote.command("tar", "-cf", "-", "-C", src.toString(), "."),
                                "| tar -xf - -C " + q(dest)});
            }
        } finally {
            new ProcessBuilder("rm", "-rf", base.toString()).inheritIO().start().waitFor();
        }
    }

    /** The OpenSSH reference: what runs on the server, and what takes its stdout here. */
    private interface Pipe {
        String[] remoteAndLocal(Path dest);
    }

    private static void dataSet(String what, String name, Path src, Path home, int rounds, Pipe pipe)
            throws Exception {
        System.out.printf("%n== %s in %s%n", what, src);
        mamori(home, "source", "add", name, "--server", "bench", "--kind", "files", "--path", src.toString());
        Map<String, List<double[]>> times = legs.alternate(LEGS, rounds, name, (leg, round, dest) -> switch (leg) {
            case "mamori", "before" -> WholeProcess.backup(home, leg.equals("before") ? BEFORE : null,
                    leg + "-" + name + round, name, dest);
            case "rsync" -> ShellQuote.command("rsync", "-a", "-e", legs.ssh(), legs.userAtHost()
                    + ":" + src + "/", dest + "/") + " && sync";
            default -> {
                String[] ends = pipe.remoteAndLocal(dest);
                yield legs.sshRun(ends[0]) + " " + ends[1] + " && sync";
            }
        });
        double mw = median(times.get("mamori"), 0);
        double rw = median(times.get("rsync"), 0);
        double sw = median(times.get("ssh"), 0);
        System.out.printf("[first-copy] %s, median of %d: mamori %.2f s, rsync -a + sync %.2f s, ssh pipe + sync %.2f s;"
                        + " mamori/rsync time %.2f, mamori/ssh time %.2f; client CPU s mamori %.2f, rsync %.2f, ssh %.2f%n",
                what, rounds, mw, rw, sw, mw / rw, mw / sw, cpu(times.get("mamori")), cpu(times.get("rsync")),
                cpu(times.get("ssh")));
        if (times.containsKey("before")) {
            System.out.printf("[first-copy] %s, median of %d: before %.2f s, %.2f client CPU s; before/rsync time %.2f,"
                            + " CPU %.2f; mamori/rsync CPU %.2f%n", what, rounds, median(times.get("before"), 0),
                    cpu(times.get("before")), median(times.get("before"), 0) / rw,
                    cpu(times.get("before")) / cpu(times.get("rsync")), cpu(times.get("mamori")) / cpu(times.get("rsync")));
        }
    }

    static void writeRandom(Path file, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        byte[] buf = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long done = 0; done < size; done += buf.length) {
                for (int i = 0; i < buf.length; i += 8) {
                    long v = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        buf[i + b] = (byte) (v >>> (8 * b));
                    }
                }
                out.write(buf, 0, (int) Math.min(buf.length, size - done));
            }
        }
    }
}
