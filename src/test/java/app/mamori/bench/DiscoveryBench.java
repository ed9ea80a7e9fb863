package app.mamori.bench;

import app.mamori.source.discover.DiscoverOptions;
import app.mamori.source.discover.Probe;
import app.mamori.testenv.DockerEngine;
import app.mamori.testenv.MariadbServer;
import app.mamori.testenv.PostgresServer;
import app.mamori.testenv.SshdServer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code mamori server discover} timed as the admin runs it: a cold CLI process
 * ({@code ./mamori}) against the test sshd on loopback, with the harness's PostgreSQL and
 * MariaDB reachable over TCP with a user and a password (on stdin), and, with
 * {@code --docker}, the Podman service answering {@code docker ps} and {@code docker volume ls}.
 * The server is this machine, so the default SQLite roots and folders are this machine's.
 * Each round also times OpenSSH's {@code ssh host true} (the floor for any command on this
 * machine now) and the same probe script through {@code ssh} (the remote part without the JVM).
 * Prints each round's wall times and the CLI's step lines (stderr, stamped), then the medians, and
 * {@code ./mamori --version} and {@code server list} for the JVM's and the catalogue's own start-up. Run it with
 * {@code bench/discovery [ROUNDS=3] [--docker] [--root-bashrc]}. Sessions get an empty HOME
 * unless {@code --root-bashrc}: Debian's bash reads {@code ~/.bashrc} for every command sshd runs,
 * and this machine's runs pyenv init. With {@code --docker} the sshd is the Docker harness's, whose
 * sessions keep root's HOME but skip its {@code ~/.bashrc} (SHLVL=1, see SshdServer).
 */
