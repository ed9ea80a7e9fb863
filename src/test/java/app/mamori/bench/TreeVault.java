package app.mamori.bench;

import app.mamori.model.SourceKind;
import app.mamori.source.files.EntryType;
import app.mamori.source.files.IndexEntry;
import app.mamori.source.files.NameCodec;
import app.mamori.source.files.RawPath;
import app.mamori.source.files.SnapshotIndex;
import app.mamori.vault.LocalVault;
import app.mamori.vault.Manifest;
import app.mamori.vault.PointWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local vault of {@code points} file-tree snapshots of {@code files} files each, laid out as a
 * files job leaves it: every point a committed folder with its manifest, a {@code tree/} whose
 * unchanged files are hard links to the previous point's, and the zstd index written by
 * {@link SnapshotIndex#write}. One file in 20 changes from one point to the next (a new copy,
 * as a changed file is fetched again). The same vault for the same arguments: points are daily
 * from a fixed day. For {@code bench/rebuild}, which deletes the catalogue and times
 * {@code mamori catalog rebuild}.
 * <pre>java ... TreeVault VAULT_DIR [POINTS=101] [FILES=50000]</pre>
 */
public final class TreeVault {
    static final String SERVER = "srv0";
    static final String JOB = "uploads";
    static final String SOURCE = "uploads";
    static final String VAULT = "nas";
    private static final Instant FIRST = Instant.parse("2026-01-01T02:00:00Z");
    private static final int FOLDERS = 50;

    private TreeVault() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int points = args.length > 1 ? Integer.parseInt(args[1]) : 101;
        int files = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        if (Files.exists(root)) {
            throw new IllegalArgumentException(root + " exists: give a new folder");
        }
        long t0 = System.nanoTime();
        write(root, points, files);
        System.out.printf("vault %s: %d tree points x %,d files, written in %d s%n", root, points, files,
                (System.nanoTime() - t0) / 1_000_000_000L);
    }

    /** Writes the vault; returns the point folders, oldest first. */
    public static List<Path> write(Path root, int points, int files) throws IOException {
        LocalVault vault = new LocalVault(root);
        List<Path> written = new ArrayList<>();
        Path previous = null;
        for (int k = 0; k < points; k++) {
            Instant started = FIRST.plus(Duration.ofDays(k));
            try (PointWriter point = vault.begin(SERVER, JOB, started)) {
                Path snapshot = point.createDirectory(SOURCE);
                List<IndexEntry> index = tree(snapshot, previous, k, files);
                String indexSha = SnapshotIndex.write(snapshot, List.of("/srv/" + SOURCE), index);
                long bytes = index.stream().filter(e -> e.type() == EntryType.FILE).mapToLong(IndexEntry::size).sum();
                previous = point.commit(manifest(point.id(), started, index.size(), bytes, indexSha))
                        .resolve(SOURCE);
                written.add(previous.getParent());
            }
        }
        return written;
    }

    /** Folders first, as a listing has them, then files; unchanged files linked to {@code previous}. */
    private static List<IndexEntry> tree(Path snapshot, Path previous, int k, int files) throws IOException {
        Path tree = Files.createDirectory(snapshot.resolve(SnapshotIndex.TREE));
        List<IndexEntry> index = new ArrayList<>(files + FOLDERS + 1);
        index.add(entry("/srv/" + SOURCE, EntryType.DIRECTORY, 4096, 0, null));
        for (int d = 0; d < FOLDERS; d++) {
            Files.createDirectories(tree.resolve(stored(folder(d))));
            index.add(entry(folder(d), EntryType.DIRECTORY, 4096, 0, null));
        }
        for (int f = 0; f < files; f++) {
            int version = f % 20 == k % 20 ? k : f % 20;
            String path = folder(f % FOLDERS) + "/file-" + f + ".jpg";
            byte[] content = ("file " + f + " version " + version + "\n").getBytes(StandardCharsets.UTF_8);
            Path copy = tree.resolve(stored(path));
            Path before = previous == null ? null : previous.resolve(SnapshotIndex.TREE).resolve(stored(path));
            if (before != null && version != k) {
                Files.createLink(copy, before);
            } else {
                Files.write(copy, content);
            }
            index.add(entry(path, EntryType.FILE, content.length, version, sha256(content)));
        }
        return index;
    }

    private static String folder(int d) {
        return "/srv/" + SOURCE + "/" + d;
    }

    private static String stored(String path) {
        return NameCodec.encodePath(RawPath.ofUtf8(path).relativeToRoot());
    }

    private static IndexEntry entry(String path, EntryType type, long size, int version, String sha) {
        return new IndexEntry(RawPath.ofUtf8(path), stored(path), type, type == EntryType.FILE ? 0644 : 0755, size,
                1_700_000_000L + version, 0, 1000, 1000, "www", "www", RawPath.ofUtf8(""), sha, null);
    }

    private static Manifest manifest(String id, Instant started, int entries, long bytes, String indexSha) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("files", entries);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("paths", List.of("/srv/" + SOURCE));
        Instant finished = started.plusSeconds(60);
        var entry = new Manifest.Entry(SOURCE, SourceKind.FILES.id(), settings, SOURCE, "none", bytes, bytes, indexSha,
                "find+tar", null, started, finished, stats);
        return new Manifest(Manifest.FORMAT, id, SERVER, "127.0.0.1", null, JOB, VAULT, started, finished, "bench",
                List.of(entry));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
