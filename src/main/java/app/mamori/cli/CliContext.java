package app.mamori.cli;

import app.mamori.util.Version;
import app.mamori.catalog.Catalog;
import app.mamori.engine.BackupEngine;
import app.mamori.engine.restore.RestoreEngine;
import app.mamori.engine.Housekeeping;
import app.mamori.engine.MamoriHome;
import app.mamori.engine.notify.Notifications;
import app.mamori.secret.SecretStore;
import app.mamori.ssh.JschConnector;
import app.mamori.ssh.SshConnector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;

/** What every command needs, opened on first use and closed when the command ends. */
final class CliContext implements AutoCloseable {
    private final Path explicitHome;
    private MamoriHome home;
    private Catalog catalog;

    CliContext(Path explicitHome) {
        this.explicitHome = explicitHome;
    }

    MamoriHome home() {
        if (home == null) {
            try {
                home = MamoriHome.resolve(explicitHome, System.getenv()).ensureExists();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data folder: " + e.getMessage(), e);
            }
            Logs.init(home.logDir());
        }
        return home;
    }

    Catalog catalog() {
        if (catalog == null) {
            catalog = Catalog.open(home().catalogFile());
            Housekeeping.afterStart(catalog);
        }
        return catalog;
    }

    SecretStore secrets() {
        return new SecretStore(home().secretsFile());
    }

    SshConnector ssh() {
        return new JschConnector(home().knownHostsFile(), JschConnector.defaultSshConfig());
    }

    BackupEngine engine() {
        return new BackupEngine(catalog(), ssh(), secrets(), Clock.systemUTC(), Version.get());
    }

    Notifications notifications() {
        return new Notifications(catalog(), secrets(), Clock.systemUTC());
    }

    RestoreEngine restoreEngine() {
        return new RestoreEngine(catalog(), ssh(), secrets(), engine(), Clock.systemUTC());
    }

    @Override
    public void close() {
        if (catalog != null) {
            catalog.close();
        }
    }
}
