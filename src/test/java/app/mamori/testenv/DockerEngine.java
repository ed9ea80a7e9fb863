package app.mamori.testenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Docker API for the tests: rootful Podman's API service on a socket in a temp folder,
 * with the docker CLI pointed at it, and an sshd whose sessions see the same environment,
 * so Mamori's remote {@code docker exec} and {@code docker volume inspect} reach it. Images
 * are built locally ({@link TestImages}); nothing comes from a registry. Start it through
 * {@link DockerExtension}.
 */
public final class DockerEngine implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    // runc and cgroupfs: crun fails on this hybrid cgroup setup; higher ulimits are refused.
    private static final String CONTAINERS_CONF = String.join("\n",
            "[containers]",
            "default_ulimits = [\"nofile=20000:20000\", \"nproc=32768:32768\"]",
            "[engine]",
            "runtime = \"runc\"",
            "cgroup_manager = \"cgroupfs\"",
            "events_logger = \"file\"",
            "");

    private final Path dir;
    private final Map<String, String> env;
    private final String runId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final AtomicInteger names = new AtomicInteger();
    private final Process service;
    private final TestImages images;
    private SshdServer sshd;

    private DockerEngine(Path dir, Map<String, String> env, Process service) {
        this.dir = dir;
        this.env = env;
        this.service = service;
        this.images = new TestImages(this);
    }

    /** Starts the Podman service and an sshd that sees it; fails naming the package of a missing tool. */
    public static DockerEngine start() {
        Tools.require("/usr/bin/podman", "podman");
        Tools.require("/usr/sbin/runc", "runc");
        requireDockerCli();
        Path dir;
        try {
            dir = Files.createTempDirectory("mamori-docker-");
            Files.writeString(dir.resolve("containers.conf"), CONTAINERS_CONF, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path socket = dir.resolve("podman.sock");
        Map<String, String> env = Map.of(
                "DOCKER_HOST", "unix://" + socket,
                // read by podman itself: the service here, and podman-docker's docker wrapper where that is the CLI
                "CONTAINERS_CONF", dir.resolve("containers.conf").toString());
        Process service;
        try {
            ProcessBuilder pb = new ProcessBuilder("/usr/bin/podman", "system", "service", "--time=0", "unix://" + socket)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("podman.log").toFile());
            pb.environment().putAll(env);
            service = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start podman system service", e);
        }
        DockerEngine engine = new DockerEngine(dir, env, service);
        try {
            engine.awaitApi(socket);
            engine.sshd = SshdServer.start(env);
            return engine;
        } catch (RuntimeException | IOException | InterruptedException e) {
            engine.close();
            throw new IllegalStateException("the Podman service for docker did not start: " + e.getMessage()
                    + "\n--- podman log ---\n" + Proc.tail(dir.resolve("podman.log"), 20), e);
        }
    }

    private static void requireDockerCli() {
        for (String p : List.of("/usr/local/bin/docker", "/usr/bin/docker")) {
            if (Files.isExecutable(Path.of(p))) {
                return;
            }
        }
        Tools.require("/usr/bin/docker", "podman-docker");
    }

    private void awaitApi(Path socket) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            if (!service.isAlive()) {
                throw new IllegalStateException("podman system service exited with " + service.exitValue());
            }
            if (Files.exists(socket)) {
                Proc.Result r = run(List.of("docker", "version"), null);
                if (r.exit() == 0) {
                    return;
                }
                last = r.stderr().strip();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("docker version did not answer within 30 s: " + last);
    }

    /** DOCKER_HOST and CONTAINERS_CONF, as the sshd's sessions see them. */
    public Map<String, String> env() {
        return env;
    }

    /** An sshd on loopback whose sessions reach this engine with the plain {@code docker} command. */
    public SshdServer sshd() {
        return sshd;
    }

    /** A container or volume name unique to this run; {@link #close} removes whatever carries it. */
    public String newName(String what) {
        return "mamori-test-" + runId + "-" + what + "-" + names.incrementAndGet();
    }

    /** Runs the docker CLI; throws with its stderr when it fails. */
    public String docker(String... args) {
        return dockerWithStdin(null, args);
    }

    /** Runs the docker CLI with {@code stdin} (SQL with a password, say: never in argv). */
    public String dockerWithStdin(String stdin, String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        return Proc.check(cmd, env, stdin, TIMEOUT);
    }

    /**
     * Runs podman itself against the same store, for setup: the docker CLI's attach to a
     * container that exits at once races with Podman's compat API ("unable to upgrade to tcp").
     */
    public String podman(String... args) {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/podman"));
        cmd.addAll(List.of(args));
        return Proc.check(cmd, env, null, TIMEOUT);
    }

    /** Runs the docker CLI and returns its exit status, for tests that expect failures. */
    public int dockerExit(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        return run(cmd, null).exit();
    }

    Proc.Result run(List<String> command, String stdin) {
        return Proc.run(command, env, stdin, TIMEOUT);
    }

    /** A busybox image with a shell, tar and coreutils; built in a second on first use. */
    public String busyboxImage() {
        return images.busybox();
    }

    /** A Debian bookworm image with PostgreSQL 15; built with debootstrap once per machine. */
    public String postgresImage() {
        return images.postgres();
    }

    /** A Debian bookworm image with MariaDB server and client; built with debootstrap once per machine. */
    public String mariadbImage() {
        return images.mariadb();
    }

    /** Starts a detached container in no network; returns its name. */
    public String runDetached(String name, List<String> options, String image, String... command) {
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name, "--network", "none"));
        args.addAll(options);
        args.add(image);
        args.addAll(List.of(command));
        docker(args.toArray(String[]::new));
        return name;
    }

    @Override
    public void close() {
        if (sshd != null) {
            sshd.close();
        }
        try {
            if (service.isAlive()) {
                removeLeftovers();
            }
        } finally {
            service.destroy();
            try {
                if (!service.waitFor(10, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Tools.deleteTree(dir);
        }
    }

    private void removeLeftovers() {
        String prefix = "mamori-test-" + runId + "-";
        Proc.Result ps = run(List.of("docker", "ps", "-a", "--format", "{{.Names}}"), null);
        for (String c : ps.stdout().split("\n")) {
            if (c.startsWith(prefix)) {
                // kill first: a shell as PID 1 ignores the SIGTERM that rm -f would wait 10 s on
                run(List.of("docker", "kill", c), null);
                run(List.of("docker", "rm", "-f", c), null);
            }
        }
        Proc.Result vols = run(List.of("docker", "volume", "ls", "--format", "{{.Name}}"), null);
        for (String v : vols.stdout().split("\n")) {
            if (v.startsWith(prefix)) {
                run(List.of("docker", "volume", "rm", "-f", v), null);
            }
        }
    }
}
