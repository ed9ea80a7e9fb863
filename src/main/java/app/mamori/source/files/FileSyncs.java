package app.mamori.source.files;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Flushes written files to disk (fdatasync) on a few threads of its own while the fetch goes on,
 * and {@link #awaitAll} before the snapshot's index may be written. One synchronous flush per
 * file on the fetching thread made a first copy of 20,000 files six times as slow as rsync;
 * flushes in flight together also let the file system commit its journal once for many.
 * A snapshot's stored mode and mtime are set here too, just before the flush: done one file
 * after another once the stream had ended, they were two system calls per file on the one
 * thread every first copy waits for. The snapshot's folders are flushed here too, at the end,
 * several at a time.
 * <p>
 * Each file comes still open from its writer and is closed here once flushed, so it is opened
 * once, not three times; at most {@link #IN_FLIGHT} wait at a time, which bounds the open
 * files and lets the writer wait for the disk rather than run ahead of it without limit.
 */
final class FileSyncs implements AutoCloseable {
    private static final int THREADS = 4;
    private static final int IN_FLIGHT = 256;
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "mamori-fsync");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore room = new Semaphore(IN_FLIGHT);
    private final AtomicReference<IOException> failure = new AtomicReference<>();

    /** One file to flush; it owns the open channel until it has run or been abandoned. */
    private final class Flush implements Runnable {
        private final Path file;
        private final FileChannel channel;
        private final ListedEntry listed;

        Flush(Path file, FileChannel channel, ListedEntry listed) {
            this.file = file;
            this.channel = channel;
            this.listed = listed;
        }

        @Override
        public void run() {
            try (FileChannel ch = channel != null ? channel : FileChannel.open(file, StandardOpenOption.READ)) {
                if (channel == null) {
                    ch.force(true); // a folder: its names and the metadata given to it
                } else if (failure.get() == null) {
                    if (listed != null) {
                        SnapshotFiles.applyFetchedMetadata(file, listed);
                    }
                    channel.force(false);
                }
            } catch (IOException | UncheckedIOException e) {
                failure.compareAndSet(null, new IOException("cannot flush " + file + " to disk: " + e.getMessage(), e));
            } catch (RuntimeException e) {
                failure.compareAndSet(null, new IOException("cannot flush " + file + " to disk: " + e, e));
            } finally {
                room.release();
            }
        }

        void abandon() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // the snapshot already failed; its folder is removed
            } finally {
                room.release();
            }
        }
    }

    /**
     * Flushes {@code file}, written through {@code channel}, and closes the channel; with
     * {@code listed}, first gives the file that entry's stored mode and mtime. The channel is
     * this object's from here on, also when this throws.
     */
    void sync(Path file, FileChannel channel, ListedEntry listed) throws IOException {
        try {
            room.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.close();
            throw new InterruptedIOException("interrupted while flushing the snapshot to disk");
        }
        submit(new Flush(file, channel, listed));
    }

    private void submit(Flush flush) throws IOException {
        IOException failed = failure.get();
        if (failed != null) {
            flush.abandon();
            throw failed;
        }
        try {
            pool.execute(flush);
        } catch (RejectedExecutionException e) {
            flush.abandon();
            throw new IOException("cannot flush " + flush.file + " to disk: the snapshot was stopped", e);
        }
    }

    /** Flushes a folder (its names) beside the other flushes. */
    void syncFolder(Path folder) throws IOException {
        try {
            room.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while flushing the snapshot to disk");
        }
        submit(new Flush(folder, null, null));
    }

    /** Waits for every flush asked for; throws the first failure. */
    void awaitAll() throws IOException {
        try {
            room.acquire(IN_FLIGHT);
            room.release(IN_FLIGHT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while flushing the snapshot to disk");
        }
        IOException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
    }

    @Override
    public void close() {
        for (Runnable never : pool.shutdownNow()) {
            ((Flush) never).abandon();
        }
    }
}
