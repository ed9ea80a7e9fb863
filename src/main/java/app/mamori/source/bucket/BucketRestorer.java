package app.mamori.source.bucket;

import app.mamori.source.files.EntryType;
import app.mamori.source.files.IndexEntry;
import app.mamori.source.files.RawPath;
import app.mamori.source.files.SnapshotIndex;
import app.mamori.source.files.TreePaths;
import app.mamori.util.CancelToken;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/**
 * Puts objects of a bucket snapshot back into a bucket under their own keys, with the
 * Content-Type and user metadata the snapshot kept ({@link ObjectMetadata}). What to put and
 * whether the target already holds any of it are separate steps, so the engine can refuse
 * before writing anything; the stored files were checked against the index before this runs.
 */
public final class BucketRestorer {
    private final S3Client s3;

    public BucketRestorer(S3Client s3) {
        this.s3 = s3;
    }

    /** The objects of {@code index} that {@code selection} takes (folders are implied by their keys). */
    public static List<IndexEntry> selected(SnapshotIndex index, Predicate<RawPath> selection) {
        return index.entries().stream().filter(e -> e.type() == EntryType.FILE && selection.test(e.path())).toList();
    }

    /** The keys of {@code wanted} that {@code bucket} already holds, listed once under their common prefix. */
    public List<String> existing(String bucket, List<IndexEntry> wanted) {
        Set<String> keys = new HashSet<>();
        wanted.forEach(e -> keys.add(ObjectKeys.key(e.path())));
        String common = commonPrefix(keys);
        List<String> clash = new ArrayList<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(common)).contents()) {
            if (keys.contains(o.key())) {
                clash.add(o.key());
            }
        }
        return clash;
    }

    /**
     * Uploads each object from the snapshot's {@code tree/}.
     *
     * @param sent called with the bytes put so far, after each object
     * @return how many objects were put
     */
    public int put(Path snapshotDir, String bucket, List<IndexEntry> wanted, LongConsumer sent, CancelToken cancel)
            throws IOException {
        Path tree = snapshotDir.resolve(SnapshotIndex.TREE);
        ObjectMetadata metadata = ObjectMetadata.read(snapshotDir);
        int n = 0;
        long total = 0;
        for (IndexEntry e : wanted) {
            cancel.throwIfCancelled();
            String key = ObjectKeys.key(e.path());
            // the index is the vault's own, but checked as the listing was: a key never leads outside tree/
            ObjectKeys.check(bucket, key);
            Path file = TreePaths.inside(tree, e.stored());
            if (Files.size(file) != e.size()) {
                throw new IOException("the stored copy of object " + ObjectKeys.printable(key) + " (" + file + ") is "
                        + Files.size(file) + " bytes, the index says " + e.size() + "; the snapshot is damaged");
            }
            ObjectMetadata.Meta meta = metadata.get(key);
            s3.putObject(b -> {
                b.bucket(bucket).key(key);
                if (meta != null) {
                    b.contentType(meta.contentType()).metadata(meta.user());
                }
            }, RequestBody.fromFile(file));
            total += e.size();
            sent.accept(total);
            n++;
        }
        return n;
    }

    private static String commonPrefix(Set<String> keys) {
        String common = null;
        for (String k : keys) {
            if (common == null) {
                common = k;
            } else {
                int i = 0;
                while (i < common.length() && i < k.length() && common.charAt(i) == k.charAt(i)) {
                    i++;
                }
                common = common.substring(0, i);
            }
        }
        // up to a '/': a prefix cut inside a character would not be valid UTF-8
        return common == null ? "" : common.substring(0, common.lastIndexOf('/') + 1);
    }
}
