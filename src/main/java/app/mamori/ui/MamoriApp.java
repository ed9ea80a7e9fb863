package app.mamori.ui;

import app.mamori.engine.MamoriHome;
import app.mamori.ui.fx.FxExecutor;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.runs.AppScheduler;
import app.mamori.ui.shell.Shell;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;

/** The desktop app: opens the data folder's catalogue and shows the main window. */
public final class MamoriApp extends Application {
    private static String[] launchArgs = new String[0];
    private FxExecutor executor;
    private AppContext context;
    private AppScheduler scheduler;

    public static void launchApp(String[] args) {
        launchArgs = args.clone();
        Application.launch(MamoriApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        I18n text = I18n.system();
        Path explicit = launchArgs.length == 2 ? Path.of(launchArgs[1]) : null;
        try {
            MamoriHome home = MamoriHome.resolve(explicit, System.getenv()).ensureExists();
            executor = new FxExecutor();
            context = AppContext.open(home, executor, text);
        } catch (IOException | RuntimeException e) {
            Alert a = new Alert(Alert.AlertType.ERROR, text.t("app.cannotOpen", e.getMessage()));
            a.setHeaderText(text.t("app.title"));
            a.showAndWait();
            Platform.exit();
            return;
        }
        new Shell(context, ZoneId.systemDefault()).show(stage);
        scheduler = new AppScheduler(context, ZoneId.systemDefault());
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
