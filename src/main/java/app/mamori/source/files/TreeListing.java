package app.mamori.source.files;

import app.mamori.model.Source;
import app.mamori.ssh.Exec;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteShell;
import app.mamori.util.CancelToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A files source's folders as the server has them now, listed by the one {@code find} a backup
 * runs (same roots, same excludes, same judgement of its complaints): what a snapshot would
 * store, so comparing it with a backup shows only what really changed since.
 */
public final class TreeListing {
    /** The entries in the order {@code find} gave them (every folder before its contents), and what was only warned about. */
    public record Listing(List<ListedEntry> entries, List<String> warnings) {
    }

    private TreeListing() {
    }

    /**
     * Lists {@code source} on its server now, reading only.
     *
     * @throws IOException with the server's own line when {@code find} failed (a root missing, permission denied)
     */
    public static Listing now(RemoteShell shell, Source.Files source, CancelToken cancel) throws IOException {
        return list(shell, FileTreeSnapshotter.normalizeRoots(source.paths()), ExcludeRules.parse(source.excludes()),
                SnapshotProgress.none(), cancel);
    }

    static Listing list(RemoteShell shell, List<String> roots, ExcludeRules excludes, SnapshotProgress progress,
                        CancelToken cancel) throws IOException {
        List<ListedEntry> listed = new ArrayList<>();
        var parser = new RemoteListing.Parser(e -> {
            listed.add(e);
            if ((listed.size() & 1023) == 0) {
                progress.listed(listed.size());
            }
        });
        ExecResult r = shell.exec(Exec.of(RemoteListing.command(roots, excludes)).stdout(parser)
                .stderrLimit(1 << 20).cancel(cancel).build());
        cancel.throwIfCancelled();
        RemoteErrors.Verdict verdict = RemoteErrors.judge("listing files", r, roots);
        if (verdict.failed()) {
            throw new IOException(verdict.failure());
        }
        parser.finish();
        progress.listed(listed.size());
        return new Listing(listed, verdict.warnings());
    }
}
