package app.mamori.it;

import app.mamori.engine.MamoriHome;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.FxExecutor;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.shell.Shell;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** The real app's window over one data folder, headless, as the UI tests open and drive it. */
final class AppWindow implements AutoCloseable {
    final FxRobot robot = new FxRobot();
    final AppContext app;
    Shell shell;
    private final FxExecutor executor;

    private AppWindow(Path home, Locale locale) throws Exception {
        executor = new FxExecutor();
        app = AppContext.open(new MamoriHome(home).ensureExists(), executor, new I18n(locale));
        FxToolkit.setupStage(stage -> {
            shell = new Shell(app, ZoneId.of("UTC"));
            shell.show(stage);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    static AppWindow open(Path home) throws Exception {
        return new AppWindow(home, Locale.ENGLISH);
    }

    /** The window in another language, as an admin who chose it in Settings sees it. */
    static AppWindow open(Path home, Locale locale) throws Exception {
        return new AppWindow(home, locale);
    }

    /** Waits up to 90 s (servers on a busy CI machine are slow) for {@code condition}, checked on settled FX events. */
    static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }

    /** Replaces a text field's content by typing, as a person would. */
    void type(String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).clear());
        robot.clickOn(id).write(text);
    }

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupStages();
        executor.close();
        app.close();
    }
}
