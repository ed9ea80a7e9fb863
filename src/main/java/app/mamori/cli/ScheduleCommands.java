package app.mamori.cli;

import app.mamori.util.Launcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code mamori schedule install|uninstall|show}: the OS timer that calls run-due. */
@Command(name = "schedule", description = "The OS timer that runs due jobs when the app is not open",
        mixinStandardHelpOptions = true,
        subcommands = {ScheduleCommands.Install.class, ScheduleCommands.Uninstall.class, ScheduleCommands.Show.class})
final class ScheduleCommands {
    private static final Map<String, String> PLACEHOLDER = Map.of(
            "windows", "C:\\Program Files\\Mamori\\Mamori.exe",
            "macos", "/Applications/Mamori.app/Contents/MacOS/Mamori");

    private ScheduleCommands() {
    }

    @Command(name = "install", description = {"Make this OS run `mamori run-due` every 5 minutes: a systemd user timer",
            "(~/.config/systemd/user/mamori-run-due.timer) where systemd --user runs, else a crontab line."})
    static final class Install extends Base {
        @Option(names = "--using", paramLabel = "systemd|cron", description = "choose instead of detecting")
        String using;
        @Option(names = "--command", paramLabel = "PROGRAM", description = "the mamori program the timer runs"
                + " (default: the one running now)")
        String command;

        @Override
        int run() throws Exception {
            TimerInstall timers = new TimerInstall(System.getenv());
            TimerInstall.Method method = using == null ? timers.detect() : switch (using.toLowerCase(Locale.ROOT)) {
                case "systemd" -> TimerInstall.Method.SYSTEMD;
                case "cron" -> TimerInstall.Method.CRON;
                default -> throw new IllegalArgumentException("--using: '" + using + "' is not systemd or cron");
            };
            out().println(timers.install(method, runDue(this, command, thisOs())));
            return 0;
        }
    }

    @Command(name = "uninstall", description = "Remove the timer schedule install made (systemd or crontab).")
    static final class Uninstall extends Base {
        @Override
        int run() throws Exception {
            out().println(new TimerInstall(System.getenv()).uninstall());
            return 0;
        }
    }

    @Command(name = "show", description = {"Print the timer definition for an OS without installing it:",
            "linux (systemd units and the crontab line), windows (Task Scheduler XML), macos (launchd plist).",
            "See docs/schedules.md for where each goes."})
    static final class Show extends Base {
        @Option(names = "--os", paramLabel = "linux|windows|macos", description = "default: this one")
        String os;
        @Option(names = "--command", paramLabel = "PROGRAM", description = "the mamori program the timer runs")
        String command;

        @Override
        int run() {
            String target = os == null ? thisOs() : os.toLowerCase(Locale.ROOT);
            switch (target) {
                case "linux" -> {
                    List<String> words = runDue(this, command, target);
                    TimerInstall timers = new TimerInstall(System.getenv());
                    out().println("# " + timers.unitDir().resolve(OsTimers.UNIT + ".service"));
                    out().print(OsTimers.systemdService(words));
                    out().println();
                    out().println("# " + timers.unitDir().resolve(OsTimers.UNIT + ".timer"));
                    out().print(OsTimers.systemdTimer());
                    out().println();
                    out().println("# or, without systemd --user, this crontab line (crontab -e):");
                    out().println(OsTimers.crontabLine(words));
                }
                case "windows" -> {
                    List<String> words = runDue(this, command, target);
                    out().print(OsTimers.windowsTask(words.get(0), words.subList(1, words.size())));
                }
                case "macos" -> out().print(OsTimers.launchdPlist(runDue(this, command, target)));
                default -> throw new IllegalArgumentException("--os: '" + os + "' is not linux, windows or macos");
            }
            return 0;
        }
    }

    /** The words of the command the timer runs: the program, the data folder, run-due. */
    static List<String> runDue(Base cmd, String program, String targetOs) {
        boolean thisMachine = targetOs.equals(thisOs());
        List<String> words = new ArrayList<>();
        if (program != null) {
            words.add(program);
        } else if (!thisMachine) {
            words.add(PLACEHOLDER.getOrDefault(targetOs, "mamori"));
        } else {
            words.addAll(Launcher.command());
        }
        Optional<Path> home = thisMachine ? Optional.of(cmd.ctx().home().dir())
                : Optional.ofNullable(((MamoriCommand) cmd.spec.root().userObject()).home);
        home.ifPresent(h -> {
            words.add("--home");
            words.add(h.toAbsolutePath().toString());
        });
        words.add("run-due");
        return words;
    }

    static String thisOs() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return name.contains("win") ? "windows" : name.contains("mac") ? "macos" : "linux";
    }
}
