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
                        + " systemd --user did not take them (" + enable.text() + "); in your desktop session"
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
        Result listing = run(List.of(crontabProgram(), "-l"), null);
        if (listing.exit != CrontabListing.NOT_INSTALLED) {
            List<String> current = listing.crontab();
            List<String> without = withoutMarked(current);
            if (without.size() != current.size()) {
                writeCrontab(without);
                done.add("removed the crontab line");
            }
        }
        return done.isEmpty() ? "no Mamori timer was installed" : String.join("; ", done);
    }

    private List<String> crontabWithout() throws IOException {
        return withoutMarked(run(List.of(crontabProgram(), "-l"), null).crontab());
    }

    private static List<String> withoutMarked(List<String> crontab) {
        List<String> lines = new ArrayList<>();
        for (String line : crontab) {
            if (!line.endsWith(OsTimers.CRON_MARKER)) {
                lines.add(line);
            }
        }
        return lines;
    }

    private void writeCrontab(List<String> lines) throws IOException {
        String text = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        Result r = run(List.of(crontabProgram(), "-"), text);
        if (r.exit != 0) {
            throw new IOException("crontab refused the new table: " + r.text());
        }
    }

    private String crontabProgram() {
        return env.getOrDefault("MAMORI_CRONTAB", "crontab");
    }

    private String systemctl() {
        return env.getOrDefault("MAMORI_SYSTEMCTL", "systemctl");
    }

    /** What a program said: {@code text} is stderr then stdout, for messages; only stdout is data. */
    private record Result(int exit, boolean timedOut, String out, String err) {
        static Result failed(int exit, String why) {
            return new Result(exit, false, "", why);
        }

        String text() {
            return (err + "\n" + out).strip();
        }

        List<String> crontab() throws IOException {
            return CrontabListing.lines(exit, timedOut, out, err);
        }
    }

    /** Runs a short local program; 127 when it is not there, as a shell would say. */
    private Result run(List<String> command, String stdin) {
        Path out = null;
        Path err = null;
        try {
            // output goes to files, so a program that never ends cannot block the read past the timeout
            out = Files.createTempFile("mamori-timer-", ".out");
            err = Files.createTempFile("mamori-timer-", ".err");
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p;
            try {
                p = pb.start();
            } catch (IOException notThere) {
                return Result.failed(CrontabListing.NOT_INSTALLED, command.get(0) + " is not installed");
            }
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)).transferTo(in);
                }
            }
            if (!p.waitFor(PROGRAM_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(1, true, "", command.get(0) + " did not answer in " + PROGRAM_SECONDS + " s");
            }
            return new Result(p.exitValue(), false, Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            return Result.failed(1, "cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.failed(1, "interrupted");
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left in the temp folder is harmless
            }
        }
    }
}
