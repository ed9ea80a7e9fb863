package app.mamori.cli;

import app.mamori.catalog.Catalog;
import app.mamori.engine.BackupEngine;
import app.mamori.engine.MamoriHome;
import app.mamori.engine.notify.Notifications;
import app.mamori.engine.restore.RestoreEngine;
import app.mamori.secret.SecretStore;
import app.mamori.service.Services;
import app.mamori.ssh.SshConnector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The command's view of {@link Services}: built on first use, closed when the command ends. */
final class CliContext implements AutoCloseable {
    private final Path explicitHome;
    private Services services;

    CliContext(Path explicitHome) {
        this.explicitHome = explicitHome;
    }

    Services services() {
        if (services == null) {
            try {
                services = Services.open(MamoriHome.resolve(explicitHome, System.getenv()).ensureExists());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data folder: " + e.getMessage(), e);
            }
        }
        return services;
    }

    MamoriHome home() {
        return services().home();
    }

    Catalog catalog() {
        return services().catalog();
    }

    SecretStore secrets() {
        return services().secrets();
    }

    SshConnector ssh() {
        return services().ssh();
    }

    BackupEngine engine() {
        return services().backupEngine();
    }

    Notifications notifications() {
        return services().notifications();
    }

    RestoreEngine restoreEngine() {
        return services().restoreEngine();
    }

    @Override
    public void close() {
        if (services != null) {
            services.close();
        }
    }
}
