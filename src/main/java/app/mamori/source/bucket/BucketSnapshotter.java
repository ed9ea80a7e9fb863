package app.mamori.source.bucket;

import app.mamori.model.Source;
import app.mamori.source.files.EntryType;
import app.mamori.source.files.FileTreeSnapshotter;
import app.mamori.source.files.IndexEntry;
import app.mamori.source.files.RawPath;
import app.mamori.source.files.SnapshotFiles;
import app.mamori.source.files.SnapshotIndex;
import app.mamori.source.files.SnapshotProgress;
import app.mamori.source.files.SnapshotResult;
import app.mamori.source.files.TreePaths;
import app.mamori.util.CancelToken;
import app.mamori.util.NativeCrypto;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes one incremental snapshot of an {@code s3-bucket} source: list the objects, hard-link
 * each one whose size and ETag are those of the previous snapshot, download the rest (hashing
 * as they are written and fsyncing each), write the index last. The layout and index are a
 * {@code files} snapshot's ({@code tree/} and {@link SnapshotIndex#FILE_NAME}), objects as
 * files with mode 0600, folders 0700, each with the object's last-modified time; the index
 * records each object's ETag beside its SHA-256; each object's Content-Type and user metadata go
 * to {@link ObjectMetadata#FILE_NAME}.
 */
public final class BucketSnapshotter {
    // objects have no mode of their own; the vault's rule for what it writes applies (docs/vault.md)
    static final int FILE_MODE = 0600;
    static final int FOLDER_MODE = 0700;

    private final S3Client s3;

    public BucketSnapshotter(S3Client s3) {
        this.s3 = s3;
    }

    /**
     * @param previousSnapshotDir the last complete snapshot of this source, or null for a full copy
     * @param newSnapshotDir      an empty folder; on failure it is emptied again before this throws
     * @throws IOException        for a refused key or a vault that cannot be written; the SDK's own
     *                            runtime exceptions for the bucket's refusals, which the caller words
     */
    public SnapshotResult snapshot(Source.Bucket src, Path previousSnapshotDir, Path newSnapshotDir,
                                   SnapshotProgress progress, CancelToken cancel) throws IOException {
        progress = progress == null ? SnapshotProgress.none() : progress;
        cancel = cancel == null ? CancelToken.none() : cancel;
        Path tree = newSnapshotDir.resolve(SnapshotIndex.TREE);
        if (Files.exists(tree) || Files.exists(newSnapshotDir.resolve(SnapshotIndex.FILE_NAME))) {
            throw new IllegalArgumentException(newSnapshotDir + " already holds a snapshot; give an empty folder");
        }
        SnapshotIndex previous = previousSnapshotDir == null ? null : SnapshotIndex.read(previousSnapshotDir);
        List<BucketListing.Planned> planned = BucketListing.plan(src.bucket(), src.prefix(),
                BucketListing.list(s3, src.bucket(), src.prefix()));
        progress.listed(planned.size());
        try {
            Files.createDirectories(tree);
            Run run = new Run(src, tree, previous, previousSnapshotDir, progress, cancel);
            List<IndexEntry> index = run.write(planned);
            FileTreeSnapshotter.syncDirectories(tree);
            ObjectMetadata.of(run.metadata).write(newSnapshotDir);
            String sha = SnapshotIndex.write(newSnapshotDir, List.of(ObjectKeys.root(src.prefix())), index);
            return run.result(newSnapshotDir.resolve(SnapshotIndex.FILE_NAME), sha, index);
        } catch (IOException | RuntimeException e) {
            SnapshotFiles.deleteQuietly(tree);
            SnapshotFiles.deleteQuietly(newSnapshotDir.resolve(SnapshotIndex.FILE_NAME + ".tmp"));
            SnapshotFiles.deleteQuietly(newSnapshotDir.resolve(ObjectMetadata.FILE_NAME));
            throw e;
        }
    }

    /** One snapshot's state: counts and warnings. */
    private final class Run {
        private final Source.Bucket src;
        private final Path tree;
        private final SnapshotIndex previous;
        private final Path previousTree;
        private final SnapshotProgress progress;
        private final CancelToken cancel;
        private final List<String> warnings = new ArrayList<>();
        private final ObjectMetadata previousMetadata;
        private final Map<String, ObjectMetadata.Meta> metadata = new HashMap<>();
        private long newFiles;
        private long changedFiles;
        private long linked;
        private long fetchedFiles;
        private long fetchedBytes;

        Run(Source.Bucket src, Path tree, SnapshotIndex previous, Path previousDir, SnapshotProgress progress,
            CancelToken cancel) throws IOException {
            this.previousMetadata = previousDir == null ? ObjectMetadata.NONE : ObjectMetadata.read(previousDir);
            this.src = src;
            this.tree = tree;
            this.previous = previous;
            this.previousTree = previousDir == null ? null : previousDir.resolve(SnapshotIndex.TREE);
            this.progress = progress;
            this.cancel = cancel;
        }

        List<IndexEntry> write(List<BucketListing.Planned> planned) throws IOException {
            List<IndexEntry> index = new ArrayList<>(planned.size());
            boolean root = true;
            for (BucketListing.Planned p : planned) {
                cancel.throwIfCancelled();
                Path target = TreePaths.inside(tree, p.stored());
                if (p.folder()) {
                    if (root) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectory(target); // new below the root: an existing name would be a second listing
                    }
                    index.add(entry(p.path(), p.stored(), EntryType.DIRECTORY, 0, p.modified(), null, null));
                } else {
                    IndexEntry e = object(p, target);
                    if (e != null) {
                        index.add(e);
                    }
                }
                root = false;
            }
            for (int i = planned.size() - 1; i >= 0; i--) {
                BucketListing.Planned p = planned.get(i);
                if (p.folder()) {
                    stamp(TreePaths.inside(tree, p.stored()), FOLDER_MODE, p.modified());
                }
            }
            progress.linked(linked);
            return index;
        }

        /** Links or downloads one object; null when it vanished between listing and download. */
        private IndexEntry object(BucketListing.Planned p, Path target) throws IOException {
            BucketListing.Listed o = p.object();
            IndexEntry before = previous == null ? null : previous.get(p.path());
            if (before != null && before.type() == EntryType.FILE && before.sha256() != null && before.etag() != null
                    && before.etag().equals(o.etag()) && before.size() == o.size()) {
                try {
                    Files.createLink(target, TreePaths.inside(previousTree, before.stored()));
                    linked++;
                    keepMetadata(o);
                    return entry(p.path(), p.stored(), EntryType.FILE, o.size(), o.modified(), before.sha256(),
                            o.etag());
                } catch (NoSuchFileException gone) {
                    // the previous copy was removed from the vault: download it again rather than fail
                }
            }
            if (before == null || before.type() != EntryType.FILE) {
                newFiles++;
            } else {
                changedFiles++;
            }
            return download(p, target);
        }

        private IndexEntry download(BucketListing.Planned p, Path target) throws IOException {
            MessageDigest sha = NativeCrypto.sha256();
            long size;
            String etag;
            Instant modified;
            try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(src.bucket())
                    .key(p.object().key()));
                 FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = new DigestOutputStream(Channels.newOutputStream(ch), sha)) {
                size = in.transferTo(out);
                out.flush();
                ch.force(true);
                etag = in.response().eTag();
                metadata.put(p.object().key(), new ObjectMetadata.Meta(in.response().contentType(),
                        in.response().metadata(), p.object().modified()));
                modified = in.response().lastModified() == null ? p.object().modified() : in.response().lastModified();
            } catch (NoSuchKeyException vanished) {
                Files.deleteIfExists(target);
                warnings.add("object " + ObjectKeys.printable(p.object().key()) + " was deleted while the snapshot"
                        + " ran; it is not in this snapshot");
                return null;
            }
            stamp(target, FILE_MODE, modified);
            fetchedFiles++;
            fetchedBytes += size;
            progress.fetched(fetchedFiles, fetchedBytes);
            return entry(p.path(), p.stored(), EntryType.FILE, size, modified,
                    HexFormat.of().formatHex(sha.digest()), etag);
        }

        /**
         * An unchanged object's metadata: the previous snapshot's while the object was not
         * rewritten since (changing metadata rewrites it), else read again with a HEAD request.
         */
        private void keepMetadata(BucketListing.Listed o) {
            ObjectMetadata.Meta before = previousMetadata.get(o.key());
            if (before != null && o.modified().equals(before.modified())) {
                metadata.put(o.key(), before);
                return;
            }
            try {
                HeadObjectResponse head = s3.headObject(b -> b.bucket(src.bucket()).key(o.key()));
                metadata.put(o.key(), new ObjectMetadata.Meta(head.contentType(), head.metadata(), o.modified()));
            } catch (NoSuchKeyException vanished) {
                // deleted since the listing: its content is linked, and it comes back as it was listed
            }
        }

        SnapshotResult result(Path indexFile, String indexSha, List<IndexEntry> index) {
            long files = 0;
            long bytes = 0;
            Set<RawPath> now = new HashSet<>();
            for (IndexEntry e : index) {
                if (e.type() == EntryType.FILE) {
                    files++;
                    bytes += e.size();
                    now.add(e.path());
                }
            }
            long deleted = previous == null ? 0 : previous.entries().stream()
                    .filter(e -> e.type() == EntryType.FILE && !now.contains(e.path())).count();
            return new SnapshotResult(indexFile, indexSha, bytes, files, newFiles, changedFiles, linked, deleted,
                    List.copyOf(warnings));
        }
    }

    private static IndexEntry entry(RawPath path, String stored, EntryType type, long size, Instant modified,
                                    String sha256, String etag) {
        int mode = type == EntryType.DIRECTORY ? FOLDER_MODE : FILE_MODE;
        return new IndexEntry(path, stored, type, mode, size, modified.getEpochSecond(), modified.getNano(), 0, 0,
                "", "", RawPath.ofBytes(new byte[0]), sha256, etag);
    }

    /** Mode and time of a stored file or folder; the owner can always read, link and delete it. */
    private static void stamp(Path p, int mode, Instant modified) throws IOException {
        if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode == FOLDER_MODE ? "rwx------"
                    : "rw-------"));
        }
        Files.setLastModifiedTime(p, FileTime.from(modified));
    }
}
