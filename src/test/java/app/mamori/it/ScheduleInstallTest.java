package app.mamori.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mamori schedule install|uninstall} in a second process with a temp HOME. crontab and
 * systemctl are small stand-ins keeping their tables under that HOME, so the machine's own
 * crontab and systemd are never touched.
 */
class ScheduleInstallTest {
    private static final String OTHER_JOB = "0 4 * * * /usr/local/bin/other-job";
    private Path home;
    private Path crontab;
    private Path systemctl;

    @BeforeEach
    void setUp(@TempDir Path tmp) throws Exception {
        home = Files.createDirectories(tmp.resolve("home dir"));
        crontab = script(tmp.resolve("crontab"), """
                #!/bin/sh
                f="$HOME/crontab.txt"
                case "$1" in
                  -l) if [ -f "$f" ]; then cat "$f"; else echo "no crontab for $(id -un)" >&2; exit 1; fi ;;
                  -) cat > "$f" ;;
                  *) exit 2 ;;
                esac
                """);
        systemctl = script(tmp.resolve("systemctl-without-user-bus"), """
                #!/bin/sh
                echo "$*" >> "$HOME/systemctl.log"
                echo "Failed to connect to bus: No medium found" >&2
                exit 1
                """);
    }

    @Test
    void withoutSystemdUserTheTimerIsOneCrontabLineThatRunsRunDue() throws Exception {
        Files.writeString(home.resolve("crontab.txt"), "0 4 * * * /usr/local/bin/other-job\n");

        Result first = mamori("schedule", "install");
        Result second = mamori("schedule", "install");

        assertThat(first.exit()).as(first.out()).isZero();
        assertThat(second.out()).contains("installed a crontab line");
        List<String> lines = Files.readAllLines(home.resolve("crontab.txt"));
        assertThat(lines).hasSize(2).first().isEqualTo("0 4 * * * /usr/local/bin/other-job");
        String line = lines.get(1);
        assertThat(line).startsWith("*/5 * * * * ").endsWith("run-due >/dev/null 2>&1 # mamori run-due")
                .contains("--home '" + home.resolve("mamori") + "'");
        String command = line.substring("*/5 * * * * ".length(), line.indexOf(" >/dev/null"));
        Process cron = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        String out = new String(cron.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cron.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as("the line as cron's shell runs it").contains("nothing is due");
        assertThat(cron.exitValue()).isZero();

        Result removed = mamori("schedule", "uninstall");

        assertThat(removed.out()).contains("removed the crontab line");
        assertThat(Files.readAllLines(home.resolve("crontab.txt"))).containsExactly("0 4 * * * /usr/local/bin/other-job");
        assertThat(home.resolve(".config/systemd")).doesNotExist();
    }

    @Test
    void withSystemdUserTheUnitsAreWrittenAndEnabled(@TempDir Path tmp) throws Exception {
        systemctl = script(tmp.resolve("systemctl"), """
                #!/bin/sh
                echo "$*" >> "$HOME/systemctl.log"
                """);

        Result installed = mamori("schedule", "install");

        assertThat(installed.exit()).as(installed.out()).isZero();
        Path units = home.resolve(".config/systemd/user");
        assertThat(units.resolve("mamori-run-due.timer")).content().contains("OnCalendar=*:0/5");
        assertThat(units.resolve("mamori-run-due.service")).content()
                .contains("ExecStart=").contains("--home \"" + home.resolve("mamori") + "\" run-due");
        assertThat(Files.readAllLines(home.resolve("systemctl.log"))).containsExactly("--user show-environment",
                "--user daemon-reload", "--user enable --now mamori-run-due.timer");
        assertThat(home.resolve("crontab.txt")).doesNotExist();

        Result removed = mamori("schedule", "uninstall");

        assertThat(removed.out()).contains("removed the systemd user timer");
        assertThat(units.resolve("mamori-run-due.timer")).doesNotExist();
        assertThat(units.resolve("mamori-run-due.service")).doesNotExist();
    }

    @Test
    void showPrintsTheWindowsAndMacosDefinitionsWithoutInstalling() throws Exception {
        Result windows = mamori("schedule", "show", "--os", "windows");
        Result macos = mamori("schedule", "show", "--os", "macos", "--command", "/Applications/Mamori.app/m");

        assertThat(windows.out()).contains("<Interval>PT5M</Interval>")
                .contains("<Command>C:\\Program Files\\Mamori\\Mamori.exe</Command>");
        assertThat(macos.out()).contains("<string>/Applications/Mamori.app/m</string>").contains("<integer>300</integer>");
        assertThat(home.resolve("crontab.txt")).doesNotExist();
        assertThat(home.resolve("systemctl.log")).doesNotExist();
    }

    @Test
    void aCrontabThatCannotBeListedIsNeverRewritten() throws Exception {
        Result r = installOverOneJobWhenListing(
                "echo \"crontab: cannot open /var/spool/cron/crontabs: Permission denied\" >&2; exit 1");

        assertThat(r.exit()).isNotZero();
        assertThat(r.out()).contains("crontab -l failed").contains("Permission denied").contains("not changed");
        assertThat(Files.readAllLines(home.resolve("crontab.txt"))).containsExactly(OTHER_JOB);
    }

    @Test
    void aWarningOnStderrFromASuccessfulListingIsNotWrittenIntoTheCrontab() throws Exception {
        // e.g. the dynamic loader complaining about LD_PRELOAD while crontab -l itself works
        Result r = installOverOneJobWhenListing("echo \"ERROR: ld.so: object 'libfoo.so' from LD_PRELOAD cannot be"
                + " preloaded: ignored.\" >&2; cat \"$HOME/crontab.txt\"");

        assertThat(r.exit()).as(r.out()).isZero();
        List<String> lines = Files.readAllLines(home.resolve("crontab.txt"));
        assertThat(lines).hasSize(2).first().isEqualTo(OTHER_JOB);
        assertThat(lines.get(1)).endsWith("# mamori run-due");
    }

    @Test
    void aListingThatFailsWithAnotherExitStatusIsNeverTakenForAnEmptyTable() throws Exception {
        // only exit 1 with "no crontab for USER" is an empty table; a crash after that line is not
        Result r = installOverOneJobWhenListing("echo \"no crontab for $(id -un)\" >&2; kill -SEGV $$");

        assertThat(r.exit()).isNotZero();
        assertThat(r.out()).contains("crontab -l failed").contains("not changed");
        assertThat(Files.readAllLines(home.resolve("crontab.txt"))).containsExactly(OTHER_JOB);
    }

    /** {@code schedule install --using cron} over a crontab of one other job, {@code crontab -l} running {@code listing}. */
    private Result installOverOneJobWhenListing(String listing) throws Exception {
        Files.writeString(home.resolve("crontab.txt"), OTHER_JOB + "\n");
        crontab = script(crontab, """
                #!/bin/sh
                case "$1" in
                  -l) %s ;;
                  -) cat > "$HOME/crontab.txt" ;;
                esac
                """.formatted(listing));
        return mamori("schedule", "install", "--using", "cron");
    }

    private record Result(int exit, String out) {
    }

    private Result mamori(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "app.mamori.Main",
                "--home", home.resolve("mamori").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        pb.environment().remove("XDG_CONFIG_HOME");
        pb.environment().remove("MAMORI_LAUNCHER");
        pb.environment().put("MAMORI_CRONTAB", crontab.toString());
        pb.environment().put("MAMORI_SYSTEMCTL", systemctl.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    private static Path script(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
