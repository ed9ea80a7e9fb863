package app.mamori.vault;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Writes into a file, and {@link #close()} means durable: it flushes, fsyncs and only then
 * closes the file.
 *
 * <p>A dump arrives in SSH packets of about 32 KiB; each goes to the kernel at once, while it
 * is still in the CPU cache (NIO copies it into a reused per-thread native buffer). Only
 * writes under {@value #DIRECT} bytes are gathered, in one small native buffer. A 1 MiB
 * {@code BufferedOutputStream} over a {@code FileOutputStream} (what this replaced) sent
 * every byte through two 1 MiB buffers, cold by the time the kernel copied them into the
 * page cache: a backup's client then took about 3.6 CPU seconds per GB instead of 1.9 on
 * the benchmark machine (docs/benchmarks.md).
 */
final class FileSink extends OutputStream {
    static final int BUFFER = 64 * 1024;
    /** Writes at least this long go to the kernel at once rather than through the buffer. */
    static final int DIRECT = 8 * 1024;

    private final FileChannel file;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
    private boolean closed;

    FileSink(FileChannel file) {
        this.file = file;
    }

    @Override
    public void write(int b) throws IOException {
        requireOpen();
        if (!buffer.hasRemaining()) {
            drain();
        }
        buffer.put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        requireOpen();
        if (len >= DIRECT || len > buffer.remaining()) {
            drain();
        }
        if (len >= DIRECT) {
            writeFully(ByteBuffer.wrap(b, off, len));
        } else {
            buffer.put(b, off, len);
        }
    }

    @Override
    public void flush() throws IOException {
        requireOpen();
        drain();
    }

    private void requireOpen() throws IOException {
        if (closed) {
            throw new IOException("the file is closed");
        }
    }

    /** Flushes, fsyncs, closes. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (file) {
            drain();
            file.force(true);
        }
    }

    /**
     * Gives the file up: closes it without writing what is buffered and without fsync, since
     * the caller deletes it. Later writes fail.
     */
    void abandon() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        buffer.clear();
        file.close();
    }

    private void drain() throws IOException {
        if (buffer.position() == 0) {
            return;
        }
        buffer.flip();
        writeFully(buffer);
        buffer.clear();
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            file.write(b);
        }
    }
}
