package app.mamori.source.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Joins the shell, which pushes a command's stdout into an OutputStream, to the tar reader,
 * which pulls. Unlike {@link java.io.PipedInputStream} it copes with the writer being any
 * thread, and a failure on either side reaches the other: the reader sees the writer's
 * exception, the writer's next write fails once the reader gave up (which kills the command).
 */
final class BytePipe {
    private static final byte[] EOF = new byte[0];
    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(64);
    private volatile boolean readerClosed;
    private volatile IOException writerFailure;

    final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > 0) {
                put(java.util.Arrays.copyOfRange(b, off, off + len));
            }
        }

        @Override
        public void close() throws IOException {
            // EOF is sent by closeWriter(), after the command's exit status is known
        }
    };

    final InputStream in = new InputStream() {
        private byte[] current = EOF;
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
            while (pos == current.length) {
                if (ended) {
                    return -1;
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
            System.arraycopy(current, pos, b, off, n);
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

    private void put(byte[] chunk) throws IOException {
        if (readerClosed) {
            throw new IOException("the reader of the stream stopped");
        }
        putQuietly(chunk);
        if (readerClosed) {
            throw new IOException("the reader of the stream stopped");
        }
    }

    private void putQuietly(byte[] chunk) throws InterruptedIOException {
        try {
            while (!readerClosed && !chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                // wait for room, but notice a reader that went away
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while streaming");
        }
    }

    private byte[] take() throws IOException {
        try {
            return chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while streaming");
        }
    }
}
