package app.mamori.testenv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs short-lived local tools for the harness, with secrets passed in the environment only. */
final class Proc {
    private Proc() {
    }

    record Result(int exit, String stdout, String stderr) {
    }

    static Result run(List<String> command, Map<String, String> env, String stdin, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            Thread o = pump(p.getInputStream(), out);
            Thread e = pump(p.getErrorStream(), err);
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException ignored) {
                // the tool exited without reading stdin; its exit status tells the story
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after " + timeout + ": " + String.join(" ", command));
            }
            o.join();
            e.join();
            return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new UncheckedIOException("could not run " + command.get(0), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command.get(0), ex);
        }
    }

    /** Like {@link #run} but fails with the tool's stderr when it exits non-zero. */
    static String check(List<String> command, Map<String, String> env, String stdin, Duration timeout) {
        Result r = run(command, env, stdin, timeout);
        if (r.exit() != 0) {
            throw new IllegalStateException(command.get(0) + " exited " + r.exit() + ": " + r.stderr().strip()
                    + (r.stdout().isBlank() ? "" : "\nstdout: " + r.stdout().strip()));
        }
        return r.stdout();
    }

    static Thread pump(InputStream in, OutputStream out) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // the process went away; what was read is kept
            }
        }, "harness-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The last lines of a server log, for a start failure message. */
    static String tail(Path log, int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no log at " + log + ")";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }
}
