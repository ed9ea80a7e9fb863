package app.mamori.source.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

// a broken pipe hangs its reader or writer: fail then rather than hang the suite
@Timeout(60)
class BytePipeTest {

    @Test
    void bytesFromAnotherThreadArriveExactlyThoughEveryBufferIsReusedManyTimes() throws Exception {
        byte[] sent = new byte[6 << 20]; // three times what the pipe's buffers hold together
        new Random(7).nextBytes(sent);
        BytePipe pipe = new BytePipe();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            Random sizes = new Random(8);
            try {
                for (int off = 0; off < sent.length; ) {
                    int n = Math.min(sent.length - off, 1 + sizes.nextInt(70_000)); // some span two buffers
                    pipe.out.write(sent, off, n);
                    off += n;
                }
                pipe.closeWriter(null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        var got = new ByteArrayOutputStream();
        byte[] buf = new byte[5000]; // reads end in the middle of buffers
        for (int n; (n = pipe.in.read(buf, 0, buf.length)) >= 0; ) {
            got.write(buf, 0, n);
        }
        writer.get(30, TimeUnit.SECONDS);
        assertThat(got.toByteArray()).isEqualTo(sent);
    }

    @Test
    void aWriterWaitingForABufferFailsOnceTheReaderCloses() throws Exception {
        BytePipe pipe = new BytePipe();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                pipe.out.write(new byte[8 << 20], 0, 8 << 20); // more than fits: waits for the reader
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Thread.sleep(200);
        assertThat(writer).isNotDone();
        pipe.in.close();
        assertThatThrownBy(() -> writer.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("the reader of the stream stopped");
    }

    @Test
    void theWritersFailureReachesTheReaderAfterTheDataSentBeforeIt() throws Exception {
        BytePipe pipe = new BytePipe();
        pipe.out.write(new byte[]{1, 2, 3}, 0, 3);
        pipe.closeWriter(new IOException("the connection was lost"));
        byte[] buf = new byte[10];
        assertThat(pipe.in.read(buf, 0, 10)).isEqualTo(3);
        assertThatThrownBy(() -> pipe.in.read(buf, 0, 10)).hasMessage("the connection was lost");
    }
}
