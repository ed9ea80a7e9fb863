package app.mamori.cli;

import app.mamori.ssh.ShellQuote;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The OS timer definitions that call {@code mamori run-due} every five minutes: a systemd user
 * timer or a crontab line on Linux, a Task Scheduler task on Windows, a launchd agent on macOS.
 * Text only; {@link TimerInstall} puts them in place.
 */
final class OsTimers {
    static final String UNIT = "mamori-run-due";
    static final String CRON_MARKER = "# mamori run-due";
    static final String LAUNCHD_LABEL = "app.mamori.run-due";
    private static final String DESCRIPTION = "Mamori: run the backup jobs that are due";

    private OsTimers() {
    }

    static String systemdService(List<String> command) {
        return "[Unit]\n"
                + "Description=" + DESCRIPTION + "\n"
                + "Documentation=https://github.com/mamori/mamori/blob/main/docs/schedules.md\n\n"
                + "[Service]\n"
                + "Type=oneshot\n"
                + "ExecStart=" + command.stream().map(OsTimers::systemdWord).collect(Collectors.joining(" "))
                + "\n";
    }

    static String systemdTimer() {
        return "[Unit]\n"
                + "Description=" + DESCRIPTION + ", every 5 minutes\n\n"
                + "[Timer]\n"
                + "OnCalendar=*:0/5\n"
                // a timer missed while the machine slept fires once at wake-up; run-due catches up the jobs
                + "Persistent=true\n"
                + "Unit=" + UNIT + ".service\n\n"
                + "[Install]\n"
                + "WantedBy=timers.target\n";
    }

    /** One crontab line; its marker lets uninstall find it again. */
    static String crontabLine(List<String> command) {
        // cron turns an unescaped % into a newline
        return "*/5 * * * * " + ShellQuote.command(command).replace("%", "\\%") + " >/dev/null 2>&1 " + CRON_MARKER;
    }

    static String windowsTask(String program, List<String> arguments) {
        return "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
                + "<Task version=\"1.2\" xmlns=\"http://schemas.microsoft.com/windows/2004/02/mit/task\">\n"
                + "  <RegistrationInfo>\n    <Description>" + DESCRIPTION + "</Description>\n  </RegistrationInfo>\n"
                + "  <Triggers>\n"
                + "    <TimeTrigger>\n"
                + "      <StartBoundary>2026-01-01T00:00:00</StartBoundary>\n"
                + "      <Repetition>\n        <Interval>PT5M</Interval>\n"
                + "        <StopAtDurationEnd>false</StopAtDurationEnd>\n      </Repetition>\n"
                + "      <Enabled>true</Enabled>\n"
                + "    </TimeTrigger>\n"
                + "    <LogonTrigger>\n      <Enabled>true</Enabled>\n    </LogonTrigger>\n"
                + "  </Triggers>\n"
                + "  <Principals>\n    <Principal id=\"Author\">\n      <LogonType>InteractiveToken</LogonType>\n"
                + "      <RunLevel>LeastPrivilege</RunLevel>\n    </Principal>\n  </Principals>\n"
                + "  <Settings>\n"
                + "    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>\n"
                + "    <StartWhenAvailable>true</StartWhenAvailable>\n"
                + "    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>\n"
                + "    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>\n"
                + "    <ExecutionTimeLimit>PT12H</ExecutionTimeLimit>\n"
                + "    <Hidden>true</Hidden>\n"
                + "    <Enabled>true</Enabled>\n"
                + "  </Settings>\n"
                + "  <Actions Context=\"Author\">\n"
                + "    <Exec>\n"
                + "      <Command>" + xml(program) + "</Command>\n"
                + "      <Arguments>" + xml(arguments.stream().map(OsTimers::windowsWord)
                        .collect(Collectors.joining(" "))) + "</Arguments>\n"
                + "    </Exec>\n"
                + "  </Actions>\n"
                + "</Task>\n";
    }

    static String launchdPlist(List<String> command) {
        StringBuilder args = new StringBuilder();
        command.forEach(a -> args.append("    <string>").append(xml(a)).append("</string>\n"));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\""
                + " \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                + "<plist version=\"1.0\">\n<dict>\n"
                + "  <key>Label</key>\n  <string>" + LAUNCHD_LABEL + "</string>\n"
                + "  <key>ProgramArguments</key>\n  <array>\n" + args + "  </array>\n"
                + "  <key>StartInterval</key>\n  <integer>300</integer>\n"
                + "  <key>RunAtLoad</key>\n  <true/>\n"
                + "  <key>ProcessType</key>\n  <string>Background</string>\n"
                + "</dict>\n</plist>\n";
    }

    /** systemd's own quoting: double quotes, with backslash before \ and ", and %% for %. */
    private static String systemdWord(String w) {
        String escaped = w.replace("%", "%%");
        if (!escaped.isEmpty() && escaped.chars().noneMatch(c -> c == ' ' || c == '"' || c == '\\' || c == '\''
                || c == '$' || c == ';')) {
            return escaped;
        }
        return "\"" + escaped.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "$$") + "\"";
    }

    /** The Windows command-line convention: quote words with spaces, a backslash before a quote inside. */
    private static String windowsWord(String w) {
        return w.isEmpty() || w.contains(" ") || w.contains("\"") ? "\"" + w.replace("\"", "\\\"") + "\"" : w;
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
