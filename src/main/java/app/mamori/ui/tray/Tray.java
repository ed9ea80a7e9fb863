package app.mamori.ui.tray;

import app.mamori.catalog.EventFilter;
import app.mamori.catalog.Run;
import app.mamori.engine.JobStatus;
import app.mamori.engine.objective.JobObjectives;
import app.mamori.engine.objective.Verdict;
import app.mamori.model.Objectives;
import app.mamori.ui.AppContext;
import app.mamori.ui.dashboard.DashboardViewModel;
import app.mamori.ui.dashboard.JobRow;
import app.mamori.ui.fx.FailureWords;
import app.mamori.ui.fx.Format;
import app.mamori.ui.fx.UiErrors;
import app.mamori.ui.runs.RunViewModel;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import java.awt.AWTException;
import java.awt.CheckboxMenuItem;
import java.awt.EventQueue;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.event.ItemEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The tray icon. Created only where {@link SystemTray#isSupported()} says the desktop has a
 * tray (not under bare Xvfb, for one). AWT calls go through the AWT event queue, FX calls
 * back through the app's executor.
 */
public final class Tray {
    /** How often time alone is looked at: a job turns late or overdue with no catalogue change. */
    static final Duration EVERY = Duration.minutes(1);

    private final AppContext app;
    private final TrayIcon icon;
    private final Format format;
    private final OverdueSpells spells = new OverdueSpells();
    private final BreachSpells breaches = new BreachSpells();
    /** Held here: the dashboard's read-only view listens weakly to its rows. */
    private ObservableList<JobRow> rows;
    /** the open incidents, from the dashboard: the tooltip names them */
    private javafx.collections.ObservableList<app.mamori.catalog.Incident> incidents;
    private Timeline clock;
    private boolean looking;
    /** A change came while a look was in flight: look once more when it is back. */
    private boolean lookAgain;
    private final FailedRunNotices failures = new FailedRunNotices();
    private final FailureSpells failureSpells = new FailureSpells();
    /** The job whose restore the menu offers now. */
    private Optional<String> offered = Optional.empty();
    /** "Restore after the failed run of JOB...", in the menu while a job's latest run failed. */
    private MenuItem restoreFailed;
    private PopupMenu menu;
    private Actions actions;

    /**
     * What the menu does, run on the FX thread.
     *
     * @param open           shows the window
     * @param restore        shows the window on the restore page
     * @param pauseSchedules true: the app starts no scheduled run until false again
     * @param quit           ends the app
     * @param restoreJob     opens the restore wizard on the sources of a job whose run failed
     */
    public record Actions(Runnable open, Runnable restore, Consumer<Boolean> pauseSchedules, Runnable quit,
                          Consumer<String> restoreJob) {
    }

    private Tray(AppContext app, TrayIcon icon, Format format) {
        this.app = app;
        this.icon = icon;
        this.format = format;
    }

    /** The tray icon, or empty where the desktop has no tray. Call on the FX thread. */
    public static Optional<Tray> install(AppContext app, DashboardViewModel dashboard, Format format,
                                         Actions actions) {
        if (java.awt.GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
            return Optional.empty();
        }
        TrayIcon icon = new TrayIcon(TrayIcons.image(TrayState.OK, 64), app.text().t("app.title"));
        PopupMenu menu = menu(app, actions, icon);
        icon.setPopupMenu(menu);
        icon.setImageAutoSize(true);
        icon.addActionListener(e -> app.executor().onUi(actions.open()));
        Tray tray = new Tray(app, icon, format);
        tray.menu = menu;
        tray.actions = actions;
        try {
            SystemTray.getSystemTray().add(icon);
        } catch (AWTException e) {
            return Optional.empty();
        }
        tray.rows = dashboard.rows();
        tray.incidents = dashboard.incidents();
        // the rows reload at every catalogue change, whoever made it (CatalogChanges polls for them)
        Runnable update = () -> tray.show(TrayState.of(tray.rows, app.runs().anyRunning()));
        tray.rows.addListener((ListChangeListener<JobRow>) c -> {
            update.run();
            tray.look();
        });
        tray.incidents.addListener((ListChangeListener<app.mamori.catalog.Incident>) c -> update.run());
        app.runs().byJob().addListener((MapChangeListener<String, RunViewModel>) c -> {
            if (c.wasAdded()) {
                tray.watch(c.getValueAdded());
                c.getValueAdded().stateProperty().addListener((o, a, s) -> update.run());
            }
            update.run();
        });
        update.run();
        tray.clock = new Timeline(new KeyFrame(EVERY, e -> {
            dashboard.refresh();
            tray.look();
        }));
        tray.clock.setCycleCount(Animation.INDEFINITE);
        tray.clock.play();
        tray.look();
        return Optional.of(tray);
    }

    private static PopupMenu menu(AppContext app, Actions actions, TrayIcon icon) {
        MenuItem open = new MenuItem(app.text().t("tray.open"));
        MenuItem all = new MenuItem(app.text().t("tray.backUpAll"));
        CheckboxMenuItem pause = new CheckboxMenuItem(app.text().t("tray.pauseSchedules"));
        MenuItem restore = new MenuItem(app.text().t("tray.restore"));
        MenuItem quit = new MenuItem(app.text().t("tray.quit"));
        open.addActionListener(e -> app.executor().onUi(actions.open()));
        all.addActionListener(e -> app.executor().onUi(() -> app.services().jobs().list()
                .forEach(j -> app.runs().start(j.name()))));
        pause.addItemListener(e -> {
            boolean paused = e.getStateChange() == ItemEvent.SELECTED;
            app.executor().onUi(() -> actions.pauseSchedules().accept(paused));
        });
        restore.addActionListener(e -> app.executor().onUi(actions.restore()));
        // the icon goes first, so no stale icon stays while the app shuts down
        quit.addActionListener(e -> {
            SystemTray.getSystemTray().remove(icon);
            app.executor().onUi(actions.quit());
        });
        PopupMenu menu = new PopupMenu();
        menu.add(open);
        menu.add(all);
        menu.add(pause);
        menu.add(restore);
        menu.addSeparator();
        menu.add(quit);
        return menu;
    }

    private void show(TrayState state) {
        // an open incident is said first: its backups are held, and someone is in the middle of it
        String tip = app.text().t("app.title") + ": " + (incidents == null || incidents.isEmpty() ? ""
                : app.text().t("tray.incidents", incidents.size()) + " ") + app.text().t("tray.state." + state.id());
        EventQueue.invokeLater(() -> {
            icon.setImage(TrayIcons.image(state, 64));
            icon.setToolTip(tip);
        });
    }

    /**
     * A desktop notification when a run of this app succeeds. A failure is told by the look at
     * the catalogue that its end starts, the one way failures of every process are told.
     */
    private void watch(RunViewModel run) {
        run.stateProperty().addListener((o, a, s) -> {
            if (run.running()) {
                return;
            }
            look();
            if (s == RunViewModel.State.SUCCEEDED) {
                String title = app.text().t("tray.done", run.job());
                String text = run.messageProperty().get();
                EventQueue.invokeLater(() -> icon.displayMessage(title, text, TrayIcon.MessageType.INFO));
            }
        });
    }

    /** One notification per failed run, with its error and where to restore from. */
    private void notifyFailures(List<Run> fresh) {
        for (Run run : fresh) {
            // the reason in the app's language comes from the run's event, read off the FX thread
            app.executor().submit(() -> app.services().activity().events(
                    EventFilter.all().run(run.id()).kind("run-failed"), 1), events -> {
                String why = events.stream().findFirst().flatMap(e -> FailureWords.reason(app.text(), e))
                        .or(run::error).orElse("");
                String title = app.text().t("tray.failed", run.job());
                // one paragraph: the X11 balloon wraps its text itself and shows no line breaks
                String text = (why.isEmpty() ? "" : why.endsWith(".") || why.endsWith("。") ? why + " " : why + ". ")
                        + app.text().t("tray.failedRestoreHint");
                EventQueue.invokeLater(() -> icon.displayMessage(title, text, TrayIcon.MessageType.ERROR));
            }, UiErrors.logged("reading why run " + run.id() + " failed"));
        }
    }

    /**
     * The menu offers to restore the job whose run failed last, while its latest run failed: a
     * desktop notification cannot carry a button, so the offer waits in the icon's menu.
     */
    private void offerRestore(Optional<String> job) {
        String label = job.map(j -> app.text().t("tray.restoreFailed", j)).orElse(null);
        EventQueue.invokeLater(() -> {
            if (restoreFailed != null) {
                menu.remove(restoreFailed);
                restoreFailed = null;
            }
            if (label != null) {
                restoreFailed = new MenuItem(label);
                restoreFailed.addActionListener(e -> app.executor().onUi(() -> actions.restoreJob().accept(job.get())));
                // beside the plain Restore..., above the separator and Quit
                menu.insert(restoreFailed, 4);
            }
        });
    }

    /**
     * Looks at the catalogue for what deserves a desktop notification since the last look: a
     * failed run (from any process), a job that became overdue (one per spell), a breached
     * objective. Called at every catalogue change and every minute.
     */
    private void look() {
        if (looking) {
            lookAgain = true; // the change may have come after the look in flight read the catalogue
            return;
        }
        looking = true;
        app.executor().submit(() -> new Look(app.services().jobs().statuses(format.zone()),
                app.services().jobs().objectiveStatuses(), app.services().jobs().latestRuns()), look -> {
            looked();
            notifyFailures(failureSpells.newlyFailed(look.runs()));
            failures.saw(look.runs());
            if (!failures.offered().equals(offered)) {
                offered = failures.offered();
                offerRestore(offered); // only on a change: an open menu is not rebuilt under the pointer every minute
            }
            notifyOverdue(spells.newlyOverdue(look.statuses()));
            notifyBreaches(breaches.newlyBreached(look.objectives()));
        }, e -> {
            looked();
            UiErrors.logged("looking for failed and overdue jobs").accept(e);
        });
    }

    private void looked() {
        looking = false;
        if (lookAgain) {
            lookAgain = false;
            look();
        }
    }

    /** What one look at the catalogue found: every job's state, its objectives and its newest ended run. */
    private record Look(List<JobStatus> statuses, List<JobObjectives> objectives, List<Run> runs) {
    }

    private void notifyBreaches(List<BreachSpells.Breach> fresh) {
        for (BreachSpells.Breach b : fresh) {
            Verdict v = b.verdict();
            String objective = app.text().t("objective." + v.objective().id());
            String title = app.text().t("tray.breach", b.job(), objective);
            long over = v.margin().orElse(java.time.Duration.ZERO).negated().getSeconds();
            // whole minutes, rounded up: "exceeded by 0m" would read as no breach
            String by = Objectives.format(java.time.Duration.ofMinutes(Math.max(1, (over + 59) / 60)));
            String text = app.text().t("tray.breach.text", objective, Objectives.format(v.target()), by);
            EventQueue.invokeLater(() -> icon.displayMessage(title, text, TrayIcon.MessageType.WARNING));
        }
    }

    private void notifyOverdue(List<JobStatus> jobs) {
        for (JobStatus s : jobs) {
            String title = app.text().t("tray.overdue", s.job());
            String text = app.text().t("tray.overdue.text", format.when(s.lastSuccess(), "dashboard.never"));
            EventQueue.invokeLater(() -> icon.displayMessage(title, text, TrayIcon.MessageType.WARNING));
        }
    }

    public void remove() {
        if (clock != null) {
            clock.stop();
        }
        EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
    }
}