public final class DiscoveryBench {
    private DiscoveryBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 3;
        boolean docker = false;
        boolean rootRc = false;
        for (String a : args) {
            if (a.equals("--docker")) {
                docker = true;
            } else if (a.equals("--root-bashrc")) {
                rootRc = true;
            } else {
                rounds = Integer.parseInt(a);
            }
        }
        Path launcher = Path.of("mamori").toAbsolutePath();
        DockerEngine engine = docker ? DockerEngine.start() : null;
        // Debian's bash reads ~/.bashrc for every command sshd runs; this machine's root one runs
        // pyenv init (about 3 s per command here). An empty HOME stands for a server with a plain one.
        Path cleanHome = Files.createTempDirectory("mamori-discbench-home-");
        try (SshdServer own = docker ? null : rootRc ? SshdServer.startWithLoginScripts()
                : SshdServer.start(Map.of("HOME", cleanHome.toString()));
             PostgresServer pg = PostgresServer.start();
             MariadbServer my = MariadbServer.start()) {
            SshdServer sshd = docker ? engine.sshd() : own;
            pg.createDatabase("shop");
            pg.createDatabase("wiki");
            my.createDatabase("blog");
            if (docker) {
                engine.docker("volume", "create", engine.newName("uploads"));
            }
            Path home = Files.createTempDirectory("mamori-discbench-");
            List<String> mamori = List.of(launcher.toString(), "--home", home.toString());
            run(cat(mamori, "server", "add", "bench", "--host", sshd.host(), "--port",
                    Integer.toString(sshd.port()), "--user", sshd.user(), "--identity", sshd.identity().toString(),
                    "--host-key", sshd.hostKeyFingerprint()), "");
            long version = run(cat(mamori, "--version"), "").nanos;
            long list = run(cat(mamori, "server", "list"), "").nanos;
            System.out.println("session HOME: " + (rootRc ? System.getProperty("user.home")
                    + " (its own ~/.bashrc runs for each command)" : docker ? System.getProperty("user.home")
                    + " (~/.bashrc skipped: SHLVL=1)" : cleanHome + " (empty: no ~/.bashrc)"));
            System.out.printf("./mamori --version (JVM start, no work): %d ms; server list (catalogue opened): %d ms%n",
                    version / 1_000_000, list / 1_000_000);
            String passwords = pg.mamoriPassword() + "\n" + my.mamoriPassword() + "\n";
            List<String> discover = cat(mamori, "server", "discover", "bench", "--json",
                    "--pg-host", "127.0.0.1", "--pg-port", Integer.toString(pg.port()), "--pg-user", pg.mamoriUser(),
                    "--pg-password-stdin",
                    "--mysql-host", "127.0.0.1", "--mysql-port", Integer.toString(my.port()),
                    "--mysql-user", my.mamoriUser(), "--mysql-password-stdin");
            // the same probe script through OpenSSH's client: the remote part alone, without the JVM
            DiscoverOptions options = DiscoverOptions.defaults()
                    .withPostgres(new DiscoverOptions.DbLogin(Optional.of("127.0.0.1"), Optional.of(pg.port()),
                            Optional.of(pg.mamoriUser()), Optional.of(pg.mamoriPassword())))
                    .withMysql(new DiscoverOptions.DbLogin(Optional.of("127.0.0.1"), Optional.of(my.port()),
                            Optional.of(my.mamoriUser()), Optional.of(my.mamoriPassword())));
            List<String> ssh = List.of("ssh", "-i", sshd.identity().toString(), "-p", Integer.toString(sshd.port()),
                    "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                    "-o", "UserKnownHostsFile=" + sshd.newHomeWithPinnedKey().resolve("known_hosts"),
                    sshd.user() + "@" + sshd.host());
            List<Long> times = new ArrayList<>();
            List<Long> sshTrue = new ArrayList<>();
            List<Long> sshScript = new ArrayList<>();
            for (int i = 1; i <= rounds; i++) {
                Timed t = run(discover, passwords);
                for (String expected : List.of("PostgreSQL database shop", "MariaDB/MySQL database blog")) {
                    if (!t.out.contains(expected)) {
                        throw new IllegalStateException("discovery did not find " + expected + ":\n" + t.out);
                    }
                }
                times.add(t.nanos);
                sshTrue.add(run(cat(ssh, "true"), "").nanos);
                sshScript.add(run(cat(ssh, Probe.script(options)), passwords).nanos);
                System.out.printf("round %d: mamori %d ms; ssh true %d ms; ssh + probe script %d ms; load %s%n", i,
                        t.nanos / 1_000_000, sshTrue.get(i - 1) / 1_000_000, sshScript.get(i - 1) / 1_000_000, load());
                t.err.lines().forEach(l -> System.out.println("    " + l));
            }
            System.out.printf("[discovery] median of %d: mamori server discover (whole process) %d ms%s;"
                            + " OpenSSH: ssh true %d ms, ssh + probe script %d ms%n", rounds, median(times),
                    docker ? " with the Podman Docker API" : "", median(sshTrue), median(sshScript));
            new ProcessBuilder("rm", "-rf", home.toString()).inheritIO().start().waitFor();
        } finally {
            Files.deleteIfExists(cleanHome);
            if (engine != null) {
                engine.close();
            }
        }
    }

    private record Timed(long nanos, String out, String err) {
    }

    private static List<String> cat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private static long median(List<Long> nanos) {
        return nanos.stream().sorted().toList().get(nanos.size() / 2) / 1_000_000;
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static Timed run(List<String> cmd, String stdin) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).start();
        // each stderr line stamped with when it arrived: start-up, connect and each step show apart
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> stamped(p.getErrorStream(), t0));
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = read(p.getInputStream());
        int rc = p.waitFor();
        long nanos = System.nanoTime() - t0;
        String errText = err.join() + String.format("+%5d ms  (process ended)%n", nanos / 1_000_000);
        if (rc != 0) {
            throw new IllegalStateException(cmd.get(0) + " " + cmd.get(1) + "... exited " + rc + ":\n" + errText);
        }
        return new Timed(nanos, out, errText);
    }

    private static String stamped(java.io.InputStream in, long t0) {
        StringBuilder b = new StringBuilder();
        try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                b.append(String.format("+%5d ms  %s%n", (System.nanoTime() - t0) / 1_000_000, line));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return b.toString();
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
