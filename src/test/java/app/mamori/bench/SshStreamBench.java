package app.mamori.bench;

import app.mamori.ssh.Exec;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.JschConnector;
import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.ShellQuote;
import app.mamori.testenv.SshdServer;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Streams one file from a loopback sshd into a local file, the way a backup does (SHA-256 while
 * writing, fsync at the end), through {@link JschConnector} and through OpenSSH's client, in
 * alternating order in the same run, and prints MB/s for both and their ratio.
 * Run it with {@code bench/ssh-stream [SIZE_MB] [ROUNDS]}.
 */
public final class SshStreamBench {
    private SshStreamBench() {
    }

    /** One leg: wall-clock MB/s, and client CPU seconds per GB, which load from other processes barely moves. */
    private record Leg(double mbps, double cpuPerGb) {
    }

    public static void main(String[] args) throws Exception {
        long sizeMb = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String label = System.getProperty("bench.label", "tuned");
        // file: write + fsync like a backup; null: /dev/null, to see the SSH layer alone
        boolean toFile = !"null".equals(System.getProperty("bench.sink", "file"));
        Path outDir = Files.createDirectories(Path.of(System.getProperty("bench.out", "bench/out")));
        try (SshdServer sshd = SshdServer.startWithLoginScripts()) {
            Path source = sshd.dir().resolve("source.bin");
            sh("head -c " + sizeMb + "M /dev/urandom > " + ShellQuote.quote(source.toString()));
            long bytes = Files.size(source);
            Path knownHosts = sshd.newHomeWithPinnedKey().resolve("known_hosts");
            // warm-up: JIT-compile the JSch and AES-GCM paths before anything is timed
            viaJsch(sshd, knownHosts, source, outDir.resolve("jsch.out"), bytes, false);
            List<Leg> jsch = new ArrayList<>();
            List<Leg> openssh = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                // alternate who goes first so neither always gets the warmer page cache
                boolean jschFirst = round % 2 == 1;
                for (int leg = 0; leg < 2; leg++) {
                    if ((leg == 0) == jschFirst) {
                        jsch.add(viaJsch(sshd, knownHosts, source, outDir.resolve("jsch.out"), bytes, toFile));
                    } else {
                        openssh.add(viaOpenSsh(sshd, knownHosts, source, outDir.resolve("openssh.out"), bytes, toFile));
                    }
                }
                Leg lj = jsch.get(jsch.size() - 1);
                Leg lo = openssh.get(openssh.size() - 1);
                System.out.printf("round %d: jsch %.0f MB/s (%.2f CPU s/GB), openssh %.0f MB/s (%.2f CPU s/GB)%n",
                        round, lj.mbps(), lj.cpuPerGb(), lo.mbps(), lo.cpuPerGb());
            }
            double j = median(jsch.stream().map(Leg::mbps).toList());
            double o = median(openssh.stream().map(Leg::mbps).toList());
            double jc = median(jsch.stream().map(Leg::cpuPerGb).toList());
            double oc = median(openssh.stream().map(Leg::cpuPerGb).toList());
            System.out.printf("[%s, %s] %d MB, median of %d: JschConnector %.0f MB/s, OpenSSH %.0f MB/s, ratio %.2f;"
                            + " client CPU s/GB: JschConnector %.2f, OpenSSH %.2f%n",
                    label, toFile ? "file+fsync" : "/dev/null", sizeMb, rounds, j, o, j / o, jc, oc);
            Files.deleteIfExists(source);
        }
    }

    private static Leg viaJsch(SshdServer sshd, Path knownHosts, Path source, Path out, long bytes,
                                  boolean toFile) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        try (RemoteShell shell = new JschConnector(knownHosts, null).connect(sshd.server("bench"));
             FileOutputStream file = new FileOutputStream(toFile ? out.toFile() : new java.io.File("/dev/null"))) {
            OutputStream hashing = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    sha.update(b, off, len);
                    file.write(b, off, len);
                }
            };
            ExecResult r = shell.exec(Exec.of("cat " + ShellQuote.quote(source.toString())).stdout(hashing).build());
            if (toFile) {
                file.getFD().sync();
            }
            if (r.exitStatus() != 0 || r.stdoutBytes() != bytes) {
                throw new IllegalStateException("jsch leg failed: " + r);
            }
        }
        double mbps = mbPerSecond(bytes, System.nanoTime() - start);
        double cpu = (processCpuNanos() - cpuStart) / 1e9 / (bytes / 1e9);
        String hash = HexFormat.of().formatHex(sha.digest());
        if (!sh("sha256sum " + ShellQuote.quote(source.toString())).startsWith(hash)) {
            throw new IllegalStateException("jsch leg: SHA-256 differs from the source");
        }
        Files.deleteIfExists(out);
        return new Leg(mbps, cpu);
    }

    private static Leg viaOpenSsh(SshdServer sshd, Path knownHosts, Path source, Path out, long bytes,
                                     boolean toFile) throws Exception {
        String ssh = ShellQuote.command("ssh", "-c", "aes128-gcm@openssh.com", "-i", sshd.identity().toString(),
                "-p", String.valueOf(sshd.port()), "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + knownHosts, sshd.user() + "@" + sshd.host(),
                "cat " + ShellQuote.quote(source.toString()));
        Path cpuFile = out.resolveSibling("openssh.cpu");
        ssh = ShellQuote.command("/usr/bin/time", "-f", "%U %S", "-o", cpuFile.toString()) + " " + ssh;
        long start = System.nanoTime();
        // sync FILE fsyncs that file only, like the JSch leg; a bare sync would also flush
        // whatever the other builds on this machine have dirtied
        if (toFile) {
            sh(ssh + " > " + ShellQuote.quote(out.toString()) + " && sync " + ShellQuote.quote(out.toString()));
        } else {
            sh(ssh + " > /dev/null");
        }
        double mbps = mbPerSecond(bytes, System.nanoTime() - start);
        if (toFile && Files.size(out) != bytes) {
            throw new IllegalStateException("openssh leg: got " + Files.size(out) + " bytes");
        }
        Files.deleteIfExists(out);
        String[] userSys = Files.readString(cpuFile).strip().split("\\s+");
        double cpu = (Double.parseDouble(userSys[0]) + Double.parseDouble(userSys[1])) / (bytes / 1e9);
        return new Leg(mbps, cpu);
    }

    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
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
