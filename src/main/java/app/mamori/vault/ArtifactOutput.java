package app.mamori.vault;

import com.github.luben.zstd.ZstdOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The stream a dump is written into: optional zstd compression, then hashing and counting of
 * the stored bytes, then the file. {@link #finish()} flushes and fsyncs; only then is the
 * file's content durable and its digest final. Not thread-safe: one writer.
 */
public final class ArtifactOutput extends OutputStream {
    private static final int ZSTD_LEVEL = 3;

    private final String name;
    private final FileSink sink;
    private final HashingOutputStream stored;
    private final OutputStream head;
    private final boolean compressed;
    private long rawCount;
    private StoredFile result;

    ArtifactOutput(Path path, boolean compress) throws IOException {
        this.name = path.getFileName().toString();
        this.sink = new FileSink(FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
        this.stored = new HashingOutputStream(sink);
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
        head.close(); // flushes the chain; FileSink fsyncs before the file is closed
        result = new StoredFile(name, stored.count(), stored.sha256Hex(), rawCount, compressed ? "zstd" : "none");
        return result;
    }

    @Override
    public void close() throws IOException {
        if (result == null) {
            // abandoned: the point folder is deleted by the caller, so nothing more is written or fsynced
            sink.abandon();
            if (compressed) {
                try {
                    head.close(); // frees zstd's native context; its last bytes go nowhere
                } catch (IOException ignored) {
                    // the sink refuses them, as it should
                }
            }
        }
    }
}
