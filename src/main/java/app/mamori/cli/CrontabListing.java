package app.mamori.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code crontab -l} answered, decided without running anything: the table to build on,
 * or why nothing may be written. A table rebuilt from a listing that failed would replace every
 * line the user has, so only the one answer that means "empty" counts as empty: exit 1 with
 * "no crontab for USER" on stderr.
 */
final class CrontabListing {
    static final int NOT_INSTALLED = 127;

    private CrontabListing() {
    }

    /**
     * @param exit     the exit status ({@value #NOT_INSTALLED} when the program is not there)
     * @param timedOut whether it was stopped for not answering in time
     * @param stdout   the listing itself; stderr never goes into the table
     * @param stderr   what it said about itself
     * @return the current lines, to keep
     * @throws IOException saying why the crontab must stay as it is
     */
    static List<String> lines(int exit, boolean timedOut, String stdout, String stderr) throws IOException {
        if (timedOut) {
            throw refused("it did not answer in time");
        }
        if (exit == NOT_INSTALLED) {
            throw new IOException("neither systemd --user nor crontab is available here; install cron (Debian:"
                    + " apt-get install cron) or call mamori run-due every 5 minutes from your own scheduler");
        }
        if (exit == 0) {
            return new ArrayList<>(stdout.lines().toList());
        }
        // cronie and Debian's cron print "no crontab for USER", BSD's "crontab: no crontab for USER"
        if (exit == 1 && stderr.toLowerCase(Locale.ROOT).contains("no crontab for ")) {
            return new ArrayList<>();
        }
        String said = (stderr + "\n" + stdout).strip();
        throw refused(said.isEmpty() ? "exit " + exit : "exit " + exit + ": " + said);
    }

    private static IOException refused(String why) {
        return new IOException("crontab -l failed (" + why + "), so the crontab was not changed; fix that and run"
                + " this again, or add the line yourself (mamori schedule show prints it)");
    }
}
