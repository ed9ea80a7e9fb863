package app.mamori.engine.verify;

import app.mamori.engine.BucketConnection;
import app.mamori.model.Note;
import app.mamori.model.Source;
import app.mamori.source.bucket.ObjectKeys;
import app.mamori.source.files.EntryType;
import app.mamori.source.files.IndexEntry;
import app.mamori.source.files.SnapshotIndex;
import app.mamori.source.files.TreePaths;
import app.mamori.ssh.RemoteShell;
import app.mamori.util.CancelToken;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A bucket source's drill: put every object of the snapshot into a scratch folder of the
 * source's own bucket ({@code .mamori-drill-NONCE/KEY}), read each back and compare its
 * SHA-256 with the index, then delete the scratch objects whatever happened. It needs a key
 * that may write and delete; a read-only backup key makes it "could not run", never "damaged".
 */
final class BucketDrill {
    static final String FOLDER = ".mamori-drill-";

    private BucketDrill() {
    }

    static Outcome run(VerifyPlan.Item item, Source.Bucket source, String secret, RemoteShell shell,
                       CancelToken cancel) throws IOException {
        Path snapshot = Path.of(item.vault().path()).resolve(item.location()).resolve(item.artifact().path());
        SnapshotIndex index = SnapshotIndex.read(snapshot);
        String scratch = item.scratch().orElseThrow();
        List<String> put = new ArrayList<>();
        try (BucketConnection c = BucketConnection.open(source, secret, shell)) {
            try {
                long t0 = System.nanoTime();
                Note damage = restoreAndCompare(c.client(), source.bucket(), scratch, snapshot, index, put, cancel);
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                Outcome o = damage == null ? new Outcome(true, Note.of("drillBucketMatches", put.size()
                        + " objects put into s3://" + source.bucket() + "/" + scratch + " and read back: every SHA-256"
                        + " matches the index", put.size(), source.bucket(), scratch), List.of(), Optional.of(took))
                        : Outcome.failed(damage);
                return removed(c.client(), source.bucket(), scratch, put).map(o::withWarning).orElse(o);
            } catch (SdkException e) {
                Optional<Note> left = removed(c.client(), source.bucket(), scratch, put);
                throw new IOException(c.describe(e) + left.map(l -> "; " + l.english()).orElse(""), e);
            }
        }
    }

    /** @return what does not match, or null when every object came back as the index says */
    private static Note restoreAndCompare(S3Client s3, String bucket, String scratch, Path snapshot,
                                            SnapshotIndex index, List<String> put, CancelToken cancel)
            throws IOException {
        Path tree = snapshot.resolve(SnapshotIndex.TREE);
        for (IndexEntry e : index.entries()) {
            if (e.type() != EntryType.FILE) {
                continue;
            }
            cancel.throwIfCancelled();
            String key = scratch + ObjectKeys.key(e.path());
            put.add(key);
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(TreePaths.inside(tree, e.stored())));
            String got = sha256(s3, bucket, key);
            if (!got.equals(e.sha256())) {
                String object = ObjectKeys.printable(ObjectKeys.key(e.path()));
                return Note.of("drillObjectDiffers", "object " + object + " came back from the drill with SHA-256 "
                        + got + ", the index says " + e.sha256(), object, got, e.sha256());
            }
        }
        return null;
    }

    private static String sha256(S3Client s3, String bucket, String key) throws IOException {
        MessageDigest sha = app.mamori.util.NativeCrypto.sha256();
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key));
             OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
            ((InputStream) in).transferTo(out);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Deletes the scratch objects; what could not be deleted, for the admin, or empty. */
    private static Optional<Note> removed(S3Client s3, String bucket, String scratch, List<String> keys) {
        List<String> left = new ArrayList<>();
        for (String k : keys) {
            try {
                s3.deleteObject(b -> b.bucket(bucket).key(k));
            } catch (SdkException e) {
                left.add(k);
            }
        }
        return left.isEmpty() ? Optional.empty() : Optional.of(Note.of("drillObjectsLeft", left.size()
                + " scratch object(s) of the drill are left under s3://" + bucket + "/" + scratch + "; delete them by"
                + " hand", left.size(), bucket, scratch));
    }
}
