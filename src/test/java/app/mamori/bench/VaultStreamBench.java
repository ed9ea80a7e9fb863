package app.mamori.bench;

import app.mamori.engine.BenchDumpChain;
import app.mamori.ssh.JschConnector;
import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.ShellQuote;
import app.mamori.testenv.SshdServer;
import app.mamori.vault.LocalVault;
import app.mamori.vault.Manifest;
import app.mamori.vault.PointWriter;
import app.mamori.vault.StoredFile;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Streams one file from a loopback sshd into the vault through the code a dump run uses
 * ({@link JschConnector} → {@code RemoteShell.exec("cat FILE")} → the DumpRunner chain in
 * {@link BenchDumpChain} → {@code ArtifactOutput} (SHA-256, fsync) → {@code PointWriter.commit}),
 * and through {@code ssh -c aes128-gcm@openssh.com host 'cat FILE' > file && sync file}, alternating
 * in the same run. Prints MB/s for both, their ratio, and where the Mamori leg spent its time.
 * <p>
 * {@code -Dbench.mode=heap}: the Mamori leg alone, once, and the peak heap it used (sum of the
 * heap pools' peaks, reset after start-up); run it with {@code -Xmx256m}.
 * Run it with {@code bench/vault-stream}.
 */
public final class VaultStreamBench {
    private VaultStreamBench() {
    }

    private record Leg(double mbps, double cpuPerGb, String split) {
    }

    public static void main(String[] args) throws Exception {
        boolean heap = "heap".equals(System.getProperty("bench.mode", "compare"));
        long sizeMb = args.length > 0 ? Long.parseLong(args[0]) : (heap ? 4096 : 1024);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path outDir = Files.createDirectories(Path.of(System.getProperty("bench.out", "bench/out")).toAbsolutePath());
        LocalVault vault = new LocalVault(outDir.resolve("vault"));
        try (SshdServer sshd = SshdServer.startWithLoginScripts()) {
            Path source = sshd.dir().resolve("source.bin");
            try {
                long t0 = System.nanoTime();
                sh("head -c " + sizeMb + "M /dev/urandom > " + ShellQuote.quote(source.toString()));
                String sha = sh("sha256sum " + ShellQuote.quote(source.toString())).substring(0, 64);
                System.out.printf("source: %d MB of /dev/urandom, made in %.1f s%n", sizeMb,
                        (System.nanoTime() - t0) / 1e9);
                long bytes = Files.size(source);
                Path knownHosts = sshd.newHomeWithPinnedKey().resolve("known_hosts");
                if (heap) {
                    heapRun(sshd, knownHosts, vault, source, bytes, sha);
                } else {
                    compare(sshd, knownHosts, vault, source, bytes, sha, outDir, sizeMb, rounds);
                }
            } finally {
                Files.deleteIfExists(source);
            }
        }
    }

    private static void compare(SshdServer sshd, Path knownHosts, LocalVault vault, Path source, long bytes,
                                String sha, Path outDir, long sizeMb, int rounds) throws Exception {
        // warm-up: JIT-compile the JSch, AES-GCM, SHA-256 and write paths before anything is timed;
        // -Dbench.warm=false times a cold JVM's first dump instead (the CLI started by a scheduler)
        boolean warm = !"false".equals(System.getProperty("bench.warm"));
        if (warm) {
            viaVault(sshd, knownHosts, vault, source, bytes, sha);
        }
        List<Leg> mamori = new ArrayList<>();
        List<Leg> openssh = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            // alternate who goes first so neither always gets the warmer page cache
            boolean mamoriFirst = round % 2 == 1;
            for (int leg = 0; leg < 2; leg++) {
                if ((leg == 0) == mamoriFirst) {
                    mamori.add(viaVault(sshd, knownHosts, vault, source, bytes, sha));
                } else {
                    openssh.add(viaOpenSsh(sshd, knownHosts, source, outDir.resolve("openssh.out"), bytes));
                }
            }
            Leg m = mamori.get(mamori.size() - 1);
            Leg o = openssh.get(openssh.size() - 1);
            System.out.printf("round %d: mamori vault %.0f MB/s (%.2f CPU s/GB; %s), openssh %.0f MB/s (%.2f CPU s/GB; %s)%n",
                    round, m.mbps(), m.cpuPerGb(), m.split(), o.mbps(), o.cpuPerGb(), o.split());
        }
        double m = median(mamori.stream().map(Leg::mbps).toList());
        double o = median(openssh.stream().map(Leg::mbps).toList());
        System.out.printf("[vault-stream%s] %d MB, median of %d: Mamori vault %.0f MB/s, OpenSSH+sync %.0f MB/s, "
                        + "ratio %.2f; client CPU s/GB: Mamori %.2f, OpenSSH %.2f%n", warm ? "" : ", cold JVM", sizeMb, rounds,
                m, o, m / o,
                median(mamori.stream().map(Leg::cpuPerGb).toList()), median(openssh.stream().map(Leg::cpuPerGb).toList()));
    }

    /** One dump into the vault as the engine does it: connect, begin, stream, finish, commit. */
    private static Leg viaVault(SshdServer sshd, Path knownHosts, LocalVault vault, Path source, long bytes,
                                String sha) throws Exception {
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        long connected;
        long streamed;
        long committed;
        long streamNanos;
        long finishNanos;
        StoredFile f;
        Path point;
        try (RemoteShell shell = new JschConnector(knownHosts, null).connect(sshd.server("bench"));
             PointWriter writer = vault.begin("bench", "stream", Instant.now())) {
            connected = System.nanoTime();
            BenchDumpChain.Result r = BenchDumpChain.dump(shell, "cat " + ShellQuote.quote(source.toString()), writer,
                    "source.bin", n -> { });
            f = r.file();
            streamNanos = r.streamNanos();
            finishNanos = r.finishNanos();
            streamed = System.nanoTime();
            Instant now = Instant.now();
            Manifest.Entry entry = new Manifest.Entry("source.bin", "bench", Map.of(), f.name(), f.compression(),
                    f.size(), f.rawSize(), f.sha256(), "cat", "cat " + source, now, now, Map.of());
            point = writer.commit(new Manifest(Manifest.FORMAT, writer.id(), "bench", sshd.host(),
                    shell.hostKeyFingerprint(), "stream", vault.root().toString(), now, now, "bench", List.of(entry)));
            committed = System.nanoTime();
        }
        long end = System.nanoTime();
        double mbps = mbPerSecond(bytes, end - start);
        double cpu = (processCpuNanos() - cpuStart) / 1e9 / (bytes / 1e9);
        if (f.size() != bytes || !f.sha256().equals(sha)) {
            throw new IllegalStateException("vault leg: stored " + f.size() + " bytes, SHA-256 " + f.sha256());
        }
        rmTree(point);
        String split = String.format("connect+begin %.2f s, stream %.2f s, finish (flush+fsync) %.2f s, commit %.3f s",
                (connected - start) / 1e9, streamNanos / 1e9, finishNanos / 1e9, (committed - streamed) / 1e9);
        return new Leg(mbps, cpu, split);
    }

    private static Leg viaOpenSsh(SshdServer sshd, Path knownHosts, Path source, Path out, long bytes)
            throws Exception {
        String ssh = ShellQuote.command("ssh", "-c", "aes128-gcm@openssh.com", "-i", sshd.identity().toString(),
                "-p", String.valueOf(sshd.port()), "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + knownHosts, sshd.user() + "@" + sshd.host(),
                "cat " + ShellQuote.quote(source.toString()));
        Path cpuFile = out.resolveSibling("openssh.cpu");
        ssh = ShellQuote.command("/usr/bin/time", "-f", "%U %S", "-o", cpuFile.toString()) + " " + ssh;
        // one shell line, as an admin would type it; the split comes from the shell's own clock
        String line = "s=$(date +%s%N); " + ssh + " > " + ShellQuote.quote(out.toString())
                + " && m=$(date +%s%N) && sync " + ShellQuote.quote(out.toString()) + " && echo $s $m $(date +%s%N)";
        long start = System.nanoTime();
        String[] t = sh(line).strip().split(" ");
        double mbps = mbPerSecond(bytes, System.nanoTime() - start);
        if (Files.size(out) != bytes) {
            throw new IllegalStateException("openssh leg: got " + Files.size(out) + " bytes");
        }
        Files.deleteIfExists(out);
        long s = Long.parseLong(t[0]);
        long m = Long.parseLong(t[1]);
        long e = Long.parseLong(t[2]);
        String[] userSys = Files.readString(cpuFile).strip().split("\\s+");
        Files.deleteIfExists(cpuFile);
        double cpu = (Double.parseDouble(userSys[0]) + Double.parseDouble(userSys[1])) / (bytes / 1e9);
        return new Leg(mbps, cpu, String.format("ssh %.2f s, sync %.2f s", (m - s) / 1e9, (e - m) / 1e9));
    }

    /** The Mamori leg once, with the heap pools' peaks reset first; prints the summed peak. */
    private static void heapRun(SshdServer sshd, Path knownHosts, LocalVault vault, Path source, long bytes,
                                String sha) throws Exception {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long gcBefore = gcCount();
        Leg leg = viaVault(sshd, knownHosts, vault, source, bytes, sha);
        long peak = 0;
        StringBuilder perPool = new StringBuilder();
        for (MemoryPoolMXBean p : pools) {
            long used = p.getPeakUsage().getUsed();
            peak += used;
            perPool.append(String.format("%s %.1f MiB; ", p.getName(), used / 1048576.0));
        }
        System.out.printf("[vault-stream heap] %,d bytes streamed into the vault and committed, SHA-256 verified, "
                        + "%.0f MB/s (%s)%n", bytes, leg.mbps(), leg.split());
        System.out.printf("[vault-stream heap] max heap (-Xmx) %.0f MiB; peak heap used %.1f MiB (sum of pool peaks: "
                        + "%s); %d GCs%n", Runtime.getRuntime().maxMemory() / 1048576.0, peak / 1048576.0,
                perPool.toString().replaceAll("; $", ""), gcCount() - gcBefore);
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> Math.max(0, g.getCollectionCount()))
                .sum();
    }

    private static void rmTree(Path p) throws IOException, InterruptedException {
        sh("rm -rf " + ShellQuote.quote(p.toString()));
    }

    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }

    private static String sh(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("failed: " + command);
        }
        return out;
    }

    private static double mbPerSecond(long bytes, long nanos) {
        return bytes / 1e6 / (nanos / 1e9);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
