package app.mamori.engine.restore;

import app.mamori.engine.verify.StoredFiles;
import app.mamori.model.Note;
import app.mamori.source.files.HostTreeFetch;
import app.mamori.source.files.LocalTreeRestore;
import app.mamori.source.files.Selection;
import app.mamori.source.files.SnapshotIndex;
import app.mamori.source.files.TreeTar;
import app.mamori.ssh.RemoteShell;
import app.mamori.util.CancelToken;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Restores of files snapshots: the tar stream for the server, or the folder on this computer,
 * written from a local vault or fetched from a vault on the server.
 */
final class TreeRestores {
    private TreeRestores() {
    }

    /**
     * Every stored file the restore will write, re-read against the size and SHA-256 in the
     * snapshot's index before anything is written, so a damaged file refuses the restore instead
     * of stopping it half way through an in-place overwrite.
     */
    static void checkStoredFiles(RestorePlan plan, RestoreListener listener, CancelToken cancel)
            throws IOException, RestoreRefused {
        StoredFiles.Result r = StoredFiles.check(plan.artifactFile(), Selection.of(plan.include()), cancel);
        if (r.problem().isPresent()) {
            throw new RestoreRefused(r.problem().get().english() + "; nothing was restored. Restore from another point"
                    + " (mamori points) and check the vault's disk");
        }
        listener.note(Note.of("restoreFilesMatch", r.files() + " stored files match the snapshot's index (size and"
                + " SHA-256)", r.files()));
    }

    static void toLocal(RestorePlan plan, Path dir, RestoreListener listener) throws IOException {
        LocalTreeRestore.Written w = LocalTreeRestore.write(plan.artifactFile(), SnapshotIndex.read(plan.artifactFile()),
                Selection.of(plan.include()), dir);
        written(w, dir, listener);
    }

    /** From a vault on the server: the chosen files fetched, checked and written into {@code dir} here. */
    static void fromServer(RestorePlan plan, RemoteShell shell, Path dir, RestoreListener listener, CancelToken cancel)
            throws IOException {
        // pointDir is the remote folder spelled as a local Path; rebuild it with '/' for the server
        String snapshot = plan.artifactFile().toString().replace('\\', '/');
        LocalTreeRestore.Written w = HostTreeFetch.toLocal(shell, snapshot, plan.expectedSha256(),
                Selection.of(plan.include()), dir, cancel);
        written(w, dir, listener);
    }

    /** The snapshot as a tar for {@code tar -x} on the server. */
    static InputStream tarStream(RestorePlan plan, RestoreListener listener) throws IOException {
        return TreeTar.pipe(plan.artifactFile(), Selection.of(plan.include()), w -> {
            listener.note(Note.of("restoreSent", w.files() + " files, " + w.bytes() + " bytes sent", w.files(),
                    w.bytes()));
            skipped(w.skipped(), listener);
        });
    }

    private static void written(LocalTreeRestore.Written w, Path dir, RestoreListener listener) {
        listener.note(Note.of("restoreWritten", w.files() + " files, " + w.bytes() + " bytes written into " + dir,
                w.files(), w.bytes(), dir));
        skipped(w.skipped(), listener);
    }

    private static void skipped(java.util.List<String> paths, RestoreListener listener) {
        paths.forEach(x -> listener.note(Note.of("restoreSkipped", "not restored: " + x, x)));
    }
}
