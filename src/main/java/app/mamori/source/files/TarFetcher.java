package app.mamori.source.files;

import app.mamori.ssh.Exec;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.ShellQuote;
import app.mamori.util.CancelToken;
import app.mamori.util.NativeCrypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * Fetches a set of files as one tar stream and writes each into the snapshot, hashing as it
 * writes. The file list travels on the command's stdin, NUL-separated, so no name ever
 * reaches a command line. One instance per snapshot: it reuses its buffer and digest.
 */
final class TarFetcher {
    /** GNU tar, names verbatim and raw ({@code --format=gnu} never re-encodes them as PAX UTF-8). */
    static final String COMMAND = "LC_ALL=C " + ShellQuote.command("tar", "--create", "--file=-", "--directory=/",
            "--format=gnu", "--null", "--verbatim-files-from", "--no-unquote", "--no-recursion",
            "--hard-dereference", "--files-from=-");
    private static final int STDERR_LIMIT = 1 << 20;
    private static final Set<StandardOpenOption> CREATE_NEW = EnumSet.of(StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);

    /** One file to fetch and where it goes. */
    record Wanted(ListedEntry entry, Path target) {
    }

    /** A file written into the snapshot. */
    record Fetched(long size, String sha256) {
    }

    record Outcome(Map<RawPath, Fetched> fetched, List<String> warnings) {
    }

    private final RemoteShell shell;
    private final Executor executor;
    private final String command;
    private final boolean storeListedMetadata;
    // Reused for every file: tens of thousands of small files must not each look up a digest.
    private final MessageDigest sha = NativeCrypto.sha256();
    private FileSyncs syncs;

    TarFetcher(RemoteShell shell, Executor executor, String command) {
        this(shell, executor, command, false);
    }

    /**
     * @param storeListedMetadata give each written file its listed entry's stored mode and mtime
     *                            ({@link SnapshotFiles#applyMetadata}) before it is flushed
     */
    TarFetcher(RemoteShell shell, Executor executor, String command, boolean storeListedMetadata) {
        this.shell = shell;
        this.executor = executor;
        this.command = command;
        this.storeListedMetadata = storeListedMetadata;
    }

    /**
     * Fetches {@code wanted}; a file missing from the stream because it vanished is left out of
     * the result (with a warning), any other remote error throws.
     */
    Outcome fetch(List<Wanted> wanted, SnapshotProgress progress, CancelToken cancel) throws IOException {
        Map<RawPath, Wanted> byName = new HashMap<>();
        var list = new ByteArrayOutputStream();
        for (Wanted w : wanted) {
            RawPath name = w.entry().path().relativeToRoot();
            byName.put(name, w);
            list.writeBytes(name.bytes());
            list.write(0);
        }
        BytePipe pipe = new BytePipe();
        CompletableFuture<ExecResult> remote = new CompletableFuture<>();
        Exec exec = Exec.of(command).stdin(new ByteArrayInputStream(list.toByteArray())).stdout(pipe.out)
                .stderrLimit(STDERR_LIMIT).cancel(cancel).build();
        executor.execute(() -> {
            try {
                remote.complete(shell.exec(exec));
                pipe.closeWriter(null);
            } catch (IOException e) {
                pipe.closeWriter(e);
                remote.completeExceptionally(e);
            } catch (RuntimeException | Error e) {
                pipe.closeWriter(new IOException(e));
                remote.completeExceptionally(e);
            }
        });
        Map<RawPath, Fetched> fetched = new HashMap<>();
        List<String> warnings = new java.util.ArrayList<>();
        try (FileSyncs flushes = new FileSyncs()) {
            syncs = flushes;
            Outcome outcome = receive(pipe, remote, wanted, byName, fetched, warnings, progress, cancel);
            flushes.awaitAll();
            return outcome;
        } finally {
            syncs = null;
        }
    }

