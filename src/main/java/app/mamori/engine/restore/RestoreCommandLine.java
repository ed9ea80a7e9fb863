package app.mamori.engine.restore;

import app.mamori.ssh.ShellQuote;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code mamori restore ...} line that does what a request planned in the app does, for the
 * admin to copy into a runbook or a script. Every value is quoted for a POSIX shell.
 */
public final class RestoreCommandLine {
    private RestoreCommandLine() {
    }

    /** @param pointId the point the plan settled on, so the line restores exactly that one */
    public static String of(RestorePlanner.Request request, String pointId) {
        List<String> words = new ArrayList<>(List.of("mamori", "restore", "--source", request.source(),
                "--point", pointId));
        RestoreTarget t = request.target();
        if (t instanceof RestoreTarget.NewDatabase n) {
            words.addAll(List.of("--to-database", n.name()));
        } else if (t instanceof RestoreTarget.ToPath p) {
            words.addAll(List.of("--to-path", p.path()));
        } else if (t instanceof RestoreTarget.ToLocal l) {
            words.addAll(List.of("--to-local", l.dir()));
        } else if (t instanceof RestoreTarget.ToVolume v) {
            words.addAll(List.of("--to-volume", v.name()));
        } else {
            words.add("--in-place");
            if (!request.safetyBackup()) {
                words.add("--no-safety-backup");
            }
        }
        request.include().forEach(i -> words.addAll(List.of("--include", i)));
        request.tables().forEach(i -> words.addAll(List.of("--table", i)));
        if (request.acceptFailedCheck()) {
            words.add("--accept-failed-check");
        }
        words.add("--yes");
        return ShellQuote.command(words);
    }
}
