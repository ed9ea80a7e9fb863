package app.mamori.ui.shell;

import app.mamori.desktop.Autostart;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.UiErrors;
import app.mamori.ui.activity.ActivityView;
import app.mamori.ui.vaults.VaultsView;
import app.mamori.ui.vaults.VaultsViewModel;
import app.mamori.ui.activity.ActivityViewModel;
import app.mamori.ui.dashboard.DashboardView;
import app.mamori.ui.dashboard.DashboardViewModel;
import app.mamori.ui.fx.Format;
import app.mamori.ui.fx.Theme;
import app.mamori.ui.fx.UiSettings;
import app.mamori.ui.jobs.JobsView;
import app.mamori.ui.restore.RestoreView;
import app.mamori.ui.restore.wizard.RestoreWizard;
import app.mamori.ui.servers.ServerWizardView;
import app.mamori.ui.servers.ServersView;
import app.mamori.ui.settings.DesktopViewModel;
import app.mamori.ui.settings.SettingsView;
import app.mamori.ui.tray.Tray;
import app.mamori.util.Launcher;
import app.mamori.util.StartTrace;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Puts the app together on a stage: every page, the theme, the app's CSS, and the window's
 * size and place, restored at start and saved at close. The app and the UI tests build it
 * the same way.
 */
public final class Shell {
    static final double DEFAULT_WIDTH = 1100;
    static final double DEFAULT_HEIGHT = 700;

    private final AppContext app;
    private final Format format;
    private final DashboardViewModel dashboard;
    private final Consumer<Boolean> pauseSchedules;
    private UiSettings settings;
    private Stage stage;
    private boolean systemDark;
    private ServersView servers;
    private JobsView jobs;
    private Optional<Tray> tray = Optional.empty();
    private MainWindow window;

    public Shell(AppContext app, ZoneId zone) {
        this(app, zone, paused -> {
        });
    }

    /** With {@code pauseSchedules} for the tray's "pause schedules" (the app's scheduler). */
    public Shell(AppContext app, ZoneId zone, Consumer<Boolean> pauseSchedules) {
        this.app = app;
        this.pauseSchedules = pauseSchedules;
        this.format = new Format(app.text(), zone);
        this.dashboard = new DashboardViewModel(app, zone);
        this.settings = app.settings().load();
    }

