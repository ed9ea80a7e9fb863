package app.mamori.bench;

import app.mamori.ssh.ShellQuote;
import app.mamori.testenv.SshdServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the whole-process benchmarks share ({@link FirstCopyBench}, {@link DumpWholeBench}): the
 * {@code ./mamori} of this checkout run as a new process, the loopback sshd reached by OpenSSH with
 * the cipher Mamori uses, and each leg timed under {@code /usr/bin/time} for its client CPU.
 */
final class WholeProcess {
    private final SshdServer sshd;
    private final Path knownHosts;
    private final Path base;

    WholeProcess(SshdServer sshd, Path base) throws IOException {
        this.sshd = sshd;
        this.base = base;
        this.knownHosts = sshd.newHomeWithPinnedKey().resolve("known_hosts");
    }

    /** Adds the sshd as server {@code bench} to the data folder {@code home}. */
    void addServer(Path home) throws IOException, InterruptedException {
        mamori(home, "server", "add", "bench", "--host", sshd.host(), "--port", Integer.toString(sshd.port()),
                "--user", sshd.user(), "--identity", sshd.identity().toString(),
                "--host-key", sshd.hostKeyFingerprint());
    }

    /** OpenSSH as an admin's script would call it: AES-GCM (Mamori's cipher), the pinned host key, no prompts. */
    String ssh() {
        return ShellQuote.command("ssh", "-c", "aes128-gcm@openssh.com", "-i", sshd.identity().toString(),
                "-p", String.valueOf(sshd.port()), "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + knownHosts);
    }

    /** {@code ssh USER@HOST 'remote'}, with the remote command quoted once for the local shell. */
    String sshRun(String remote) {
        return ssh() + " " + q(sshd.user() + "@" + sshd.host()) + " " + q(remote);
    }

    String userAtHost() {
        return sshd.user() + "@" + sshd.host();
    }

    static String q(Object s) {
        return ShellQuote.quote(s.toString());
    }

    /** Wall, user and system seconds of {@code bash -c cmd} and everything it waited for. */
    double[] timed(String cmd) throws IOException, InterruptedException {
        Path out = base.resolve("time.txt");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("/usr/bin/time", "-f", "%U %S", "-o", out.toString(), "bash", "-c", cmd)
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        int rc = p.waitFor();
        double wall = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) {
            throw new IllegalStateException("exited " + rc + ": " + cmd + "\n" + text);
        }
        String[] us = Files.readString(out).strip().split(" ");
        return new double[]{wall, Double.parseDouble(us[0]), Double.parseDouble(us[1])};
    }

    /** This checkout's {@code ./mamori} with {@code args}, which must succeed. */
    static void mamori(Path home, String... args) throws IOException, InterruptedException {
        mamoriWithStdin(home, "", args);
    }

    /** As {@link #mamori}, with {@code stdin} written to its standard input (a password, say). */
    static void mamoriWithStdin(Path home, String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of("mamori").toAbsolutePath().toString(), "--home",
                home.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String text = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + text);
        }
    }

    /** What one leg runs in one round, copying into the fresh folder {@code dest}. */
    interface Leg {
        String command(String leg, int round, Path dest) throws Exception;
    }

    /**
     * {@code rounds} rounds of every leg, in an order that rotates by one each round; each copies
     * into a fresh folder under the base, deleted and synced untimed afterwards. Returns each leg's
     * wall, user and system seconds per round.
     */
    Map<String, List<double[]>> alternate(String[] legs, int rounds, String prefix, Leg leg) throws Exception {
        Map<String, List<double[]>> times = new LinkedHashMap<>();
        for (String name : legs) {
            times.put(name, new ArrayList<>());
        }
        for (int round = 1; round <= rounds; round++) {
            for (int i = 0; i < legs.length; i++) {
                String name = legs[(i + round - 1) % legs.length];
                Path dest = Files.createDirectory(base.resolve(prefix + "-" + name + "-" + round));
                double[] t = timed(leg.command(name, round, dest));
                times.get(name).add(t);
                System.out.printf("round %d %-7s %7.2f s wall, %6.2f s CPU (user %.2f + sys %.2f), load %s%n",
                        round, name, t[0], t[1] + t[2], t[1], t[2], load());
                removeAndSync(dest);
            }
        }
        return times;
    }

    /**
     * Adds vault and job {@code job} (source {@code source}, kept in {@code dest}) to {@code home}
     * and returns the command that backs it up with {@code launcher}, or else with {@code MAMORI_AFTER}
     * (an installed app's launcher, say) or this checkout's {@code ./mamori}.
     */
    static String backup(Path home, String launcher, String job, String source, Path dest) throws Exception {
        mamori(home, "vault", "add", job, "--path", dest.toString());
        mamori(home, "job", "add", job, "--sources", source, "--vault", job);
        String after = System.getenv("MAMORI_AFTER");
        String self = launcher != null ? launcher
                : after != null && !after.isBlank() ? after : Path.of("mamori").toAbsolutePath().toString();
        return ShellQuote.command(self, "--home", home.toString(), "backup", job, "--quiet");
    }

    /** {@code rm -rf path} then {@code sync}, untimed, between legs. */
    static void removeAndSync(Path path) throws IOException, InterruptedException {
        new ProcessBuilder("rm", "-rf", path.toString()).inheritIO().start().waitFor();
        new ProcessBuilder("sync").inheritIO().start().waitFor();
    }

    static double median(List<double[]> runs, int column) {
        return runs.stream().mapToDouble(r -> r[column]).sorted().toArray()[runs.size() / 2];
    }

    /** The median client CPU seconds (user + system). */
    static double cpu(List<double[]> runs) {
        return runs.stream().mapToDouble(r -> r[1] + r[2]).sorted().toArray()[runs.size() / 2];
    }

    static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
