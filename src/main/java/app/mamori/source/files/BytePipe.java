package app.mamori.source.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Joins the shell, which pushes a command's stdout into an OutputStream, to the tar reader,
 * which pulls. Unlike {@link java.io.PipedInputStream} it copes with the writer being any
 * thread, and a failure on either side reaches the other: the reader sees the writer's
 * exception, the writer's next write fails once the reader gave up (which kills the command).
 * <p>
 * The writer copies into a fixed set of buffers that the reader hands back once read: a fresh
 * array per SSH packet made a first copy of 2 GiB allocate 2 GiB, and the young collections
 * and freshly touched heap pages showed in its CPU time.
 */
final class BytePipe {
    /** JSch's packet size (ChannelTuning): one packet fills one buffer. */
    private static final int BUFFER_BYTES = 32 * 1024;
    private static final int BUFFERS = 64;
    private static final Chunk EOF = new Chunk(0);

    private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(BUFFERS);
    private final AtomicInteger created = new AtomicInteger();
    private volatile boolean readerClosed;
    private volatile IOException writerFailure;

    /** A buffer and how much of it holds data. */
    private static final class Chunk {
        final byte[] data;
        int length;

        Chunk(int capacity) {
            data = new byte[capacity];
        }
    }

    final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                Chunk c = emptyChunk();
                int n = Math.min(len, c.data.length);
                System.arraycopy(b, off, c.data, 0, n);
                c.length = n;
                put(c);
                off += n;
                len -= n;
            }
        }

        @Override
        public void close() throws IOException {
            // EOF is sent by closeWriter(), after the command's exit status is known
        }
    };

    final InputStream in = new InputStream() {
        private Chunk current;
        private int pos;
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (current == null || pos == current.length) {
                if (ended) {
                    return -1;
                }
                if (current != null) {
                    free.offer(current);
                }
                current = take();
                pos = 0;
                if (current == EOF) {
                    ended = true;
                    if (writerFailure != null) {
                        throw writerFailure;
                    }
                    return -1;
                }
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current.data, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public void close() {
            readerClosed = true;
            chunks.clear();
        }
    };

    /** The writer is done; {@code failure} (or null) is what the reader sees at the end. */
    void closeWriter(IOException failure) {
        writerFailure = failure;
        try {
            putQuietly(EOF);
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A buffer the reader gave back, a new one while fewer than {@link #BUFFERS} exist, else waits for one. */
    private Chunk emptyChunk() throws IOException {
        Chunk c = free.poll();
        if (c != null) {
            return c;
        }
        if (created.getAndUpdate(n -> Math.min(n + 1, BUFFERS)) < BUFFERS) {
            return new Chunk(BUFFER_BYTES);
        }
        try {
            while (!readerClosed) {
                c = free.poll(100, TimeUnit.MILLISECONDS);
                if (c != null) {
                    return c;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while streaming");
        }
        throw new IOException("the reader of the stream stopped");
    }

    private void put(Chunk chunk) throws IOException {
        if (readerClosed) {
            throw new IOException("the reader of the stream stopped");
        }
        putQuietly(chunk);
        if (readerClosed) {
            throw new IOException("the reader of the stream stopped");
        }
    }

    private void putQuietly(Chunk chunk) throws InterruptedIOException {
        try {
            while (!readerClosed && !chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                // wait for room, but notice a reader that went away
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while streaming");
        }
    }

    private Chunk take() throws IOException {
        try {
            return chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while streaming");
        }
    }
}
