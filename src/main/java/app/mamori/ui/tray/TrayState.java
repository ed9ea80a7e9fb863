package app.mamori.ui.tray;

import app.mamori.ui.dashboard.Health;

import java.util.Locale;

/** What the tray icon says, each with its own shape so that colour is not the only clue. */
public enum TrayState {
    OK, WARNING, FAILED, RUNNING;

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
