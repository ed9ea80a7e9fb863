package app.mamori.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FileSinkTest {
    @TempDir
    Path dir;

    @Test
    void keepsTheOrderOfSmallBufferedAndLargeDirectWrites() throws Exception {
        Random random = new Random(7);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Path file = dir.resolve("a.bin");
        FileSink sink = new FileSink(FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        // single bytes, pieces just under and over the direct-write size, pieces larger than
        // the buffer, and runs of small pieces that fill the buffer past its end
        int[] sizes = {1, 5, FileSink.DIRECT - 1, FileSink.DIRECT, 3, FileSink.BUFFER + 11, 700, 700,
                FileSink.BUFFER - 1, 32 * 1024 - 13, 1};
        for (int round = 0; round < 40; round++) {
            for (int size : sizes) {
                byte[] piece = new byte[size];
                random.nextBytes(piece);
                if (size == 1) {
                    sink.write(piece[0]);
                } else {
                    sink.write(piece, 0, size);
                }
                expected.write(piece);
            }
        }
        sink.close();
        sink.close(); // a second close is harmless

        assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());
    }

    @Test
    void anAbandonedSinkWritesNothingMoreAndRefusesWrites() throws Exception {
        Path file = dir.resolve("b.bin");
        FileSink sink = new FileSink(FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        sink.write(new byte[100], 0, 100); // buffered, never reaches the file

        sink.abandon();

        assertThat(Files.size(file)).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sink.write(new byte[1], 0, 1))
                .isInstanceOf(java.io.IOException.class);
    }
}
