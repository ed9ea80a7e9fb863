package app.mamori.source.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TarReaderTest {
    private static final String LONG = "d".repeat(60) + "/" + "e".repeat(60) + "/" + "f".repeat(70) + ".txt";

    /** An entry as read: name bytes (Latin-1, so any byte survives), type flag, data. */
    private record Read(String name, char type, byte[] data, String link) {
    }

    private static List<Read> readAll(InputStream in) throws IOException {
        TarReader tar = new TarReader(in);
        List<Read> all = new ArrayList<>();
        while (tar.next()) {
            var data = new ByteArrayOutputStream();
            // every other entry is left unread: next() must skip its data
            if (tar.isRegularFile() && all.size() % 2 == 0) {
                long n = tar.transferData(data::write);
                assertThat(n).isEqualTo(tar.size());
            }
            all.add(new Read(new String(tar.name(), StandardCharsets.ISO_8859_1), (char) tar.type(),
                    data.toByteArray(), new String(tar.linkName(), StandardCharsets.ISO_8859_1)));
        }
        return all;
    }

    /** Odd names made by the shell (bytes a Java string cannot name), packed by the real tar as a fetch asks. */
    private static byte[] realTar(Path dir, String format, String names) throws Exception {
        String make = "set -e; cd " + dir + "; mkdir -p " + LONG.substring(0, LONG.lastIndexOf('/'))
                + "; head -c 70000 /dev/urandom > big; : > empty; printf 'x' > " + LONG
                + "; printf 'na\\nme' > \"$(printf 'new\\nline')\"; printf 'raw' > \"$(printf 'caf\\351')\""
                + "; ln -sf big link; ln -f big hard; mkdir -p sub; chmod 0750 sub";
        run(new ProcessBuilder("bash", "-c", make), null);
        return run(new ProcessBuilder("tar", "--create", "--file=-", "--directory=" + dir, "--format=" + format,
                "--null", "--verbatim-files-from", "--no-unquote", "--no-recursion", "--files-from=-"),
                names.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] run(ProcessBuilder pb, byte[] stdin) throws Exception {
        pb.environment().put("LC_ALL", "C");
        Process p = pb.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).as(String.join(" ", pb.command())).isZero();
        return out;
    }

    private static final String NAMES = "big\0empty\0" + LONG + "\0new\nline\0caf\u00e9\0link\0hard\0sub\0";

    @Test
    void readsWhatTheServersGnuTarWritesNamesAsExactBytes(@TempDir Path dir) throws Exception {
        byte[] stream = realTar(dir, "gnu", NAMES);
        List<Read> all = readAll(new ByteArrayInputStream(stream));

        assertThat(all).extracting(Read::name).containsExactly("big", "empty", LONG, "new\nline", "caf\u00e9",
                "link", "hard", "sub");
        assertThat(all).extracting(Read::type).containsExactly('0', '0', '0', '0', '0', '2', '1', '5');
        assertThat(all.get(0).data()).isEqualTo(java.nio.file.Files.readAllBytes(dir.resolve("big")));
        assertThat(all.get(2).data()).isEqualTo("x".getBytes(StandardCharsets.US_ASCII));
        assertThat(all.get(4).data()).isEqualTo("raw".getBytes(StandardCharsets.US_ASCII));
        assertThat(all.get(5).link()).isEqualTo("big");
        assertThat(all.get(6).link()).isEqualTo("big");
    }

    @Test
    void readsPaxAndUstarHeadersForLongNames(@TempDir Path dir) throws Exception {
        List<Read> pax = readAll(new ByteArrayInputStream(realTar(dir, "pax", "big\0" + LONG + "\0empty\0")));
        assertThat(pax).extracting(Read::name).containsExactly("big", LONG, "empty");

        // ustar splits a long name into its prefix field, at a slash
        String split = "d".repeat(60) + "/" + "e".repeat(60) + "/short";
        java.nio.file.Files.createDirectories(dir.resolve(split).getParent());
        java.nio.file.Files.writeString(dir.resolve(split), "s");
        List<Read> ustar = readAll(new ByteArrayInputStream(realTar(dir, "ustar", "empty\0" + split + "\0")));
        assertThat(ustar).extracting(Read::name).containsExactly("empty", split);
        assertThat(ustar.get(1).type()).isEqualTo('0');
    }

    @Test
    void aStreamCutShortIsRefusedWhereverItEnds(@TempDir Path dir) throws Exception {
        byte[] stream = realTar(dir, "gnu", NAMES);
        int end = lastHeaderEnd(stream);
        // inside the first file's data, inside a header, and after a whole entry but before the end marker
        for (int cut : new int[]{10_000, 512 + 70_000 + 200, end}) {
            byte[] part = Arrays.copyOf(stream, cut);
            assertThatThrownBy(() -> readAll(new ByteArrayInputStream(part)))
                    .as("cut at %d", cut).isInstanceOf(IOException.class).hasMessageContaining("cut short");
        }
    }

    /** Where the last entry ends: the start of tar's end marker of zero blocks. */
    private static int lastHeaderEnd(byte[] stream) {
        int at = stream.length - TarReader.BLOCK;
        while (at > 0 && isZero(stream, at - TarReader.BLOCK)) {
            at -= TarReader.BLOCK;
        }
        return at;
    }

    private static boolean isZero(byte[] b, int at) {
        for (int i = at; i < at + TarReader.BLOCK; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void readsCraftedHeadersWithBinarySizesLongNamesAndTinyReads() throws Exception {
        byte[] name = "a/\u00ff\u0001odd".getBytes(StandardCharsets.ISO_8859_1);
        byte[] data = new byte[1500];
        new Random(3).nextBytes(data);
        var out = new ByteArrayOutputStream();
        out.writeBytes(header("././@LongLink", 'L', name.length + 1, false));
        out.writeBytes(padded(Arrays.copyOf(name, name.length + 1)));
        out.writeBytes(header("a/trunc", '0', data.length, true)); // size in GNU base-256
        out.writeBytes(padded(data));
        out.write(new byte[1024], 0, 1024);
        // a reader that gets one to seven bytes at a time must see the same entries
        InputStream trickle = new ByteArrayInputStream(out.toByteArray()) {
            private final Random sizes = new Random(5);

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + sizes.nextInt(7)));
            }
        };
        TarReader tar = new TarReader(trickle);
        assertThat(tar.next()).isTrue();
        assertThat(tar.name()).isEqualTo(name);
        assertThat(tar.size()).isEqualTo(data.length);
        var got = new ByteArrayOutputStream();
        tar.transferData(got::write);
        assertThat(got.toByteArray()).isEqualTo(data);
        assertThat(tar.next()).isFalse();
    }

    @Test
    void refusesSparseFilesAndDamagedHeadersClearly() {
        var sparse = new ByteArrayOutputStream();
        sparse.writeBytes(header("holes", 'S', 0, false));
        sparse.write(new byte[1024], 0, 1024);
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(sparse.toByteArray())))
                .hasMessageContaining("holes").hasMessageContaining("sparse");

        byte[] damaged = header("file", '0', 0, false);
        damaged[0] = 'g';
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(damaged))).hasMessageContaining("damaged header");
    }

    /** A GNU tar header block with a correct checksum. */
    private static byte[] header(String name, char type, long size, boolean binarySize) {
        byte[] h = new byte[TarReader.BLOCK];
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(n, 0, h, 0, n.length);
        put(h, 100, "0000644\0");
        put(h, 108, "0000000\0");
        put(h, 116, "0000000\0");
        if (binarySize) {
            h[124] = (byte) 0x80;
            for (int i = 0; i < 8; i++) {
                h[135 - i] = (byte) (size >>> (8 * i));
            }
        } else {
            put(h, 124, String.format("%011o\0", size));
        }
        put(h, 136, "15000000000\0");
        h[156] = (byte) type;
        put(h, 257, "ustar  \0");
        put(h, 148, "        ");
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o\0 ", sum));
        return h;
    }

    private static void put(byte[] h, int at, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(b, 0, h, at, b.length);
    }

    private static byte[] padded(byte[] data) {
        return Arrays.copyOf(data, (data.length + TarReader.BLOCK - 1) / TarReader.BLOCK * TarReader.BLOCK);
    }
}
