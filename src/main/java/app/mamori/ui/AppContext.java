package app.mamori.ui;

import app.mamori.engine.MamoriHome;
import app.mamori.service.Services;
import app.mamori.ui.fx.CatalogChanges;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.UiExecutor;
import app.mamori.ui.fx.UiSettingsStore;
import app.mamori.ui.runs.Runs;

import java.time.Clock;

/**
 * What every screen shares: the services (the same ones the command line uses), the
 * executor, the text and the app's own settings. Opened once when the app starts, closed
 * when it quits. Screens reach the catalogue, SSH and the engines only through the services.
 */
public final class AppContext implements AutoCloseable {
    private final Services services;
    private final UiExecutor executor;
    private final I18n text;
    private final Runs runs;
    private final UiSettingsStore settings;
    private final CatalogChanges changes;

    public AppContext(Services services, UiExecutor executor, I18n text) {
        this.services = services;
        this.executor = executor;
        this.text = text;
        this.changes = new CatalogChanges(executor, services::changeStamp);
        this.settings = new UiSettingsStore(services.home().dir().resolve("ui.json"));
        this.runs = new Runs(this);
    }

    /** The real thing: the data folder's services, as the command line opens them. */
    public static AppContext open(MamoriHome home, UiExecutor executor, I18n text) {
        return new AppContext(Services.open(home), executor, text);
    }

    public Services services() {
        return services;
    }

    public MamoriHome home() {
        return services.home();
    }

    public UiExecutor executor() {
        return executor;
    }

    public I18n text() {
        return text;
    }

    public Clock clock() {
        return services.clock();
    }

    public Runs runs() {
        return runs;
    }

    /** Counts catalogue changes from any process; pages reload when it moves (started by the window). */
    public CatalogChanges changes() {
        return changes;
    }

    public UiSettingsStore settings() {
        return settings;
    }

    @Override
    public void close() {
        changes.stop();
        services.close();
    }
}
