package app.mamori.engine.restore;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.FileEntry;
import app.mamori.catalog.TreeDiff;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.source.files.TreeListing;
import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.SshConnector;
import app.mamori.util.CancelToken;

import java.io.IOException;
import java.util.List;

/**
 * A files source's folders as they are now on its server, beside a backup's file list: what was
 * added, removed and changed since that backup. What an admin looks at before choosing between
 * restoring a whole folder and a few files. Reads only, with the listing a backup runs.
 */
public final class FilesNow {
    private final SshConnector ssh;
    private final Catalog catalog;

    public FilesNow(SshConnector ssh, Catalog catalog) {
        this.ssh = ssh;
        this.catalog = catalog;
    }

    /**
     * @throws IllegalArgumentException when the catalogue holds no file list of the source in that point
     * @throws IOException              when the server cannot be reached or its listing failed, with the server's line
     */
    public TreeDiff since(Server server, Source.Files source, String pointId) throws IOException {
        List<FileEntry> backup = catalog.fileIndex().entries(pointId, source.name());
        if (backup.isEmpty()) {
            throw new IllegalArgumentException("restore point '" + pointId + "' has no file list of source '"
                    + source.name() + "' in the catalogue; `mamori catalog rebuild` reads it from the vault again");
        }
        TreeListing.Listing now;
        try (RemoteShell shell = ssh.connect(server)) {
            now = TreeListing.now(shell, source, CancelToken.none());
        } catch (IOException e) {
            throw new IOException("listing the folders of " + source.name() + " on server " + server.name()
                    + " failed: " + e.getMessage(), e);
        }
        return TreeChanges.since(backup, now.entries());
    }
}
