package app.mamori.bench;

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
import java.util.concurrent.CompletableFuture;

/**
 * {@code mamori server discover} timed as the admin runs it: a cold CLI process
 * ({@code ./mamori}) against the test sshd on loopback, with the harness's PostgreSQL and
 * MariaDB reachable over TCP with a user and a password (on stdin), and, with
 * {@code --docker}, the Podman service answering {@code docker ps} and {@code docker volume ls}.
 * The server is this machine, so the default SQLite roots and folders are this machine's.
 * Prints each round's wall time and the CLI's step lines (stderr), then the median, and
 * {@code ./mamori --version} for the JVM's own start-up. Run it with
 * {@code bench/discovery [ROUNDS=3] [--docker]}.
 */
public final class DiscoveryBench {
    private DiscoveryBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 3;
        boolean docker = false;
        for (String a : args) {
            if (a.equals("--docker")) {
                docker = true;
            } else {
                rounds = Integer.parseInt(a);
            }
        }
        Path launcher = Path.of("mamori").toAbsolutePath();
        DockerEngine engine = docker ? DockerEngine.start() : null;
        try (SshdServer own = docker ? null : SshdServer.start();
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
            run(launcher, home, "", "server", "add", "bench", "--host", sshd.host(), "--port",
                    Integer.toString(sshd.port()), "--user", sshd.user(), "--identity", sshd.identity().toString(),
                    "--host-key", sshd.hostKeyFingerprint());
            long version = run(launcher, home, "", "--version").nanos;
            System.out.printf("./mamori --version (JVM start, no work): %d ms%n", version / 1_000_000);
            List<Long> times = new ArrayList<>();
            for (int i = 1; i <= rounds; i++) {
                Timed t = run(launcher, home, pg.mamoriPassword() + "\n" + my.mamoriPassword() + "\n",
                        "server", "discover", "bench", "--json",
                        "--pg-host", "127.0.0.1", "--pg-port", Integer.toString(pg.port()), "--pg-user", pg.mamoriUser(),
                        "--pg-password-stdin",
                        "--mysql-host", "127.0.0.1", "--mysql-port", Integer.toString(my.port()),
                        "--mysql-user", my.mamoriUser(), "--mysql-password-stdin");
                for (String expected : List.of("PostgreSQL database shop", "MariaDB/MySQL database blog")) {
                    if (!t.out.contains(expected)) {
                        throw new IllegalStateException("discovery did not find " + expected + ":\n" + t.out);
                    }
                }
                times.add(t.nanos);
                System.out.printf("round %d: %d ms%n", i, t.nanos / 1_000_000);
                t.err.lines().forEach(l -> System.out.println("    " + l));
            }
            List<Long> sorted = times.stream().sorted().toList();
            System.out.printf("[discovery] server discover, whole process, median of %d: %d ms (min %d, max %d)%s%n",
                    rounds, sorted.get(rounds / 2) / 1_000_000, sorted.get(0) / 1_000_000,
                    sorted.get(rounds - 1) / 1_000_000, docker ? ", with the Podman Docker API" : "");
            new ProcessBuilder("rm", "-rf", home.toString()).inheritIO().start().waitFor();
        } finally {
            if (engine != null) {
                engine.close();
            }
        }
    }

    private record Timed(long nanos, String out, String err) {
    }

    private static Timed run(Path launcher, Path home, String stdin, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString(), "--home", home.toString()));
        cmd.addAll(List.of(args));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = read(p.getInputStream());
        int rc = p.waitFor();
        long nanos = System.nanoTime() - t0;
        if (rc != 0) {
            throw new IllegalStateException(String.join(" ", args) + " exited " + rc + ":\n" + err.join());
        }
        return new Timed(nanos, out, err.join());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
