package app.mamori.source.files;

import app.mamori.ssh.Exec;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.ShellQuote;
import app.mamori.util.CancelToken;
import app.mamori.util.NativeCrypto;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A files snapshot kept in a vault on a server, restored onto this computer: its index is
 * read from there and checked against the SHA-256 the point recorded, the chosen files come
 * in one tar stream (names on stdin, never on a command line) into a staging folder beside
 * the target, each checked against its SHA-256 in the index, and only then is the target
 * written, by {@link LocalTreeRestore} as from a local vault. The staging folder is always
 * removed.
 */
public final class HostTreeFetch {
    private HostTreeFetch() {
    }

    /**
     * @param snapshotDir on the server: the snapshot folder (holding {@code tree/} and the index)
     * @param indexSha256 the index's SHA-256 as the point recorded it
     * @param target      on this computer: a new or empty folder
     */
    public static LocalTreeRestore.Written toLocal(RemoteShell shell, String snapshotDir, String indexSha256,
                                                   Predicate<RawPath> selected, Path target, CancelToken cancel)
            throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Path parent = root.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, ".mamori-fetch-");
        try {
            SnapshotIndex index = readIndex(shell, snapshotDir, indexSha256, staging.resolve(SnapshotIndex.FILE_NAME),
                    cancel);
            fetch(shell, snapshotDir, index, selected, staging, cancel);
            return LocalTreeRestore.write(staging, index, selected, root);
        } finally {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                System.getLogger(HostTreeFetch.class.getName()).log(System.Logger.Level.WARNING,
                        "could not remove the staging folder " + staging, e);
            }
        }
    }

    /**
     * A snapshot's index read from a vault on the server into {@code file} here, and refused
     * unless it has the SHA-256 the point recorded. Restores to this computer and drills use it.
     */
    public static SnapshotIndex readIndex(RemoteShell shell, String snapshotDir, String sha256, Path file,
                                          CancelToken cancel) throws IOException {
        String remote = snapshotDir + "/" + SnapshotIndex.FILE_NAME;
        ExecResult r;
        try (OutputStream out = Files.newOutputStream(file)) {
            r = shell.exec(Exec.of(HostSnapshotCheck.readIndex(snapshotDir)).stdout(out).cancel(cancel).build());
        }
        cancel.throwIfCancelled();
        if (!r.ok()) {
            throw new IOException("cannot read the snapshot's index " + remote + " on the server: " + r.lastStderrLine());
        }
        String got = sha256Of(file);
        if (!got.equalsIgnoreCase(sha256)) {
            throw new IOException("the snapshot's index " + remote + " does not match its SHA-256 (recorded " + sha256
                    + ", read " + got + "); it was not used");
        }
        return SnapshotIndex.read(file);
    }

    /**
     * The chosen files of a snapshot in a vault on the server, in one tar stream, into
     * {@code staging/tree/} here, each checked against its SHA-256 in the index. An offsite copy
     * fetches only the content its bucket lacks this way.
     */
    public static void fetch(RemoteShell shell, String snapshotDir, SnapshotIndex index, Predicate<RawPath> selected,
                             Path staging, CancelToken cancel) throws IOException {
        Path tree = staging.resolve(SnapshotIndex.TREE);
        List<TarFetcher.Wanted> wanted = new ArrayList<>();
        Map<RawPath, IndexEntry> byStored = new java.util.HashMap<>();
        for (IndexEntry e : index.entries()) {
            if (e.type() != EntryType.FILE || e.stored().isEmpty() || !selected.test(e.path())) {
                continue;
            }
            // on the server the stored text stands for raw bytes, component by component (HostSnapshotter)
            RawPath rooted = RawPath.ofLatin1(""); // becomes "/a/b": tar is asked for "a/b" in tree/
            for (String component : e.stored().split("/")) {
                rooted = rooted.resolve(RawPath.ofBytes(NameCodec.decodeComponent(component)));
            }
            Path to = LocalTreeRestore.inside(tree, e.stored());
            Files.createDirectories(to.getParent());
            wanted.add(new TarFetcher.Wanted(new ListedEntry(EntryType.FILE, e.mode(), e.size(), e.mtimeSeconds(),
                    e.mtimeNanos(), e.uid(), e.gid(), rooted, null), to));
            byStored.put(rooted, e);
        }
        if (wanted.isEmpty()) {
            return;
        }
        String command = "LC_ALL=C " + ShellQuote.command("tar", "--create", "--file=-",
                "--directory=" + snapshotDir + "/" + SnapshotIndex.TREE, "--format=gnu", "--null",
                "--verbatim-files-from", "--no-unquote", "--no-recursion", "--hard-dereference", "--files-from=-");
        TarFetcher.Outcome got = new TarFetcher(shell, r -> {
            Thread t = new Thread(r, "mamori-fetch");
            t.setDaemon(true);
            t.start();
        }, command).fetch(wanted, SnapshotProgress.none(), cancel);
        for (Map.Entry<RawPath, IndexEntry> w : byStored.entrySet()) {
            TarFetcher.Fetched f = got.fetched().get(w.getKey());
            IndexEntry e = w.getValue();
            if (f == null) {
                throw new IOException("the server did not send " + NameCodec.display(e.path().bytes())
                        + " from the snapshot; nothing was restored");
            }
            if (e.sha256() != null && !e.sha256().equalsIgnoreCase(f.sha256())) {
                throw new IOException(NameCodec.display(e.path().bytes()) + " in the snapshot on the server does not"
                        + " match its SHA-256 in the index; nothing was restored");
            }
        }
    }

    private static String sha256Of(Path file) throws IOException {
        java.security.MessageDigest md = NativeCrypto.sha256();
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
