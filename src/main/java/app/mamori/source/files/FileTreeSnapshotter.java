package app.mamori.source.files;

import app.mamori.model.Source;
import app.mamori.ssh.RemoteShell;
import app.mamori.util.CancelToken;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * Takes one incremental snapshot of a {@code files} source: list on the server, hard-link
 * what is unchanged since the previous snapshot, fetch the rest as one tar stream, write
 * the index last. The snapshot folder holds {@code tree/} (each root under its absolute
 * path) and {@link SnapshotIndex#FILE_NAME}.
 * <p>
 * Stored copies get their mode without setuid, setgid and sticky bits, and with the owner's
 * read and write (files) or rwx (directories) added: a vault must never hold a setuid
 * program, and the workstation user must be able to read, link and delete what it stored.
 * The true mode, owner and group are in the index for restores.
 * <p>
 * Roots are listed with {@code find -P}: a root that is itself a symlink is kept as the
 * symlink, as {@code rsync -a} does without a trailing slash. Files hard-linked to each other
 * on the server are stored as separate copies ({@code tar --hard-dereference}). Fifos,
 * sockets and devices are in the index only. Every fetched file is fsynced as it is written,
 * every folder of the snapshot (holding new names and hard links) once at the end, and the
 * index last: a committed point never holds a file the disk has not got.
 */
public final class FileTreeSnapshotter {
    private final RemoteShell shell;
    private final Executor executor;

    public FileTreeSnapshotter(RemoteShell shell) {
        this(shell, FileTreeSnapshotter::daemonThread);
    }

    /**
     * @param executor runs the remote tar while this thread reads its stream, and the steps that
     *                 overlap with others (reading the previous index, asking for owner names)
     */
    public FileTreeSnapshotter(RemoteShell shell, Executor executor) {
        this.shell = shell;
        this.executor = executor;
    }

    /**
     * @param previousSnapshotDir the last complete snapshot of this source, or null for a full copy
     * @param newSnapshotDir      an empty temp folder, renamed into place by the caller on success;
     *                            on failure it is emptied again before this throws
     */
    public SnapshotResult snapshot(Source.Files src, Path previousSnapshotDir, Path newSnapshotDir,
                                   SnapshotProgress progress, CancelToken cancel) throws IOException {
        List<String> roots = normalizeRoots(src.paths());
        ExcludeRules excludes = ExcludeRules.parse(src.excludes());
        progress = progress == null ? SnapshotProgress.none() : progress;
        cancel = cancel == null ? CancelToken.none() : cancel;
        if (previousSnapshotDir != null) {
            requireComplete(previousSnapshotDir);
        }
        Path tree = newSnapshotDir.resolve(SnapshotIndex.TREE);
        if (Files.exists(tree) || Files.exists(newSnapshotDir.resolve(SnapshotIndex.FILE_NAME))) {
            // cleaning up after a failure must never delete something this call did not write
            throw new IllegalArgumentException(newSnapshotDir + " already holds a snapshot; give an empty folder");
        }
        // Every remote command costs a round trip plus the login shell's start-up (a slow
        // ~/.bashrc adds seconds), so what does not depend on each other runs side by side:
        // the previous index is read while the server lists, and the owner names are asked
        // while unchanged files are linked and changed ones fetched. See docs/benchmarks.md.
        CompletableFuture<SnapshotIndex> previousIndex = previousSnapshotDir == null
                ? CompletableFuture.completedFuture(null)
                : async(() -> SnapshotIndex.read(previousSnapshotDir));
        try {
            Files.createDirectories(tree);
            TreeListing.Listing listing = TreeListing.list(shell, roots, excludes, progress, cancel);
            SnapshotIndex previous = await(previousIndex);
            final CancelToken token = cancel;
            CompletableFuture<OwnerNames> ownerNames = async(() -> OwnerNames.lookup(shell, listing.entries(), token));
            var run = new SnapshotRun(tree, previous, previousSnapshotDir, progress, cancel);
            run.build(listing.entries(), roots);
            TarFetcher.Outcome got = run.fetch(new TarFetcher(shell, executor, TarFetcher.COMMAND, true));
            List<String> warnings = new ArrayList<>(listing.warnings());
            warnings.addAll(got.warnings());
            warnings.addAll(run.warnings);
            OwnerNames names = await(ownerNames);
            List<IndexEntry> index = run.finish(got.fetched(), names);
            syncFolders(tree, run.folders());
            String sha = SnapshotIndex.write(newSnapshotDir, roots, index);
            return run.result(newSnapshotDir.resolve(SnapshotIndex.FILE_NAME), sha, index, warnings);
        } catch (IOException | RuntimeException e) {
            SnapshotFiles.deleteQuietly(tree);
            SnapshotFiles.deleteQuietly(newSnapshotDir.resolve(SnapshotIndex.FILE_NAME + ".tmp"));
            throw e;
        }
    }

    /** Makes every name in the snapshot durable (a file's own fsync does not cover its directory entry). */
    public static void syncDirectories(Path tree) throws IOException {
        if (!tree.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return; // Windows cannot open a directory to flush it; NTFS journals its names
        }
        Files.walkFileTree(tree, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dir,
                        java.nio.file.StandardOpenOption.READ)) {
                    ch.force(true);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * The same for the folders a snapshot made, several at a time: one after another, each
     * waited for its own journal commit (a second or more for 500 folders on a busy disk), and
     * walking the tree read every file's attributes on the way.
     */
    private static void syncFolders(Path tree, java.util.Collection<Path> folders) throws IOException {
        if (!tree.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try (FileSyncs syncs = new FileSyncs()) {
            for (Path folder : folders) {
                syncs.syncFolder(folder);
            }
            syncs.awaitAll();
        }
    }

    private interface IoTask<T> {
        T call() throws IOException;
    }

    /** Runs {@code task} on the executor; {@link #await} gives its result or rethrows its failure. */
    private <T> CompletableFuture<T> async(IoTask<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                f.complete(task.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }

    private static <T> T await(CompletableFuture<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while taking a snapshot");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(c);
        }
    }

    private static void requireComplete(Path dir) throws IOException {
        if (!Files.exists(dir.resolve(SnapshotIndex.FILE_NAME))) {
            throw new IOException("the previous snapshot " + dir + " has no " + SnapshotIndex.FILE_NAME
                    + ", so it is not complete; link against an earlier complete one, or take a full copy");
        }
    }

    /** Roots without trailing slashes; overlapping roots would store files twice, so they are refused. */
    static List<String> normalizeRoots(List<String> paths) {
        List<String> roots = new ArrayList<>();
        for (String p : paths) {
            String r = p.replaceAll("/+$", "");
            roots.add(r.isEmpty() ? "/" : r);
        }
        for (int i = 0; i < roots.size(); i++) {
            for (int j = 0; j < roots.size(); j++) {
                String a = roots.get(i);
                String b = roots.get(j);
                if (i != j && (a.equals(b) || b.startsWith(a.endsWith("/") ? a : a + "/"))) {
                    throw new IllegalArgumentException("--path: '" + b + "' is inside '" + a
                            + "'; give each directory once");
                }
            }
        }
        return roots;
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }

    private static void daemonThread(Runnable r) {
        Thread t = new Thread(r, "mamori-snapshot");
        t.setDaemon(true);
        t.start();
    }
}
