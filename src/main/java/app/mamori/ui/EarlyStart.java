package app.mamori.ui;

import app.mamori.engine.MamoriHome;
import app.mamori.service.Services;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.UiSettings;
import app.mamori.ui.fx.UiSettingsStore;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * What the first frame needs, prepared on a second core while JavaFX starts its toolkit on
 * the first: the settings and the text in the chosen language and the catalogue opened; then,
 * beside start(), the icon font loaded and the window's icons decoded. Done one after the other on the FX thread, these took about a third of
 * the time to the window (Jackson's classes alone, for a settings file that may not exist,
 * were as long as opening the catalogue ten times).
 */
final class EarlyStart {
    /** The data folder's services and the text of the language chosen for this start. */
    record Ready(MamoriHome home, I18n text, Services services) {
    }

    private final CompletableFuture<Ready> ready = new CompletableFuture<>();

    private EarlyStart() {
    }

    /** Starts preparing at once, on a thread of its own. */
    static EarlyStart begin(MamoriHome home, Optional<String> lang) {
        EarlyStart s = new EarlyStart();
        Thread t = new Thread(() -> s.prepare(home, lang), "mamori-early-start");
        t.setDaemon(true);
        t.start();
        return s;
    }

    private void prepare(MamoriHome home, Optional<String> lang) {
        try {
            UiSettings.Language chosen = lang
                    .map(l -> l.equals("ja") ? UiSettings.Language.JA : UiSettings.Language.EN)
                    .orElseGet(() -> new UiSettingsStore(home.dir().resolve("ui.json")).load().language());
            I18n text = I18n.of(chosen, Locale.getDefault());
            ready.complete(new Ready(home, text, Services.open(home)));
        } catch (RuntimeException | Error e) {
            ready.completeExceptionally(e);
        }
    }

    /**
     * Once the toolkit is up (from {@code Application.init}), on a thread beside start(): the
     * first icon resolves Ikonli's handlers and loads the icon font into JavaFX's font system,
     * and the window's icons are decoded, work the FX thread would otherwise do before the
     * first frame. Not earlier: loading an image before the toolkit has its screens fails
     * ("Internal graphics not initialized yet"). A node in no scene may be made on any thread;
     * this one is thrown away.
     */
    static void warmIcons() {
        Thread t = new Thread(() -> {
            try {
                new FontIcon(Feather.HOME);
                app.mamori.ui.shell.AppIcon.preload();
            } catch (RuntimeException e) {
                System.getLogger(EarlyStart.class.getName()).log(System.Logger.Level.DEBUG, "icon warm-up skipped", e);
            }
        }, "mamori-icon-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The prepared settings and services, waiting for them if they are not ready yet.
     *
     * @throws IOException or a runtime exception when the catalogue could not be opened
     */
    Ready await() throws IOException {
        try {
            return ready.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening the catalogue", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause.getMessage(), cause);
        }
    }
}
