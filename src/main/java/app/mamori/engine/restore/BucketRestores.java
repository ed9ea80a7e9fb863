package app.mamori.engine.restore;

import app.mamori.engine.BucketConnection;
import app.mamori.model.Source;
import app.mamori.source.bucket.BucketRestorer;
import app.mamori.source.bucket.ObjectKeys;
import app.mamori.source.files.IndexEntry;
import app.mamori.source.files.SnapshotIndex;
import app.mamori.source.files.Selection;
import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.SshConnector;
import app.mamori.util.CancelToken;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.util.List;

/**
 * A bucket source's restore: connect, choose the objects, refuse a target bucket that already
 * holds any of their keys (only {@code --in-place} overwrites, after its safety backup), then
 * put them. {@link #open} writes nothing, so a refusal there leaves every bucket as it was.
 */
final class BucketRestores implements AutoCloseable {
    private final RestorePlan plan;
    private final RemoteShell shell;
    private final BucketConnection connection;
    private final List<IndexEntry> wanted;
    private final String bucket;

    private BucketRestores(RestorePlan plan, RemoteShell shell, BucketConnection connection, List<IndexEntry> wanted,
                           String bucket) {
        this.plan = plan;
        this.shell = shell;
        this.connection = connection;
        this.wanted = wanted;
        this.bucket = bucket;
    }

    static BucketRestores open(RestorePlan plan, Source.Bucket source, String secret, SshConnector ssh)
            throws IOException, RestoreRefused {
        String target = plan.target() instanceof RestoreTarget.ToBucket b ? b.bucket() : source.bucket();
        List<IndexEntry> wanted = BucketRestorer.selected(SnapshotIndex.read(plan.artifactFile()),
                Selection.of(plan.include()));
        RemoteShell shell = source.viaSsh() ? ssh.connect(plan.server()) : null;
        BucketConnection c = null;
        try {
            c = BucketConnection.open(source, secret, shell);
            if (!plan.target().inPlace()) {
                List<String> clash = new BucketRestorer(c.client()).existing(target, wanted);
                if (!clash.isEmpty()) {
                    throw new RestoreRefused("bucket " + target + " already holds " + clash.size() + " of the "
                            + wanted.size() + " objects to restore (" + String.join(", ", clash.stream().limit(5)
                            .map(ObjectKeys::printable).toList()) + (clash.size() > 5 ? ", ..." : "") + "); nothing"
                            + " was written. Restore into a bucket without these keys, or over the source's own"
                            + " bucket with --in-place, which takes a safety backup first");
                }
            }
            return new BucketRestores(plan, shell, c, wanted, target);
        } catch (SdkException e) {
            String why = c == null ? e.getMessage() : c.describe(e);
            close(c, shell);
            throw new IOException(why, e);
        } catch (IOException | RestoreRefused | RuntimeException e) {
            close(c, shell);
            throw e;
        }
    }

    /** @return the objects put */
    int put(RestoreListener listener, CancelToken cancel) throws IOException {
        try {
            return new BucketRestorer(connection.client()).put(plan.artifactFile(), bucket, wanted,
                    listener::progress, cancel);
        } catch (SdkException e) {
            throw new IOException(connection.describe(e), e);
        }
    }

    String bucket() {
        return bucket;
    }

    @Override
    public void close() {
        close(connection, shell);
    }

    private static void close(BucketConnection c, RemoteShell shell) {
        if (c != null) {
            c.close();
        }
        if (shell != null) {
            shell.close();
        }
    }
}
