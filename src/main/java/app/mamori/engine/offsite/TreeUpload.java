package app.mamori.engine.offsite;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.CopyStore;
import app.mamori.catalog.RecordedPoint;
import app.mamori.model.Artifact;
import app.mamori.source.bucket.ObjectMetadata;
import app.mamori.source.files.HostTreeFetch;
import app.mamori.source.files.IndexEntry;
import app.mamori.source.files.RawPath;
import app.mamori.source.files.SnapshotIndex;
import app.mamori.ssh.RemoteShell;
import app.mamori.util.CancelToken;
import app.mamori.util.RateLimit;
import app.mamori.vault.Json;
import app.mamori.vault.Manifest;
import app.mamori.vault.SecureFiles;
import app.mamori.vault.s3.S3Vault;
import app.mamori.vault.s3.TreeObjects;
import app.mamori.vault.s3.UploadResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A file-tree snapshot's offsite copy ({@link TreeCopy}) from a vault on this computer, or from
 * a vault on a server, whose new content only is fetched over SSH into the private
 * {@code offsite-stage/} folder first and deleted afterwards.
 */
final class TreeUpload {
    private static final System.Logger LOG = System.getLogger(TreeUpload.class.getName());

    private final Catalog catalog;
    private final S3Vault vault;
    private final RecordedPoint point;
    private final Optional<Instant> lock;
    private final Optional<RateLimit> limit;
    private final CopyListener listener;
    private final CancelToken cancel;

    TreeUpload(Catalog catalog, S3Vault vault, RecordedPoint point, Optional<Instant> lock,
               Optional<RateLimit> limit, CopyListener listener, CancelToken cancel) {
        this.catalog = catalog;
        this.vault = vault;
        this.point = point;
        this.lock = lock;
        this.limit = limit;
        this.listener = listener;
        this.cancel = cancel;
    }

    /** A snapshot folder in a vault on this computer. */
    UploadResult local(Artifact a, Path snapshot) throws IOException {
        TreeCopy copy = start(a, snapshot.resolve(SnapshotIndex.FILE_NAME));
        Path metadata = snapshot.resolve(ObjectMetadata.FILE_NAME);
        if (Files.exists(metadata)) {
            copy.withObjectMetadata(Files.readAllBytes(metadata));
        }
        return result(copy.finish(snapshot.resolve(SnapshotIndex.TREE), progress(a)));
    }

    /** A snapshot folder in a vault on the server: its index, then only what the bucket lacks, staged here. */
    UploadResult remote(Artifact a, RemoteShell shell, String snapshotDir, Path stageRoot) throws IOException {
        SecureFiles.createPrivateDirectories(stageRoot);
        Path stage = Files.createTempDirectory(stageRoot, "tree-");
        try {
            Path indexFile = stage.resolve(SnapshotIndex.FILE_NAME);
            SnapshotIndex index = HostTreeFetch.readIndex(shell, snapshotDir, a.sha256(), indexFile, cancel);
            TreeCopy copy = start(a, indexFile);
            Set<RawPath> paths = new HashSet<>();
            for (IndexEntry e : copy.wanted()) {
                paths.add(e.path());
            }
            HostTreeFetch.fetch(shell, snapshotDir, index, paths::contains, stage, cancel);
            return result(copy.finish(stage.resolve(SnapshotIndex.TREE), progress(a)));
        } finally {
            SecureFiles.deleteTree(stage);
        }
    }

    private TreeCopy start(Artifact a, Path indexFile) throws IOException {
        TreeObjects objects = vault.trees(point.point().server(), point.point().job());
        return TreeCopy.start(objects, indexFile, a.sha256(), point.point().location(), a.path(), previous(a), lock,
                cancel).readingWith(in -> OffsiteCopier.limited(in, limit));
    }

    private TreeCopy.Progress progress(Artifact a) {
        long started = System.nanoTime();
        return (done, total) -> listener.progress(point.id(), a.path(), done, total, System.nanoTime() - started);
    }

    private static UploadResult result(TreeCopy.Sent s) {
        return new UploadResult(s.bytes(), s.reused());
    }

    /**
     * The listing of the newest earlier copy of the same source in this vault: what the bucket
     * already holds. None (everything is sent) when there is no such copy or it cannot be read.
     */
    Optional<TreeListing> previous(Artifact a) {
        List<CopyStore.Copied> copies = catalog.copies().copiedOfJob(point.point().job(), vault.config().name())
                .stream().filter(c -> !c.point().equals(point.id()))
                .sorted(Comparator.comparing(CopyStore.Copied::pointTime).reversed()).toList();
        for (CopyStore.Copied c : copies.subList(0, Math.min(3, copies.size()))) {
            try {
                Manifest m = Json.mapper().readValue(vault.manifest(c.location()), Manifest.class);
                Optional<Manifest.Entry> same = m.sources().stream().filter(e -> e.name().equals(a.source())).findFirst();
                if (same.isPresent()) {
                    return Optional.of(TreeListing.fromBytes(vault.trees(m.server(), m.job())
                            .listing(c.location(), same.get().artifact())));
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "the listing of the copy of " + c.point() + " could not be read;"
                        + " its content is sent again", e);
            }
        }
        return Optional.empty();
    }
}
