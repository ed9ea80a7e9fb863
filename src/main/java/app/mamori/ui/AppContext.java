package app.mamori.ui;

import app.mamori.catalog.Catalog;
import app.mamori.engine.BackupEngine;
import app.mamori.engine.Housekeeping;
import app.mamori.engine.MamoriHome;
import app.mamori.engine.notify.Notifications;
import app.mamori.secret.SecretStore;
import app.mamori.ssh.JschConnector;
import app.mamori.ssh.SshConnector;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.UiExecutor;
import app.mamori.ui.fx.UiSettingsStore;
import app.mamori.ui.runs.Runs;

import java.time.Clock;

/**
 * What every screen shares: the data folder, the catalogue, the engine, the executor and
 * the text. Opened once when the app starts, closed when it quits.
 */
public final class AppContext implements AutoCloseable {
    private final MamoriHome home;
    private final Catalog catalog;
    private final UiExecutor executor;
    private final I18n text;
    private final SshConnector ssh;
    private final Clock clock;
    private final Runs runs;
    private final UiSettingsStore settings;

    public AppContext(MamoriHome home, Catalog catalog, SshConnector ssh, UiExecutor executor, I18n text, Clock clock) {
        this.home = home;
        this.catalog = catalog;
        this.ssh = ssh;
        this.executor = executor;
        this.text = text;
        this.clock = clock;
        this.settings = new UiSettingsStore(home.dir().resolve("ui.json"));
        this.runs = new Runs(this);
    }

    /** The real thing: the data folder's catalogue (after housekeeping) and the user's SSH setup. */
    public static AppContext open(MamoriHome home, UiExecutor executor, I18n text) {
        Catalog catalog = Catalog.open(home.catalogFile());
        Housekeeping.afterStart(catalog);
        return new AppContext(home, catalog, new JschConnector(home.knownHostsFile(), JschConnector.defaultSshConfig()),
                executor, text, Clock.systemUTC());
    }

    public MamoriHome home() {
        return home;
    }

    public Catalog catalog() {
        return catalog;
    }

    public UiExecutor executor() {
        return executor;
    }

    public I18n text() {
        return text;
    }

    public Clock clock() {
        return clock;
    }

    public Runs runs() {
        return runs;
    }

    public UiSettingsStore settings() {
        return settings;
    }

    public SshConnector ssh() {
        return ssh;
    }

    public SecretStore secrets() {
        return new SecretStore(home.secretsFile());
    }

    public BackupEngine backupEngine() {
        return new BackupEngine(catalog, ssh, secrets(), clock, app.mamori.util.Version.get());
    }

    public Notifications notifications() {
        return new Notifications(catalog, secrets(), clock);
    }

    @Override
    public void close() {
        catalog.close();
    }
}
