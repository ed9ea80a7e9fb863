package app.mamori.engine.offsite;

import app.mamori.source.files.EntryType;
import app.mamori.source.files.IndexEntry;
import app.mamori.source.files.SnapshotIndex;
import app.mamori.source.files.TreePaths;
import app.mamori.util.CancelToken;
import app.mamori.util.NativeCrypto;
import app.mamori.vault.s3.TreeObjects;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file-tree snapshot read back from its offsite copy: the listing's index, then every content
 * it names, each pack downloaded once and each large file streamed, every file checked against
 * the SHA-256 in the index. Into a snapshot folder ({@code index.jsonl.zst} and {@code tree/},
 * as a local vault keeps it) for a restore or a drill, or nowhere, for a verification.
 */
final class TreeStage {
    private final TreeObjects objects;
    private final CancelToken cancel;

    TreeStage(TreeObjects objects, CancelToken cancel) {
        this.objects = objects;
        this.cancel = cancel;
    }

    /**
     * Reads the snapshot back; with {@code into}, writes it there as a snapshot folder.
     *
     * @param indexSha the index's SHA-256 as the point's manifest records it
     * @return how many files were read back
     * @throws IOException naming the damaged object when any content or the index is not what the copy recorded
     */
    long read(TreeListing listing, String indexSha, Path into) throws IOException {
        String got = TreeCopy.hex(NativeCrypto.sha256().digest(listing.index()));
        if (!got.equalsIgnoreCase(indexSha)) {
            throw new IOException("the listing's index has SHA-256 " + got + ", not the recorded " + indexSha);
        }
        Path dir = into != null ? into : Files.createTempDirectory("mamori-check-");
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(SnapshotIndex.FILE_NAME), listing.index());
            if (listing.objectMetadata() != null) {
                // checked as it is read: a bucket restore refuses metadata it cannot read
                try {
                    app.mamori.source.bucket.ObjectMetadata.fromBytes(listing.objectMetadata());
                } catch (IOException | RuntimeException e) {
                    throw new IOException("the object metadata in the listing cannot be read: " + e.getMessage(), e);
                }
                if (into != null) {
                    Files.write(dir.resolve(app.mamori.source.bucket.ObjectMetadata.FILE_NAME), listing.objectMetadata());
                }
            }
            SnapshotIndex index = SnapshotIndex.read(dir);
            Path tree = into == null ? null : dir.resolve(SnapshotIndex.TREE);
            return contents(listing, index, tree);
        } finally {
            if (into == null) {
                app.mamori.vault.SecureFiles.deleteTree(dir);
            }
        }
    }

    private long contents(TreeListing listing, SnapshotIndex index, Path tree) throws IOException {
        Map<String, List<IndexEntry>> bySha = new LinkedHashMap<>();
        Map<String, List<String>> byPack = new LinkedHashMap<>();
        List<IndexEntry> links = new ArrayList<>();
        long files = 0;
        for (IndexEntry e : index.entries()) {
            if (tree != null && e.type() == EntryType.DIRECTORY && !e.stored().isEmpty()) {
                Files.createDirectories(TreePaths.inside(tree, e.stored()));
            }
            if (tree != null && e.type() == EntryType.SYMLINK && !e.stored().isEmpty()) {
                links.add(e);
            }
            if (e.type() != EntryType.FILE || e.sha256() == null || e.stored().isEmpty()) {
                continue;
            }
            files++;
            TreeListing.Ref ref = listing.contents().get(e.sha256());
            if (ref == null) {
                throw new IOException("the listing names no content for " + e.stored() + " (SHA-256 " + e.sha256()
                        + ")");
            }
            if (bySha.computeIfAbsent(e.sha256(), k -> new ArrayList<>()).isEmpty() && ref.pack() != null) {
                byPack.computeIfAbsent(ref.pack(), k -> new ArrayList<>()).add(e.sha256());
            }
            bySha.get(e.sha256()).add(e);
        }
        for (Map.Entry<String, List<String>> p : byPack.entrySet()) {
            cancel.throwIfCancelled();
            unpack(p.getKey(), p.getValue(), listing, bySha, tree);
        }
        for (Map.Entry<String, List<IndexEntry>> c : bySha.entrySet()) {
            if (listing.contents().get(c.getKey()).pack() == null) {
                cancel.throwIfCancelled();
                blob(c.getKey(), c.getValue(), tree);
            }
        }
        // as the local vault keeps them, so the snapshot checks read the download as they read a local one
        for (IndexEntry e : links) {
            Path link = TreePaths.inside(tree, e.stored());
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of(new String(e.linkTarget().bytes(),
                    java.nio.charset.StandardCharsets.UTF_8)));
        }
        return files;
    }

    private void unpack(String packSha, List<String> shas, TreeListing listing, Map<String, List<IndexEntry>> bySha,
                        Path tree) throws IOException {
        byte[] pack;
        try {
            pack = objects.readPack(packSha);
        } catch (IOException e) {
            throw damaged(TreeObjects.PACK, packSha, e);
        }
        for (String sha : shas) {
            TreeListing.Ref ref = listing.contents().get(sha);
            if (ref.offset() < 0 || ref.offset() + ref.length() > pack.length) {
                throw damaged(TreeObjects.PACK, packSha, new IOException("it is shorter than the listing says"));
            }
            byte[] content = Arrays.copyOfRange(pack, (int) ref.offset(), (int) (ref.offset() + ref.length()));
            if (!TreeCopy.hex(NativeCrypto.sha256().digest(content)).equalsIgnoreCase(sha)) {
                throw damaged(TreeObjects.PACK, packSha, new IOException("a file in it does not have its SHA-256 "
                        + sha));
            }
            if (tree != null) {
                write(bySha.get(sha), tree, first -> Files.write(first, content));
            }
        }
    }

    private void blob(String sha, List<IndexEntry> entries, Path tree) throws IOException {
        MessageDigest digest = NativeCrypto.sha256();
        try {
            if (tree == null) {
                try (InputStream in = objects.openBlob(sha); OutputStream out = new DigestOutputStream(
                        OutputStream.nullOutputStream(), digest)) {
                    in.transferTo(out);
                }
            } else {
                write(entries, tree, first -> {
                    try (InputStream in = objects.openBlob(sha); OutputStream out = new DigestOutputStream(
                            Files.newOutputStream(first), digest)) {
                        in.transferTo(out);
                    }
                });
            }
        } catch (IOException e) {
            throw damaged(TreeObjects.BLOB, sha, e);
        }
        String got = TreeCopy.hex(digest.digest());
        if (!got.equalsIgnoreCase(sha)) {
            throw damaged(TreeObjects.BLOB, sha, new IOException("its content has SHA-256 " + got + ", not " + sha));
        }
    }

    /** Writes the first entry with {@code first}, then copies it to the others with the same content. */
    private static void write(List<IndexEntry> entries, Path tree, Writer first) throws IOException {
        Path one = TreePaths.inside(tree, entries.get(0).stored());
        Files.createDirectories(one.getParent());
        first.write(one);
        for (IndexEntry e : entries.subList(1, entries.size())) {
            Path to = TreePaths.inside(tree, e.stored());
            Files.createDirectories(to.getParent());
            Files.copy(one, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private IOException damaged(String kind, String id, IOException cause) {
        return new IOException("object " + objects.key(kind, id) + " is damaged or missing: " + cause.getMessage(),
                cause);
    }

    private interface Writer {
        void write(Path file) throws IOException;
    }
}
