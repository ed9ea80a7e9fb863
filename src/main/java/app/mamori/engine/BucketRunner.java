package app.mamori.engine;

import app.mamori.model.Note;
import app.mamori.model.Source;
import app.mamori.source.SourceException;
import app.mamori.source.bucket.BucketSnapshotter;
import app.mamori.source.files.SnapshotProgress;
import app.mamori.source.files.SnapshotResult;
import app.mamori.ssh.RemoteShell;
import app.mamori.util.CancelToken;
import app.mamori.vault.LocalVault;
import app.mamori.vault.Manifest;
import app.mamori.vault.PointWriter;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * Snapshots an {@code s3-bucket} source into a point: the files layout, hard-linked against the
 * job's previous point, so only new or changed objects travel. The file list goes into the
 * catalogue afterwards exactly as a {@code files} snapshot's does.
 */
final class BucketRunner {
    private final Clock clock;

    BucketRunner(Clock clock) {
        this.clock = clock;
    }

    Manifest.Entry run(RemoteShell shell, Source.Bucket source, String secret, PointWriter point, LocalVault vault,
                       BackupPlan.Step step, BackupListener listener, CancelToken cancel) throws IOException {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Path previous = FileTreeRunner.previousSnapshot(vault, source, step);
        listener.note(previous == null ? Note.of("bucketFirst", source.name() + ": first snapshot, every object is"
                + " downloaded", source.name())
                : Note.of("bucketLinked", source.name() + ": unchanged objects are linked from "
                + previous.getParent().getFileName(), source.name(), previous.getParent().getFileName()));
        Path dir = point.createDirectory(source.name());
        try (BucketConnection bucket = BucketConnection.open(source, secret, shell)) {
            SnapshotResult r;
            try {
                r = new BucketSnapshotter(bucket.client()).snapshot(source, previous, dir, new SnapshotProgress() {
                    @Override
                    public void fetched(long files, long bytes) {
                        listener.progress(step, bytes, -1, System.nanoTime() - t0);
                    }
                }, cancel);
            } catch (SdkException e) {
                throw new SourceException(bucket.describe(e), "");
            }
            listener.note(Note.of("bucketCounts", source.name() + ": " + r.newFiles() + " new, " + r.changedFiles()
                    + " changed, " + r.unchangedFiles() + " unchanged, " + r.deletedFiles() + " deleted objects",
                    source.name(), r.newFiles(), r.changedFiles(), r.unchangedFiles(), r.deletedFiles()));
            return FileTreeRunner.snapshotEntry(source, r, "S3 list + get", started, clock.instant(), t0, listener);
        }
    }
}
