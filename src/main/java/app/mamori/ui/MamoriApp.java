package app.mamori.ui;

import app.mamori.AppArgs;
import app.mamori.engine.MamoriHome;
import app.mamori.ui.fx.ErrorWords;
import app.mamori.ui.fx.FxExecutor;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.runs.AppScheduler;
import app.mamori.ui.shell.Shell;
import app.mamori.util.StartTrace;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

import java.io.IOException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/** The desktop app: opens the data folder's catalogue and shows the main window. */
public final class MamoriApp extends Application {
    private static String[] launchArgs = new String[0];
    private static SingleInstance instance;
    private static EarlyStart early;
    private FxExecutor executor;
    private AppContext context;
    private AppScheduler scheduler;

    /**
     * Opens the app, or brings forward the one already running on this data folder. Returns
     * the process's exit status once the app has quit.
     */
    public static int launchApp(String[] args) {
        launchArgs = args.clone();
        try {
            MamoriHome home = home().ensureExists();
            Optional<SingleInstance> claimed = SingleInstance.claim(home.dir());
            if (claimed.isEmpty()) {
                System.err.println("mamori: already running for this data folder; its window was brought forward");
                return 0;
            }
            instance = claimed.get();
            early = EarlyStart.begin(home, appArgs().lang());
        } catch (IOException | RuntimeException e) {
            System.err.println("mamori: " + e.getMessage());
            return 1;
        }
        try {
            Application.launch(MamoriApp.class, args);
        } finally {
            instance.close();
        }
        return 0;
    }

    private static MamoriHome home() {
        return MamoriHome.resolve(appArgs().home().orElse(null), System.getenv());
    }

    private static AppArgs appArgs() {
        return AppArgs.parse(launchArgs).orElse(new AppArgs(Optional.empty(), Optional.empty()));
    }

    @Override
    public void init() {
        StartTrace.mark("toolkit started");
        EarlyStart.warmIcons();
    }

    @Override
    public void start(Stage stage) {
        StartTrace.mark("start");
        I18n text = I18n.system();
        try {
            EarlyStart.Ready ready = early.await();
            StartTrace.mark("catalogue ready");
            text = ready.text();
            Locale.setDefault(text.locale()); // JavaFX's own dialogs and buttons follow the same language
            executor = new FxExecutor();
            context = new AppContext(ready.services(), executor, text);
        } catch (IOException | RuntimeException e) {
            Alert a = new Alert(Alert.AlertType.ERROR, text.t("app.cannotOpen", ErrorWords.say(text, e)));
            a.setHeaderText(text.t("app.title"));
            a.showAndWait();
            Platform.exit();
            return;
        }
        scheduler = new AppScheduler(context, ZoneId.systemDefault());
        Shell shell = new Shell(context, ZoneId.systemDefault(), scheduler::setPaused);
        shell.show(stage);
        instance.onSecondLaunch(() -> Platform.runLater(shell::bringForward));
        scheduler.start();
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.stop();
        }
        if (executor != null) {
            executor.close();
        }
        if (context != null) {
            context.close();
        }
    }
}
