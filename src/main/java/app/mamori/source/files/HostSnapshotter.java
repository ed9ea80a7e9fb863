package app.mamori.source.files;

import app.mamori.model.Source;
import app.mamori.ssh.Exec;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteShell;
import app.mamori.util.CancelToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes a snapshot of a {@code files} source into a vault folder on the same host (a backup
 * disk mounted on the server), with rsync run there and {@code --link-dest} to the previous
 * snapshot, so no file crosses the network. The folder has the layout of a local snapshot:
 * {@code tree/} with each root under its absolute path, and {@link SnapshotIndex#FILE_NAME}
 * in the same format, so restores and the catalogue read both kinds the same way.
 * <p>
 * The index is built from a listing of the new {@code tree/} (what was actually stored), each
 * path mapped back to its absolute path on the server. Files unchanged since the previous
 * index (same type, size, mode, mtime) keep its SHA-256; new and changed files are hashed on
 * the host.
 * <p>
 * <b>{@code stored}</b> holds the same text as in a local snapshot: the path below
 * {@code tree/} in {@link NameCodec} form. The host's tree keeps names raw, as rsync copied
 * them, so there a stored path stands for the bytes {@link NameCodec#decodeComponent} gives
 * for each component (for every valid name the stored text is the name itself). A reader
 * tells the two kinds apart by the vault the point is in (the manifest's method is
 * {@code rsync}); the index format and its header are unchanged, version 1.
 * <p>
 * rsync runs with {@code -a --numeric-ids}: the stored copies keep their true mode, and, when
 * the SSH user is root, their owner; the index records what the stored tree holds. The host
 * needs rsync, GNU find and coreutils. Excludes mean the same as for a local vault (see
 * {@link RsyncExcludes}); a vault inside a backed-up folder leaves its job folder out.
 */
public final class HostSnapshotter {
    private final RemoteShell shell;

    public HostSnapshotter(RemoteShell shell) {
        this.shell = shell;
    }

    /**
     * @param previousSnapshotDir on the host: the previous snapshot folder of this source (holding {@code tree/} and
     *                            the index), or null for a full copy
     * @param newSnapshotDir      on the host: an existing empty folder inside the point's temp folder
     * @param localIndex          where to leave a local copy of the index written to {@code newSnapshotDir}
     */
    public SnapshotResult snapshot(Source.Files src, String previousSnapshotDir, String newSnapshotDir, Path localIndex,
                                   SnapshotProgress progress, CancelToken cancel) throws IOException {
        List<String> roots = FileTreeSnapshotter.normalizeRoots(src.paths());
        progress = progress == null ? SnapshotProgress.none() : progress;
        cancel = cancel == null ? CancelToken.none() : cancel;
        String newDir = stripSlashes(newSnapshotDir);
        String previousDir = previousSnapshotDir == null ? null : stripSlashes(previousSnapshotDir);
        try {
            SnapshotIndex previous = previousDir == null ? null : downloadIndex(previousDir, localIndex, cancel);
            List<String> warnings = new ArrayList<>();
            for (String root : roots) {
                warnings.addAll(copy(root, newDir, previousDir, src.excludes(), cancel));
            }
            List<ListedEntry> listed = list(roots, newDir, progress, cancel);
            var counts = new Counts();
            List<IndexEntry> index = index(listed, previous, newDir, counts, progress, cancel);
            counts.countDeleted(previous, index);
            String sha = writeLocal(localIndex, roots, index);
            upload(localIndex, sha, newDir, cancel);
            return counts.result(localIndex, sha, index, warnings);
        } catch (IOException | RuntimeException e) {
            cleanUp(newDir, localIndex);
            if (e instanceof CancelToken.CancelledException || mentions(e, newDir)) {
                throw e;
            }
            throw new IOException("snapshot of " + String.join(", ", roots) + " into " + newDir
                    + " on the server failed: " + e.getMessage(), e);
        }
    }

    private SnapshotIndex downloadIndex(String previousDir, Path localIndex, CancelToken cancel) throws IOException {
        Path tmp = Files.createTempFile(localIndex.toAbsolutePath().getParent(), "previous-", ".jsonl.zst");
        try {
            ExecResult r;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                r = shell.exec(Exec.of(HostCommands.readPreviousIndex(previousDir)).stdout(out).cancel(cancel).build());
            }
            cancel.throwIfCancelled();
            if (!r.ok()) {
                throw new IOException("cannot read the previous snapshot's index " + previousDir + "/"
                        + SnapshotIndex.FILE_NAME + " on the server: " + r.lastStderrLine());
            }
            return SnapshotIndex.read(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private List<String> copy(String root, String newDir, String previousDir, List<String> excludes,
                              CancelToken cancel) throws IOException {
        ExecResult r = shell.exec(Exec.of(HostCommands.rsync(root, newDir, previousDir, excludes))
                .stderrLimit(1 << 20).cancel(cancel).build());
        cancel.throwIfCancelled();
        if (r.exitStatus() == HostCommands.RSYNC_VANISHED) {
            List<String> vanished = new ArrayList<>();
            for (String line : r.stderr().split("\n")) {
                if (line.strip().startsWith("file has vanished:")) {
                    vanished.add("vanished while rsync copied " + root + ": " + line.strip());
                }
            }
            return vanished.isEmpty() ? List.of("files vanished while rsync copied " + root) : vanished;
        }
        if (!r.ok()) {
            throw new IOException("rsync could not copy " + root + " into " + HostCommands.treeOf(newDir, root)
                    + " on the server (exit " + r.exitStatus() + "): " + mostTellingLine(r.stderr()));
        }
        return List.of();
    }

    /** rsync ends with a summary ("rsync error: ... (code 23)"); the line before it names the path and the cause. */
    static String mostTellingLine(String stderr) {
        String[] lines = stderr.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String l = lines[i].strip();
            if (!l.isEmpty() && !l.startsWith("rsync error:")) {
                return l;
            }
        }
        return lines.length == 0 || lines[lines.length - 1].isBlank() ? "no message" : lines[lines.length - 1].strip();
    }

    /** A root on the server and, as raw bytes, where the snapshot keeps it. */
    private record StoredRoot(RawPath original, String storedLatin1) {
    }

    /** Lists the stored roots and maps each path back to where it is on the server. */
    private List<ListedEntry> list(List<String> roots, String newDir, SnapshotProgress progress, CancelToken cancel)
            throws IOException {
        List<String> storedRoots = new ArrayList<>();
        List<StoredRoot> mapping = new ArrayList<>();
        for (String root : roots) {
            String stored = HostCommands.treeOf(newDir, root);
            storedRoots.add(stored);
            mapping.add(new StoredRoot(RawPath.ofUtf8(root), RawPath.ofUtf8(stored).latin1()));
        }
        List<ListedEntry> listed = new ArrayList<>();
        List<RawPath> unmapped = new ArrayList<>();
        var parser = new RemoteListing.Parser(e -> {
            ListedEntry mapped = mapBack(e, mapping);
            if (mapped == null) {
                unmapped.add(e.path());
            } else {
                listed.add(mapped);
            }
        });
        String command = RemoteListing.command(storedRoots, ExcludeRules.parse(List.of()));
        ExecResult r = shell.exec(Exec.of(command).stdout(parser).stderrLimit(1 << 20).cancel(cancel).build());
        cancel.throwIfCancelled();
        if (!r.ok()) {
            throw new IOException("listing the new snapshot " + newDir + " on the server failed: " + r.lastStderrLine());
        }
        parser.finish();
        if (!unmapped.isEmpty()) {
            throw new IOException("the listing of " + newDir + " holds a path outside its roots: " + unmapped.get(0));
        }
        progress.listed(listed.size());
        return listed;
    }

    private static ListedEntry mapBack(ListedEntry e, List<StoredRoot> mapping) {
        String path = e.path().latin1();
        for (StoredRoot m : mapping) {
            String stored = m.storedLatin1();
            if (path.equals(stored) || path.startsWith(stored + "/")) {
                RawPath below = RawPath.ofLatin1(path.substring(Math.min(path.length(), stored.length() + 1)));
                return new ListedEntry(e.type(), e.mode(), e.size(), e.mtimeSeconds(), e.mtimeNanos(), e.uid(), e.gid(),
                        m.original().resolve(below), e.linkTarget());
            }
        }
        return null;
    }

    private List<IndexEntry> index(List<ListedEntry> listed, SnapshotIndex previous, String newDir, Counts counts,
                                   SnapshotProgress progress, CancelToken cancel) throws IOException {
        Map<RawPath, String> carried = new HashMap<>();
        List<RawPath> toHash = new ArrayList<>();
        long hashBytes = 0;
        for (ListedEntry e : listed) {
            if (e.type() != EntryType.FILE) {
                continue;
            }
            IndexEntry before = previous == null ? null : previous.get(e.path());
            if (before != null && before.type() == EntryType.FILE && before.sha256() != null && e.sameAs(before)) {
                carried.put(e.path(), before.sha256());
                counts.unchanged++;
            } else {
                if (before == null || before.type() != EntryType.FILE) {
                    counts.added++;
                } else {
                    counts.changed++;
                }
                toHash.add(e.path().relativeToRoot());
                hashBytes += e.size();
            }
        }
        progress.linked(counts.unchanged);
        Map<RawPath, String> hashed = HostHashes.of(shell, newDir, toHash, cancel);
        // --numeric-ids keeps the server's ids in the copy, so the server's names are the right ones
        OwnerNames names = OwnerNames.lookup(shell, listed, cancel);
        progress.fetched(toHash.size(), hashBytes);
        List<IndexEntry> index = new ArrayList<>(listed.size());
        for (ListedEntry e : listed) {
            String sha = e.type() != EntryType.FILE ? null
                    : carried.containsKey(e.path()) ? carried.get(e.path()) : hashed.get(e.path().relativeToRoot());
            index.add(IndexEntry.of(e, names, NameCodec.encodePath(e.path().relativeToRoot()), e.size(), sha));
        }
        return index;
    }

    /** Writes the index next to {@code localIndex} and moves it there, so a half-written file never has its name. */
    private static String writeLocal(Path localIndex, List<String> roots, List<IndexEntry> index) throws IOException {
        Path dir = Files.createTempDirectory(localIndex.toAbsolutePath().getParent(), "index-");
        try {
            String sha = SnapshotIndex.write(dir, roots, index);
            Files.move(dir.resolve(SnapshotIndex.FILE_NAME), localIndex, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return sha;
        } finally {
            SnapshotFiles.deleteQuietly(dir);
        }
    }

    private void upload(Path localIndex, String sha, String newDir, CancelToken cancel) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        ExecResult r;
        try (InputStream in = Files.newInputStream(localIndex)) {
            r = shell.exec(Exec.of(HostCommands.writeIndex(newDir)).stdin(in).stdout(out).cancel(cancel).build());
        }
        cancel.throwIfCancelled();
        if (!r.ok()) {
            throw new IOException("cannot write the index " + newDir + "/" + SnapshotIndex.FILE_NAME
                    + " on the server: " + r.lastStderrLine());
        }
        String written = out.toString(StandardCharsets.US_ASCII).strip().split("\\s+")[0];
        if (!written.equals(sha)) {
            throw new IOException("the index written to " + newDir + "/" + SnapshotIndex.FILE_NAME
                    + " on the server does not match the one sent (SHA-256 " + written + ", expected " + sha + ")");
        }
    }

    /** Best effort, and deliberately not cancellable: it runs after a cancel too. */
    private void cleanUp(String newDir, Path localIndex) {
        try {
            shell.exec(Exec.of(HostCommands.cleanUp(newDir)).build());
        } catch (IOException | RuntimeException ignored) {
            // the caller removes the whole temp point, and without an index nothing looks complete
        }
        try {
            Files.deleteIfExists(localIndex);
        } catch (IOException ignored) {
            // a temp file of the caller's
        }
    }

    private static boolean mentions(Throwable e, String newDir) {
        return e.getMessage() != null && e.getMessage().contains(newDir);
    }

    private static String stripSlashes(String dir) {
        String d = dir.replaceAll("/+$", "");
        return d.isEmpty() ? "/" : d;
    }

    /** Regular-file counts of one snapshot. */
    private static final class Counts {
        long added;
        long changed;
        long unchanged;
        long deleted;

        void countDeleted(SnapshotIndex previous, List<IndexEntry> index) {
            if (previous == null) {
                return;
            }
            Set<RawPath> now = new HashSet<>();
            index.stream().filter(e -> e.type() == EntryType.FILE).forEach(e -> now.add(e.path()));
            deleted = previous.entries().stream().filter(e -> e.type() == EntryType.FILE && !now.contains(e.path()))
                    .count();
        }

        SnapshotResult result(Path indexFile, String sha, List<IndexEntry> index, List<String> warnings) {
            long files = index.stream().filter(e -> e.type() == EntryType.FILE).count();
            long bytes = index.stream().filter(e -> e.type() == EntryType.FILE).mapToLong(IndexEntry::size).sum();
            return new SnapshotResult(indexFile, sha, bytes, files, added, changed, unchanged, deleted,
                    List.copyOf(warnings));
        }
    }
}
