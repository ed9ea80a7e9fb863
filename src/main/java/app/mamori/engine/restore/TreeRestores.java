package app.mamori.engine.restore;

import app.mamori.source.files.LocalTreeRestore;
import app.mamori.source.files.Selection;
import app.mamori.source.files.SnapshotIndex;
import app.mamori.source.files.TreeTar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Restores of files snapshots: the tar stream for the server, or the folder on this computer. */
final class TreeRestores {
    private TreeRestores() {
    }

    static void toLocal(RestorePlan plan, Path dir, RestoreListener listener) throws IOException {
        LocalTreeRestore.Written w = LocalTreeRestore.write(plan.artifactFile(), SnapshotIndex.read(plan.artifactFile()),
                Selection.of(plan.include()), dir);
        listener.log(w.files() + " files, " + w.bytes() + " bytes written into " + dir);
        w.skipped().forEach(x -> listener.log("not restored: " + x));
    }

    /** The snapshot as a tar for {@code tar -x} on the server. */
    static InputStream tarStream(RestorePlan plan, RestoreListener listener) throws IOException {
        return TreeTar.pipe(plan.artifactFile(), Selection.of(plan.include()), w -> {
            listener.log(w.files() + " files, " + w.bytes() + " bytes sent");
            w.skipped().forEach(x -> listener.log("not restored: " + x));
        });
    }
}
