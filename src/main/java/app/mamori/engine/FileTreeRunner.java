package app.mamori.engine;

import app.mamori.catalog.Catalog;
import app.mamori.model.Source;
import app.mamori.source.SourceException;
import app.mamori.ssh.RemoteShell;
import app.mamori.util.CancelToken;
import app.mamori.vault.Manifest;
import app.mamori.vault.PointWriter;

import java.io.IOException;
import java.time.Clock;

/** Snapshots a {@code files} source into a point, hard-linking what did not change since the previous point. */
final class FileTreeRunner {
    private final Clock clock;
    private final Catalog catalog;

    FileTreeRunner(Clock clock, Catalog catalog) {
        this.clock = clock;
        this.catalog = catalog;
    }

    Manifest.Entry run(RemoteShell shell, Source.Files source, PointWriter point, BackupPlan.Step step,
                       BackupListener listener, CancelToken cancel) throws IOException {
        throw new SourceException("files sources are not wired yet", "");
    }
}
