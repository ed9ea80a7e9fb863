package app.mamori.ui.tray;

import app.mamori.ui.AppContext;
import app.mamori.ui.dashboard.DashboardViewModel;
import app.mamori.ui.runs.RunViewModel;
import javafx.application.Platform;
import javafx.collections.MapChangeListener;
import javafx.stage.Stage;

import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.util.Optional;

/**
 * The tray icon. Created only where {@link SystemTray#isSupported()} says the desktop has a
 * tray (not under bare Xvfb, for one). AWT calls go through the AWT event queue, FX calls
 * back through the app's executor.
 */
public final class Tray {
    private final AppContext app;
    private final TrayIcon icon;

    private Tray(AppContext app, TrayIcon icon) {
        this.app = app;
        this.icon = icon;
    }

    /** The tray icon, or empty where the desktop has no tray. Call on the FX thread. */
    public static Optional<Tray> install(AppContext app, Stage stage, DashboardViewModel dashboard) {
        if (java.awt.GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
            return Optional.empty();
        }
        PopupMenu menu = new PopupMenu();
        MenuItem open = new MenuItem(app.text().t("tray.open"));
        MenuItem all = new MenuItem(app.text().t("tray.backUpAll"));
        MenuItem quit = new MenuItem(app.text().t("tray.quit"));
        menu.add(open);
        menu.add(all);
        menu.addSeparator();
        menu.add(quit);
        TrayIcon icon = new TrayIcon(TrayIcons.image(TrayState.OK, 64), app.text().t("app.title"), menu);
        icon.setImageAutoSize(true);
        Tray tray = new Tray(app, icon);
        Runnable show = () -> app.executor().onUi(() -> {
            stage.show();
            stage.toFront();
        });
        open.addActionListener(e -> show.run());
        icon.addActionListener(e -> show.run());
        all.addActionListener(e -> app.executor().onUi(() -> app.services().jobs().list()
                .forEach(j -> app.runs().start(j.name()))));
        quit.addActionListener(e -> app.executor().onUi(Platform::exit));
        try {
            SystemTray.getSystemTray().add(icon);
        } catch (AWTException e) {
            return Optional.empty();
        }
        Runnable update = () -> tray.show(TrayState.of(dashboard.worstProperty().get(), app.runs().anyRunning()));
        dashboard.worstProperty().addListener((o, a, h) -> update.run());
        app.runs().byJob().addListener((MapChangeListener<String, RunViewModel>) c -> {
            if (c.wasAdded()) {
                tray.watch(c.getValueAdded());
                c.getValueAdded().stateProperty().addListener((o, a, s) -> update.run());
            }
            update.run();
        });
        update.run();
        return Optional.of(tray);
    }

    private void show(TrayState state) {
        String tip = app.text().t("app.title") + ": " + app.text().t("tray.state." + state.id());
        EventQueue.invokeLater(() -> {
            icon.setImage(TrayIcons.image(state, 64));
            icon.setToolTip(tip);
        });
    }

    /** A desktop notification when the run ends, failed or not. */
    private void watch(RunViewModel run) {
        run.stateProperty().addListener((o, a, s) -> {
            if (run.running()) {
                return;
            }
            boolean ok = s == RunViewModel.State.SUCCEEDED;
            String title = app.text().t(ok ? "tray.done" : "tray.failed", run.job());
            String text = run.messageProperty().get();
            EventQueue.invokeLater(() -> icon.displayMessage(title, text,
                    ok ? TrayIcon.MessageType.INFO : TrayIcon.MessageType.ERROR));
        });
    }

    public void remove() {
        EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
    }
}
