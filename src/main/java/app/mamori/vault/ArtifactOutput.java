package app.mamori.vault;

import com.github.luben.zstd.ZstdOutputStream;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The stream a dump is written into: optional zstd compression, then hashing and counting of
 * the stored bytes, then the file. {@link #finish()} flushes and fsyncs; only then is the
 * file's content durable and its digest final. Not thread-safe: one writer.
 */
public final class ArtifactOutput extends OutputStream {
    private static final int BUFFER = 1 << 20;
    private static final int ZSTD_LEVEL = 3;

    private final String name;
    private final FileOutputStream file;
    private final HashingOutputStream stored;
    private final OutputStream head;
    private final boolean compressed;
    private long rawCount;
    private StoredFile result;

    ArtifactOutput(Path path, boolean compress) throws IOException {
        this.name = path.getFileName().toString();
        this.file = new FileOutputStream(path.toFile());
        this.stored = new HashingOutputStream(new BufferedOutputStream(new SyncOnClose(file), BUFFER));
        this.compressed = compress;
        this.head = compress ? new ZstdOutputStream(stored, ZSTD_LEVEL) : stored;
    }

    @Override
    public void write(int b) throws IOException {
        head.write(b);
        rawCount++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        head.write(b, off, len);
        rawCount += len;
    }

    /** Bytes received so far (before compression): what progress shows. */
    public long rawCount() {
        return rawCount;
    }

    /** Ends the stream: flush, fsync, close. Returns what was stored. */
    public StoredFile finish() throws IOException {
        if (result != null) {
            return result;
        }
        head.close(); // flushes the chain; SyncOnClose fsyncs before the file is closed
        result = new StoredFile(name, stored.count(), stored.sha256Hex(), rawCount, compressed ? "zstd" : "none");
        return result;
    }

    @Override
    public void close() throws IOException {
        if (result == null) {
            // abandoned: the point folder is deleted by the caller
            try {
                head.close();
            } catch (IOException ignored) {
                // the file is going away anyway
            }
        }
    }

    /** Makes close() mean "durable": fsync the data before closing the descriptor. */
    private static final class SyncOnClose extends java.io.FilterOutputStream {
        private final FileOutputStream file;
        private boolean closed;

        SyncOnClose(FileOutputStream file) {
            super(file);
            this.file = file;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            file.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try (file) {
                file.getChannel().force(true);
            }
        }
    }
}
