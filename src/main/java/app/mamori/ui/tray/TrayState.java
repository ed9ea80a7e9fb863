package app.mamori.ui.tray;

import app.mamori.model.RunStatus;
import app.mamori.ui.dashboard.Health;
import app.mamori.ui.dashboard.JobRow;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

/** What the tray icon says, each with its own shape so that colour is not the only clue. */
public enum TrayState {
    OK, WARNING, FAILED, RUNNING;

    /** Last results that turn the icon red: the backup did not happen and nobody chose that (cancelled is a choice). */
    private static final Set<String> FAILURES = Set.of(RunStatus.FAILED.id(), RunStatus.INTERRUPTED.id());

    /**
     * The icon for the dashboard's rows: red when a job's last run failed (whichever process
     * ran it: this app, the command line or the OS timer's run-due), is overdue or never
     * succeeded; otherwise as {@link #of(Health, boolean)}.
     */
    public static TrayState of(Collection<JobRow> rows, boolean anyRunning) {
        boolean failed = rows.stream().anyMatch(r -> r.lastResult().filter(FAILURES::contains).isPresent());
        Health worst = failed ? Health.RED
                : rows.stream().map(JobRow::health).max(Comparator.naturalOrder()).orElse(Health.GREEN);
        return of(worst, anyRunning);
    }

    /**
     * A failure shows even while another job runs: it is what the admin must act on. Then a
     * running backup, then a warning (overdue soon, or unverified), then all good.
     */
    public static TrayState of(Health worst, boolean anyRunning) {
        if (worst == Health.RED) {
            return FAILED;
        }
        if (anyRunning) {
            return RUNNING;
        }
        return worst == Health.AMBER ? WARNING : OK;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
