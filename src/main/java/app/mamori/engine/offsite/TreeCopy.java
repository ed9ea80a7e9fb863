package app.mamori.engine.offsite;

import app.mamori.source.files.EntryType;
import app.mamori.source.files.IndexEntry;
import app.mamori.source.files.SnapshotIndex;
import app.mamori.util.CancelToken;
import app.mamori.util.NativeCrypto;
import app.mamori.vault.s3.TreeObjects;
import app.mamori.vault.s3.UploadResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Copies one file-tree snapshot to an object vault, deduplicated as restic does: each file's
 * content is found by the SHA-256 the snapshot's index already records; content the previous
 * copy's listing or the bucket already holds is not sent again (it is only re-locked, under
 * Object Lock); a file of {@link #PACKED_FROM} bytes or more is streamed as its own object
 * (resuming an interrupted upload), smaller ones are packed together into objects of about
 * {@link #PACK_TARGET} bytes, so twenty thousand small files cost a few requests, not twenty
 * thousand. The listing goes last: without it no copy of the snapshot exists, and what an
 * interrupted copy sent is found again by its name (a pack's name comes from its content, which
 * the same files in the same order give again).
 */
public final class TreeCopy {
    static final long PACKED_FROM = 1 << 20;
    static final int PACK_TARGET = 8 << 20;

    /** What the copy sent: bytes and objects, and bytes already in the bucket that were reused. */
    public record Sent(long bytes, long reused, int objects) {
    }

    private final TreeObjects objects;
    private final Optional<Instant> lock;
    private final CancelToken cancel;
    private final Map<String, TreeListing.Ref> contents = new LinkedHashMap<>();
    private final Set<String> reusedKeys = new LinkedHashSet<>();
    private final Map<String, Instant> stored;
    private final PackBuilder pack = new PackBuilder();
    private long sent;
    private long reused;
    private int sentObjects;

    private final byte[] index;
    private final String location;
    private final String artifact;
    private List<IndexEntry> wanted;
    private UnaryOperator<InputStream> reading = UnaryOperator.identity();
    private byte[] objectMetadata;

    private TreeCopy(TreeObjects objects, Optional<Instant> lock, CancelToken cancel, byte[] index, String location,
                     String artifact) throws IOException {
        this.index = index;
        this.location = location;
        this.artifact = artifact;
        this.objects = objects;
        this.lock = lock;
        this.cancel = cancel;
        this.stored = objects.stored();
    }

    /**
     * Reads the snapshot's index and decides what is new: the first of two steps, so a snapshot
     * in a vault on a server is fetched only for the content the bucket lacks.
     *
     * @param indexFile the snapshot's index, here
     * @param indexSha  its SHA-256 as the point recorded it
     * @param previous  the listing of the job's previous copy of this source, when there is one
     */
    public static TreeCopy start(TreeObjects objects, Path indexFile, String indexSha, String location, String artifact,
                                 Optional<TreeListing> previous, Optional<Instant> lock, CancelToken cancel)
            throws IOException {
        byte[] index = Files.readAllBytes(indexFile);
        String got = hex(NativeCrypto.sha256().digest(index));
        if (!got.equalsIgnoreCase(indexSha)) {
            throw new IOException("the index of snapshot " + artifact + " has SHA-256 " + got + ", not the " + indexSha
                    + " recorded when point " + location + " was taken; it is damaged, so it was not copied");
        }
        TreeCopy c = new TreeCopy(objects, lock, cancel, index, location, artifact);
        c.wanted = c.plan(SnapshotIndex.read(indexFile), previous);
        return c;
    }

    /** The listing a finished copy wrote, read back: the {@code previous} of the next copy of the snapshot. */
    public static Optional<TreeListing> listing(TreeObjects objects, String location, String artifact)
            throws IOException {
        return Optional.of(TreeListing.fromBytes(objects.listing(location, artifact)));
    }

    /** Reads every file the copy sends through {@code wrap}: the copy's {@code --limit-rate}. */
    TreeCopy readingWith(UnaryOperator<InputStream> wrap) {
        this.reading = wrap;
        return this;
    }

    /** Keeps a bucket snapshot's object metadata file in the listing, so a restore from the copy has it. */
    TreeCopy withObjectMetadata(byte[] file) {
        this.objectMetadata = file;
        return this;
    }

    /** One entry for each content the bucket lacks, in index order. */
    List<IndexEntry> wanted() {
        return wanted;
    }

    /**
     * Sends the new content, read from {@code tree} (a snapshot's {@code tree/} folder, holding at
     * least every wanted file), then the listing.
     */
    public Sent finish(Path tree, Progress progress) throws IOException {
        send(tree, wanted, progress);
        relock();
        objects.putListing(location, artifact, TreeListing.of(index, contents, objectMetadata).toBytes(), lock);
        return new Sent(sent, reused, sentObjects + 1);
    }

    /** New content the snapshot holds, as one entry per distinct SHA-256, in index order. */
    static List<IndexEntry> newContent(SnapshotIndex index, Map<String, TreeListing.Ref> known) {
        Map<String, IndexEntry> out = new LinkedHashMap<>();
        for (IndexEntry e : index.entries()) {
            if (e.type() == EntryType.FILE && e.sha256() != null && !e.stored().isEmpty()
                    && !known.containsKey(e.sha256())) {
                out.putIfAbsent(e.sha256(), e);
            }
        }
        return new ArrayList<>(out.values());
    }

    private List<IndexEntry> plan(SnapshotIndex index, Optional<TreeListing> previous) {
        Map<String, TreeListing.Ref> prev = previous.map(TreeListing::contents).orElse(Map.of());
        Map<String, TreeListing.Ref> known = new HashMap<>();
        for (IndexEntry e : index.entries()) {
            String sha = e.sha256();
            if (e.type() != EntryType.FILE || sha == null || known.containsKey(sha)) {
                continue;
            }
            TreeListing.Ref ref = prev.get(sha);
            if (ref != null && stored.containsKey(keyOf(sha, ref))) {
                known.put(sha, ref);
            } else if (e.size() >= PACKED_FROM && stored.containsKey(objects.key(TreeObjects.BLOB, sha))) {
                known.put(sha, TreeListing.Ref.own(e.size()));
            }
        }
        known.forEach((sha, ref) -> {
            contents.put(sha, ref);
            if (reusedKeys.add(keyOf(sha, ref))) {
                reused += objects.storedSize(ref.pack() == null ? ref.length() : 0);
            }
        });
        return newContent(index, known);
    }

    private void send(Path tree, List<IndexEntry> wanted, Progress progress) throws IOException {
        long total = wanted.stream().mapToLong(IndexEntry::size).sum();
        long done = 0;
        for (IndexEntry e : wanted) {
            cancel.throwIfCancelled();
            Path file = tree.resolve(e.stored());
            try (InputStream in = reading.apply(Files.newInputStream(file))) {
                if (e.size() >= PACKED_FROM) {
                    long before = done;
                    UploadResult r = objects.putBlob(e.sha256(), in, e.size(), lock,
                            n -> progress.read(before + Math.min(n, e.size()), total), cancel);
                    sent += r.sent();
                    reused += r.resumed();
                    sentObjects++;
                    contents.put(e.sha256(), TreeListing.Ref.own(e.size()));
                } else {
                    pack.add(e, in);
                    if (pack.size() >= PACK_TARGET) {
                        flushPack();
                    }
                }
            }
            done += e.size();
            progress.read(done, total);
        }
        flushPack();
    }

    private void flushPack() throws IOException {
        if (pack.isEmpty()) {
            return;
        }
        byte[] plain = pack.bytes();
        String packSha = hex(NativeCrypto.sha256().digest(plain));
        if (stored.containsKey(objects.key(TreeObjects.PACK, packSha))) {
            // sent by an interrupted copy of the same files: kept, and locked as long as this copy
            reusedKeys.add(objects.key(TreeObjects.PACK, packSha));
            reused += objects.storedSize(plain.length);
        } else {
            sent += objects.putPack(packSha, plain, lock);
            sentObjects++;
        }
        pack.members().forEach((sha, at) -> contents.put(sha, new TreeListing.Ref(packSha, at[0], at[1])));
        pack.clear();
    }

    /** Lengthens the lock of every reused object to this copy's, which it must outlast. */
    private void relock() throws IOException {
        if (lock.isEmpty()) {
            return;
        }
        Map<String, String[]> byKey = new HashMap<>();
        contents.forEach((sha, ref) -> byKey.putIfAbsent(keyOf(sha, ref), ref.pack() == null
                ? new String[]{TreeObjects.BLOB, sha} : new String[]{TreeObjects.PACK, ref.pack()}));
        for (String key : reusedKeys) {
            String[] kindAndId = byKey.get(key);
            if (kindAndId != null) {
                objects.extendLock(kindAndId[0], kindAndId[1], lock.get());
            }
        }
    }

    private String keyOf(String sha, TreeListing.Ref ref) {
        return ref.pack() == null ? objects.key(TreeObjects.BLOB, sha) : objects.key(TreeObjects.PACK, ref.pack());
    }

    /** Reports how much new content was read. */
    public interface Progress {
        void read(long done, long total);
    }

    /** Small files' contents side by side; where each starts and how long it is. */
    private static final class PackBuilder {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private final Map<String, long[]> members = new LinkedHashMap<>();

        void add(IndexEntry e, InputStream in) throws IOException {
            byte[] content = in.readNBytes((int) e.size() + 1);
            String got = hex(NativeCrypto.sha256().digest(content));
            if (content.length != e.size() || !got.equalsIgnoreCase(e.sha256())) {
                throw new IOException(e.stored() + " in the snapshot does not match its size and SHA-256 in the"
                        + " index; it changed or is damaged, so it was not copied");
            }
            members.put(e.sha256(), new long[]{buf.size(), content.length});
            buf.write(content);
        }

        int size() {
            return buf.size();
        }

        boolean isEmpty() {
            return members.isEmpty();
        }

        byte[] bytes() {
            return buf.toByteArray();
        }

        Map<String, long[]> members() {
            return members;
        }

        void clear() {
            buf.reset();
            members.clear();
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
