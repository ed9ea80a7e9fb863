package app.mamori.source.files;

import app.mamori.model.Source;
import app.mamori.ssh.RemoteShell;
import app.mamori.util.CancelToken;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Takes a snapshot of a {@code files} source into a vault folder on the same host, with rsync
 * run there and {@code --link-dest} to the previous snapshot. (Placeholder: to be implemented.)
 */
public final class HostSnapshotter {
    private final RemoteShell shell;

    public HostSnapshotter(RemoteShell shell) {
        this.shell = shell;
    }

    /**
     * @param previousSnapshotDir on the host: the previous snapshot folder of this source (holding {@code tree/} and
     *                            the index), or null for a full copy
     * @param newSnapshotDir      on the host: an existing empty folder inside the point's temp folder
     * @param localIndex          where to leave a local copy of the index written to {@code newSnapshotDir}
     */
    public SnapshotResult snapshot(Source.Files src, String previousSnapshotDir, String newSnapshotDir, Path localIndex,
                                   SnapshotProgress progress, CancelToken cancel) throws IOException {
        throw new IOException("file trees into a vault on the server are not available in this version yet");
    }
}
