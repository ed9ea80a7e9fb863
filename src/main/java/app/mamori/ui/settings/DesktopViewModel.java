package app.mamori.ui.settings;

import app.mamori.desktop.Autostart;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.ErrorWords;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the desktop around the app offers: a tray or not, and whether the session starts
 * Mamori at login. That last one is read from the OS (the autostart file, the registry), not
 * remembered, so Settings shows what will really happen at the next login.
 */
public final class DesktopViewModel {
    private final AppContext app;
    private final Autostart autostart;
    private final boolean trayAvailable;
    private final ReadOnlyBooleanWrapper startWithSession = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public DesktopViewModel(AppContext app, Autostart autostart, boolean trayAvailable) {
        this.app = app;
        this.autostart = autostart;
        this.trayAvailable = trayAvailable;
        refresh();
    }

    public boolean trayAvailable() {
        return trayAvailable;
    }

    /** Why "keep running in the tray" cannot be chosen, for a person; empty where there is a tray. */
    public String noTrayReason() {
        return trayAvailable ? "" : app.text().t("settings.noTray");
    }

    /** Reads the state from the OS again. */
    public void refresh() {
        busy.set(true);
        app.executor().submit(autostart::enabled, on -> {
            startWithSession.set(on);
            busy.set(false);
        }, e -> failed(e));
    }

    /** Writes or removes the login entry, then shows what the OS now says. */
    public void setStartWithSession(boolean on) {
        busy.set(true);
        message.set("");
        app.executor().submit(() -> {
            if (on) {
                autostart.enable();
            } else {
                autostart.disable();
            }
            return autostart.enabled();
        }, now -> {
            startWithSession.set(now);
            busy.set(false);
        }, e -> failed(e));
    }

    private void failed(Throwable e) {
        System.getLogger(DesktopViewModel.class.getName()).log(System.Logger.Level.WARNING,
                "start with the desktop session: " + autostart.where(), e);
        message.set(app.text().t("settings.startWithSession.failed", autostart.where(), ErrorWords.say(app.text(), e)));
        busy.set(false);
        // the checkbox falls back to what the OS says, whatever the attempt left behind
        app.executor().submit(autostart::enabled, startWithSession::set, x -> { });
    }

    /** True when the session starts Mamori at login. */
    public ReadOnlyBooleanProperty startWithSessionProperty() {
        return startWithSession.getReadOnlyProperty();
    }

    /** True while the OS is read or written: the option waits. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What went wrong with the last change, for a person; empty when nothing did. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Where the login entry lives, for a tooltip. */
    public String where() {
        return autostart.where();
    }
}
