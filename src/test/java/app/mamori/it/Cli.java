package app.mamori.it;

import app.mamori.cli.MamoriCommand;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real CLI in-process against one MAMORI_HOME, as a script would. */
public final class Cli {
    private final Path home;

    public Cli(Path home) {
        this.home = home;
    }

    Path home() {
        return home;
    }

    public Result run(String... args) {
        return runWithStdin("", args);
    }

    Result runWithStdin(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--home", home.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MamoriCommand.run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * Starts the CLI as a process of its own, as an admin's shell or the OS timer does, for tests
     * that kill it midway; its stdout and stderr go to {@code output}.
     */
    Process start(Path output, String... args) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "app.mamori.Main", "--home", home.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /**
     * Runs the CLI as a process of its own, its environment changed by {@code env} first (a D-Bus
     * session for the OS keyring, say), {@code stdin} written to it; waits up to a minute.
     */
    Result runProcess(java.util.function.Consumer<java.util.Map<String, String>> env, String stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("--home", home.toString()));
        command.addAll(List.of(args));
        return java("app.mamori.Main", env, stdin, command);
    }

    /** Runs {@code main} of a class on the test class path in a JVM of its own, as {@link #runProcess} does. */
    static Result java(String main, java.util.function.Consumer<java.util.Map<String, String>> env, String stdin,
                       List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), main));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        env.accept(pb.environment());
        java.io.File out = java.io.File.createTempFile("mamori-cli-", ".out");
        java.io.File err = java.io.File.createTempFile("mamori-cli-", ".err");
        try {
            Process p = pb.redirectOutput(out).redirectError(err).start();
            try (var in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("still running after a minute: " + command);
            }
            return new Result(p.exitValue(), java.nio.file.Files.readString(out.toPath()),
                    java.nio.file.Files.readString(err.toPath()));
        } finally {
            out.delete();
            err.delete();
        }
    }

    /** Adds the test sshd as server {@code name}, pinning its key by fingerprint. */
    Result addServer(String name, SshdServer sshd) {
        return run("server", "add", name, "--host", sshd.host(), "--port", Integer.toString(sshd.port()),
                "--user", sshd.user(), "--identity", sshd.identity().toString(),
                "--host-key", sshd.hostKeyFingerprint()).requireOk();
    }

    /**
     * An office of one: the test sshd as server {@code tools}, a vault {@code local} in {@code dir},
     * a SQLite file of one table as source {@code tooldb}, and job {@code tool} backing it up.
     */
    public Path sqliteJob(SshdServer sshd, Path dir) throws java.sql.SQLException {
        Path db = dir.resolve("tool.db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("CREATE TABLE t(b); INSERT INTO t VALUES ('one row')");
        }
        addServer("tools", sshd);
        run("vault", "add", "local", "--path", dir.resolve("vault").toString()).requireOk();
        run("source", "add", "tooldb", "--server", "tools", "--kind", "sqlite", "--path", db.toString()).requireOk();
        run("job", "add", "tool", "--sources", "tooldb", "--vault", "local").requireOk();
        return db;
    }

    public record Result(int exit, String out, String err) {
        public Result requireOk() {
            if (exit != 0) {
                throw new AssertionError("mamori exited " + exit + "\nstdout: " + out + "\nstderr: " + err);
            }
            return this;
        }

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + out, e);
            }
        }
    }
}