    private Outcome receive(BytePipe pipe, CompletableFuture<ExecResult> remote, List<Wanted> wanted,
                            Map<RawPath, Wanted> byName, Map<RawPath, Fetched> fetched, List<String> warnings,
                            SnapshotProgress progress, CancelToken cancel) throws IOException {
        try (InputStream in = pipe.in) {
            try {
                readArchive(in, byName, fetched, warnings, progress, cancel);
                // tar pads its end beyond what the reader needs; the writer must not block on it
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException | RuntimeException e) {
                in.close();
                ExecResult r = awaitQuietly(remote);
                cancel.throwIfCancelled();
                // A tar that failed explains a cut archive better than the reader's complaint does.
                if (r != null && !r.ok()) {
                    RemoteErrors.Verdict v = RemoteErrors.judge("fetching files", r, List.of());
                    if (v.failed()) {
                        throw new IOException(v.failure(), e);
                    }
                }
                throw e;
            }
        }
        ExecResult result = await(remote);
        cancel.throwIfCancelled();
        RemoteErrors.Verdict verdict = RemoteErrors.judge("fetching files", result, List.of());
        if (verdict.failed()) {
            throw new IOException(verdict.failure());
        }
        warnings.addAll(verdict.warnings());
        for (Wanted w : wanted) {
            // still expected means tar never sent it; sent but not a file was warned about already
            if (byName.containsKey(w.entry().path().relativeToRoot())) {
                if (result.ok()) {
                    throw new IOException("tar succeeded but did not send " + w.entry().path());
                }
                warnings.add("not in the snapshot, it vanished from the server: " + w.entry().path());
            }
        }
        return new Outcome(fetched, warnings);
    }

    private void readArchive(InputStream in, Map<RawPath, Wanted> byName, Map<RawPath, Fetched> fetched,
                             List<String> warnings, SnapshotProgress progress, CancelToken cancel)
            throws IOException {
        TarReader tar = new TarReader(in);
        long files = 0;
        long bytes = 0;
        while (tar.next()) {
            cancel.throwIfCancelled();
            // a pax path is UTF-8 by definition, and GNU tar's names are the bytes themselves: both compare as bytes
            Wanted w = byName.remove(RawPath.ofBytes(tar.name()));
            if (w == null) {
                throw new IOException("the server's tar sent an entry that was not asked for: "
                        + NameCodec.display(tar.name()));
            }
            if (!tar.isRegularFile()) {
                warnings.add("not in the snapshot, it stopped being a regular file after the listing: "
                        + w.entry().path());
                continue;
            }
            Fetched f = write(tar, w);
            fetched.put(w.entry().path(), f);
            files++;
            bytes += f.size();
            progress.fetched(files, bytes);
        }
    }

    private Fetched write(TarReader tar, Wanted wanted) throws IOException {
        Path target = wanted.target();
        sha.reset();
        FileChannel out = FileChannel.open(target, CREATE_NEW);
        long size;
        try {
            size = tar.transferData((b, off, len) -> {
                sha.update(b, off, len);
                ByteBuffer slice = ByteBuffer.wrap(b, off, len);
                while (slice.hasRemaining()) {
                    out.write(slice);
                }
            });
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
        // data and size on disk before the point can be committed: a power cut must not leave a
        // committed snapshot holding empty files (the directories are synced at the end); the
        // flushing thread closes the file, so it is opened once
        syncs.sync(target, out, storeListedMetadata ? wanted.entry() : null);
        return new Fetched(size, HexFormat.of().formatHex(sha.digest()));
    }

    private static ExecResult await(CompletableFuture<ExecResult> remote) throws IOException {
        try {
            return remote.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted waiting for tar");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("fetching files failed: " + e.getCause(), e.getCause());
        }
    }

    private static ExecResult awaitQuietly(CompletableFuture<ExecResult> remote) {
        try {
            return remote.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ignored) {
            // the reader's own failure is the one to report
        }
        return null;
    }
}
