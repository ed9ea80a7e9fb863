package app.mamori.source;

import app.mamori.ssh.ShellQuote;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Small pieces of remote shell shared by the drivers, built on {@link ShellQuote}. */
final class RemoteScript {
    private static final Pattern CONTAINER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private RemoteScript() {
    }

    /**
     * {@code trap 'CLEANUP' EXIT} that also runs when the command is stopped: a cancel or a time
     * limit sends TERM to the remote process group (then KILL, see {@code RemotePid}), and dash, the
     * /bin/sh of Debian and Ubuntu, runs no EXIT trap on a signal it does not trap itself, which
     * left a database's full copy in /var/tmp behind every cancelled SQLite dump. {@code cleanup}
     * is shell text the caller wrote (no outside value in it).
     */
    static String onExit(String cleanup) {
        return "trap '" + cleanup + "' EXIT; trap 'exit 143' TERM HUP INT; ";
    }

    /**
     * Prefixes {@code command} with reading the first stdin line into {@code var} and exporting
     * it, so the secret reaches the tool's environment (not its argv, which {@code ps} shows).
     */
    static String withSecretFromStdin(String var, String command) {
        return "IFS= read -r " + var + " && export " + var + " && exec " + command;
    }

    /** {@code docker exec [-e VAR] CONTAINER argv...}, or argv itself when there is no container. */
    static List<String> inContainer(Optional<String> container, Optional<String> envVar, List<String> argv) {
        return inContainer(container, envVar, argv, false);
    }

    /** As above; {@code stdin} adds {@code -i} so the command in the container reads what is streamed in. */
    static List<String> inContainer(Optional<String> container, Optional<String> envVar, List<String> argv,
                                    boolean stdin) {
        if (container.isEmpty()) {
            return argv;
        }
        String c = container.get();
        if (!CONTAINER.matcher(c).matches()) {
            throw new IllegalArgumentException("--container: '" + c + "' is not a Docker container name or id");
        }
        List<String> words = new ArrayList<>(List.of("docker", "exec"));
        if (stdin) {
            words.add("-i");
        }
        // "-e NAME" without a value copies NAME from docker's own environment: no secret in argv
        envVar.ifPresent(v -> words.addAll(List.of("-e", v)));
        words.add(c);
        words.addAll(argv);
        return words;
    }

    /**
     * Why {@code docker exec} could not run anything in the source's container (Docker's and
     * Podman's wordings for a missing or stopped container), or empty when that was not the failure.
     */
    static java.util.Optional<app.mamori.model.Note> containerUnavailable(app.mamori.model.Source.Database src,
                                                                          app.mamori.ssh.ExecResult r) {
        if (src.container().isEmpty() || r.ok()) {
            return java.util.Optional.empty();
        }
        String e = r.stderr().toLowerCase(java.util.Locale.ROOT);
        if (e.contains("no such container") || e.contains("is not running") || e.contains("container state improper")) {
            return java.util.Optional.of(app.mamori.model.Note.of("noContainer", "container '" + src.container().get()
                    + "' does not exist or is not running on server " + src.server() + "; check with: docker ps -a ("
                    + r.lastStderrLine() + ")", src.container().get(), src.server(), r.lastStderrLine()));
        }
        return java.util.Optional.empty();
    }

    /** True when the remote shell reported the program missing. */
    static boolean notFound(app.mamori.ssh.ExecResult r) {
        String e = r.stderr();
        return r.exitStatus() == 127 || e.contains("not found") && e.contains("exec")
                || e.contains("executable file not found");
    }

    /** A short command's result with its stdout. */
    record Captured(app.mamori.ssh.ExecResult result, String stdout) {
        boolean ok() {
            return result.ok();
        }
    }

    /** Runs a short command, sending {@code stdinLine} (a secret, typically) as the first stdin line. */
    static Captured capture(app.mamori.ssh.RemoteShell shell, String command, String stdinLine) throws java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        var b = app.mamori.ssh.Exec.of(command).stdout(out).timeout(java.time.Duration.ofSeconds(60));
        if (stdinLine != null) {
            b.stdin(new java.io.ByteArrayInputStream((stdinLine + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        var r = shell.exec(b.build());
        return new Captured(r, out.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** "on server S", or "in container C on server S": where a database tool ran, for messages. */
    static String where(app.mamori.model.Source.Database src) {
        return src.container().map(c -> "in container " + c + " on server " + src.server())
                .orElse("on server " + src.server());
    }

    /**
     * Where a database tool ran, in a form every language can quote as it is: the server's name,
     * then the container's in brackets ("web1 [shop-db]").
     */
    static String place(app.mamori.model.Source.Database src) {
        return src.server() + src.container().map(c -> " [" + c + "]").orElse("");
    }

    static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
