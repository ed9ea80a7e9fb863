package app.mamori.ui.shell;

import org.kordamp.ikonli.feather.Feather;

import java.util.Locale;

/** The sidebar's entries, in order. */
public enum Page {
    DASHBOARD(Feather.GRID), SERVERS(Feather.SERVER), JOBS(Feather.PLAY_CIRCLE), VAULTS(Feather.HARD_DRIVE),
    RESTORE(Feather.ROTATE_CCW), ACTIVITY(Feather.ACTIVITY), SETTINGS(Feather.SETTINGS);

    final Feather icon;

    Page(Feather icon) {
        this.icon = icon;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
