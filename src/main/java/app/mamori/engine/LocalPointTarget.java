package app.mamori.engine;

import app.mamori.model.Source;
import app.mamori.source.files.IndexEntry;
import app.mamori.ssh.RemoteShell;
import app.mamori.util.CancelToken;
import app.mamori.vault.LocalVault;
import app.mamori.vault.Manifest;
import app.mamori.vault.PointWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A point in a vault on the workstation: dumps stream over SSH into it, file trees are snapshotted into it. */
final class LocalPointTarget implements PointTarget {
    private final LocalVault vault;
    private final PointWriter point;
    private final RemoteShell shell;
    private final DumpRunner dumps;
    private final FileTreeRunner trees;
    private final BucketRunner buckets;
    private Path committed;
    private final Map<String, List<IndexEntry>> snapshots = new HashMap<>();

    LocalPointTarget(LocalVault vault, PointWriter point, RemoteShell shell, DumpRunner dumps, FileTreeRunner trees,
                     BucketRunner buckets) {
        this.buckets = buckets;
        this.vault = vault;
        this.point = point;
        this.shell = shell;
        this.dumps = dumps;
        this.trees = trees;
    }

    @Override
    public String id() {
        return point.id();
    }

    @Override
    public Manifest.Entry backUp(BackupPlan.Step step, Optional<String> secret, long expectedBytes,
                                 BackupListener listener, CancelToken cancel) throws IOException {
        if (step.source() instanceof Source.Files files) {
            return trees.run(shell, files, point, vault, step, listener, cancel,
                    entries -> snapshots.put(files.name(), entries));
        }
        if (step.source() instanceof Source.Bucket bucket) {
            return buckets.run(shell, bucket, secret.orElseThrow(), point, vault, step, listener, cancel);
        }
        return dumps.run(shell, step.source(), secret, point, step, expectedBytes, listener, cancel);
    }

    @Override
    public String commit(Manifest manifest) throws IOException {
        committed = point.commit(manifest);
        return vault.root().relativize(committed).toString();
    }

    @Override
    public Path snapshotIndex(Source source) {
        return committed.resolve(source.name());
    }

    @Override
    public List<IndexEntry> snapshotEntries(Source source) {
        return snapshots.get(source.name());
    }

    @Override
    public void close() {
        point.close();
    }
}