    public Scene show(Stage stage) {
        this.stage = stage;
        // the theme before the first control: a control made with no user-agent stylesheet set
        // loads JavaFX's own (Modena) first, only to have it replaced
        Theme.apply(settings.theme(), false);
        window = new MainWindow(app, this::page);
        app.changes().start();
        Scene scene = new Scene(window.root(), width(), height());
        scene.getStylesheets().add(Objects.requireNonNull(Shell.class.getResource("/app/mamori/ui/app.css"))
                .toExternalForm());
        app.executor().submit(Theme::systemPrefersDark, dark -> {
            systemDark = dark;
            Theme.apply(settings.theme(), dark);
        }, UiErrors.logged("loading the first page"));
        stage.setTitle(app.text().t("app.title"));
        AppIcon.setOn(stage);
        stage.setScene(scene);
        if (settings.hasBounds()) {
            stage.setX(settings.x());
            stage.setY(settings.y());
            stage.setMaximized(settings.maximized());
        }
        stage.setOnHidden(e -> saveBounds(stage));
        stage.show();
        StartTrace.mark("window shown");
        // the first page once the window is up; the tray (AWT's toolkit, 0.1 s) once that page is drawn
        Platform.runLater(() -> {
            window.showFirstPage();
            scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    scene.removePostLayoutPulseListener(this);
                    StartTrace.mark("first page laid out");
                    Platform.runLater(Shell.this::installTray); // after this pulse has drawn the page
                }
            });
        });
        stage.setOnCloseRequest(e -> {
            e.consume();
            if (tray.isPresent() && settings.closeToTray()) {
                // keep running in the tray; its menu opens the window again or quits
                Platform.setImplicitExit(false);
                stage.hide();
            } else {
                saveBounds(stage);
                Platform.exit(); // also after a stay in the tray had turned implicit exit off
            }
        });
        return scene;
    }

    private void installTray() {
        tray = Tray.install(app, dashboard, format, new Tray.Actions(this::bringForward, () -> {
            bringForward();
            window.show(Page.RESTORE);
            openRestoreWizard(java.util.Optional.empty());
        }, pauseSchedules, Platform::exit, job -> {
            bringForward();
            restoreAfterFailedRun(job);
        }));
    }

    /** Shows the window in front: from the tray, or when Mamori is launched a second time. */
    public void bringForward() {
        stage.setIconified(false);
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    private double width() {
        return settings.hasBounds() ? settings.width() : DEFAULT_WIDTH;
    }

    private double height() {
        return settings.hasBounds() ? settings.height() : DEFAULT_HEIGHT;
    }

    void saveBounds(Stage stage) {
        settings = settings.withBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized());
        app.settings().save(settings);
    }

    private Node page(Page p) {
        return switch (p) {
            case DASHBOARD -> new DashboardView(app, dashboard, format, this::startServerWizard, this::openJob,
                    job -> job.ifPresentOrElse(this::restoreAfterFailedRun,
                            () -> openRestoreWizard(java.util.Optional.empty()))).root();
            case SERVERS -> servers().root();
            case JOBS -> jobs().root();
            case VAULTS -> new VaultsView(app, new VaultsViewModel(app), format).root();
            case RESTORE -> new RestoreView(app, format).root();
            case ACTIVITY -> new ActivityView(app, new ActivityViewModel(app, format), format).root();
            case SETTINGS -> new SettingsView(app, settings, this::changeTheme, this::changeLanguage,
                    this::changeCloseToTray, new DesktopViewModel(app, autostart(), tray.isPresent())).root();
        };
    }

    /** Starting with the desktop session: the launcher this app was started from, on this data folder. */
    private Autostart autostart() {
        List<String> command = new ArrayList<>(Launcher.command());
        command.addAll(List.of("--home", app.home().dir().toAbsolutePath().toString()));
        return Autostart.forThisOs(System.getenv(), Path.of(System.getProperty("user.home")), command);
    }

    /** Shows {@code job} on the Jobs page. */
    public void openJob(String job) {
        window.show(Page.JOBS);
        jobs().select(job);
    }

    /** The Jobs page, built on first use. */
    public JobsView jobs() {
        if (jobs == null) {
            jobs = new JobsView(app, format, dashboard::refresh);
        }
        return jobs;
    }

    private ServersView servers() {
        if (servers == null) {
            servers = new ServersView(app, () -> {
                dashboard.refresh();
                if (jobs != null) {
                    jobs.refresh();
                }
            });
        }
        return servers;
    }

    /** Opens the server wizard over the Servers page. */
    public ServerWizardView startServerWizard() {
        window.show(Page.SERVERS);
        return servers().startWizard();
    }

    private void changeTheme(UiSettings.ThemeChoice t) {
        settings = settings.withTheme(t);
        app.settings().save(settings);
        Theme.apply(t, systemDark);
    }

    private void changeLanguage(UiSettings.Language l) {
        settings = settings.withLanguage(l);
        app.settings().save(settings);
    }

    private void changeCloseToTray(boolean on) {
        settings = settings.withCloseToTray(on);
        app.settings().save(settings);
    }

    public DashboardViewModel dashboard() {
        return dashboard;
    }

    public AppContext context() {
        return app;
    }

    /** Opens the incident restore wizard, on {@code source} when one is known (a failed run's notice). */
    public RestoreWizard openRestoreWizard(java.util.Optional<String> source) {
        RestoreWizard w = new RestoreWizard(app, format, source);
        w.show();
        return w;
    }

    /** Opens the incident restore wizard on the sources of {@code job}, whose run failed. */
    public RestoreWizard restoreAfterFailedRun(String job) {
        RestoreWizard w = RestoreWizard.forFailedJob(app, format, job);
        w.show();
        return w;
    }

    public MainWindow window() {
        return window;
    }
}
