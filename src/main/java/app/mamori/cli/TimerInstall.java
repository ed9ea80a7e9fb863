package app.mamori.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Installs and removes the OS timer on Linux: a systemd user timer where {@code systemctl --user}
 * answers, else a crontab line. Paths come from the environment ({@code HOME},
 * {@code XDG_CONFIG_HOME}); {@code MAMORI_CRONTAB} and {@code MAMORI_SYSTEMCTL} name other
 * programs to use, for a test that must not touch the real ones.
 */
final class TimerInstall {
    private static final long PROGRAM_SECONDS = 20;

    enum Method { SYSTEMD, CRON }

    private final Map<String, String> env;

    TimerInstall(Map<String, String> env) {
        this.env = env;
    }

    Path unitDir() {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config");
        return config.resolve("systemd/user");
    }

    Method detect() {
        return run(List.of(systemctl(), "--user", "show-environment"), null).exit == 0 ? Method.SYSTEMD : Method.CRON;
    }

    /** Returns what was done, for the admin; throws with what to do when it could not. */
    String install(Method method, List<String> command) throws IOException {
        if (method == Method.SYSTEMD) {
            Path dir = Files.createDirectories(unitDir());
            Files.writeString(dir.resolve(OsTimers.UNIT + ".service"), OsTimers.systemdService(command));
            Files.writeString(dir.resolve(OsTimers.UNIT + ".timer"), OsTimers.systemdTimer());
            Result reload = run(List.of(systemctl(), "--user", "daemon-reload"), null);
            Result enable = reload.exit != 0 ? reload
                    : run(List.of(systemctl(), "--user", "enable", "--now", OsTimers.UNIT + ".timer"), null);
            if (enable.exit != 0) {
                throw new IOException("wrote " + dir.resolve(OsTimers.UNIT + ".timer") + " and its .service, but"
                        + " systemd --user did not take them (" + enable.text.strip() + "); in your desktop session"
                        + " run: systemctl --user daemon-reload && systemctl --user enable --now " + OsTimers.UNIT
                        + ".timer, or install with --using cron");
            }
            return "installed the systemd user timer " + OsTimers.UNIT + ".timer in " + dir
                    + ": mamori run-due every 5 minutes";
        }
        List<String> lines = crontabWithout();
        lines.add(OsTimers.crontabLine(command));
        writeCrontab(lines);
        return "installed a crontab line: mamori run-due every 5 minutes (crontab -l shows it)";
    }

    String uninstall() throws IOException {
        List<String> done = new ArrayList<>();
        Path dir = unitDir();
        Path timer = dir.resolve(OsTimers.UNIT + ".timer");
        if (Files.exists(timer)) {
            run(List.of(systemctl(), "--user", "disable", "--now", OsTimers.UNIT + ".timer"), null);
            Files.delete(timer);
            Files.deleteIfExists(dir.resolve(OsTimers.UNIT + ".service"));
            run(List.of(systemctl(), "--user", "daemon-reload"), null);
            done.add("removed the systemd user timer from " + dir);
        }
        if (crontabAvailable()) {
            List<String> current = crontab();
            List<String> without = crontabWithout();
            if (without.size() != current.size()) {
                writeCrontab(without);
                done.add("removed the crontab line");
            }
        }
        return done.isEmpty() ? "no Mamori timer was installed" : String.join("; ", done);
    }

    private boolean crontabAvailable() {
        return run(List.of(crontabProgram(), "-l"), null).exit != 127;
    }

    private List<String> crontabWithout() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : crontab()) {
            if (!line.endsWith(OsTimers.CRON_MARKER)) {
                lines.add(line);
            }
        }
        return lines;
    }

    private List<String> crontab() throws IOException {
        Result r = run(List.of(crontabProgram(), "-l"), null);
        if (r.exit == 127) {
            throw new IOException("neither systemd --user nor crontab is available here; install cron (Debian:"
                    + " apt-get install cron) or call mamori run-due every 5 minutes from your own scheduler");
        }
        if (r.exit != 0 && r.text.toLowerCase(java.util.Locale.ROOT).contains("no crontab for")) {
            return new ArrayList<>();
        }
        if (r.exit != 0) {
            // writing a table built from a listing that failed would replace every line the user has
            throw new IOException("crontab -l failed (" + (r.text.isBlank() ? "exit " + r.exit : r.text.strip())
                    + "), so the crontab was not changed; fix that and run this again, or add the line yourself"
                    + " (mamori schedule show prints it)");
        }
        return new ArrayList<>(r.text.lines().toList());
    }

    private void writeCrontab(List<String> lines) throws IOException {
        String text = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        Result r = run(List.of(crontabProgram(), "-"), text);
        if (r.exit != 0) {
            throw new IOException("crontab refused the new table: " + r.text.strip());
        }
    }

    private String crontabProgram() {
        return env.getOrDefault("MAMORI_CRONTAB", "crontab");
    }

    private String systemctl() {
        return env.getOrDefault("MAMORI_SYSTEMCTL", "systemctl");
    }

    private record Result(int exit, String text) {
    }

    /** Runs a short local program; 127 when it is not there, as a shell would say. */
    private Result run(List<String> command, String stdin) {
        Path output = null;
        try {
            // output goes to a file, so a program that never ends cannot block the read past the timeout
            output = Files.createTempFile("mamori-timer-", ".out");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)).transferTo(in);
                }
            }
            if (!p.waitFor(PROGRAM_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(1, command.get(0) + " did not answer in " + PROGRAM_SECONDS + " s");
            }
            return new Result(p.exitValue(), Files.readString(output));
        } catch (IOException e) {
            return new Result(127, command.get(0) + " is not installed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(1, "interrupted");
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a temp file left in the temp folder is harmless
                }
            }
        }
    }
}
