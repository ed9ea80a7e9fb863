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
final class Cli {
    private final Path home;

    Cli(Path home) {
        this.home = home;
    }

    Path home() {
        return home;
    }

    Result run(String... args) {
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

    /** Adds the test sshd as server {@code name}, pinning its key by fingerprint. */
    Result addServer(String name, SshdServer sshd) {
        return run("server", "add", name, "--host", sshd.host(), "--port", Integer.toString(sshd.port()),
                "--user", sshd.user(), "--identity", sshd.identity().toString(),
                "--host-key", sshd.hostKeyFingerprint()).requireOk();
    }

    record Result(int exit, String out, String err) {
        Result requireOk() {
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
