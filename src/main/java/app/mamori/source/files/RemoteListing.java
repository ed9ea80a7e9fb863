package app.mamori.source.files;

import app.mamori.ssh.ShellQuote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Lists trees on the server with one GNU {@code find} and parses its output as it streams in.
 * Every field ends with a NUL, the one byte no path can hold, so names with newlines or any
 * other bytes come through exactly; the stream is parsed as bytes, never decoded as text.
 */
final class RemoteListing {
    // type, mode, size, mtime, uid, gid, start point, path below it, symlink target. No %u/%g:
    // find looks the names up per file (1.5 s per 20,000 files here); OwnerNames asks once per id.
    private static final String FORMAT = "%y\\0%m\\0%s\\0%T@\\0%U\\0%G\\0%H\\0%P\\0%l\\0";
    private static final int FIELDS = 9;

    private RemoteListing() {
    }

    /**
     * The listing command. {@code LC_ALL=C} makes globs match bytes and keeps messages in English,
     * which {@link RemoteErrors} reads.
     */
    static String command(List<String> roots, ExcludeRules excludes) {
        List<String> words = new ArrayList<>(List.of("find", "-P"));
        for (String root : roots) {
            // A root starting with '-' would be read as an option; roots are absolute, so never.
            words.add(root);
        }
        List<String> prune = excludes.findPredicate(roots);
        if (!prune.isEmpty()) {
            words.addAll(prune);
            words.addAll(List.of("-prune", "-o"));
        }
        words.addAll(List.of("-printf", FORMAT));
        return "LC_ALL=C " + ShellQuote.command(words);
    }

    /** An OutputStream to hand to the exec as stdout: it calls {@code sink} for each complete entry. */
    static final class Parser extends OutputStream {
        private final Consumer<ListedEntry> sink;
        private final byte[][] fields = new byte[FIELDS][];
        private final ByteArrayOutputStream field = new ByteArrayOutputStream(256);
        private int index;
        private long entries;

        Parser(Consumer<ListedEntry> sink) {
            this.sink = sink;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int start = off;
            int end = off + len;
            for (int i = off; i < end; i++) {
                if (b[i] == 0) {
                    field.write(b, start, i - start);
                    endField();
                    start = i + 1;
                }
            }
            field.write(b, start, end - start);
        }

        private void endField() throws IOException {
            fields[index++] = field.toByteArray();
            field.reset();
            if (index == FIELDS) {
                index = 0;
                entries++;
                sink.accept(toEntry());
            }
        }

        /** Throws if the stream stopped inside an entry: a listing cut short must not pass as complete. */
        void finish() throws IOException {
            if (index != 0 || field.size() != 0) {
                throw new IOException("the file listing from the server ended in the middle of an entry");
            }
        }

        long entries() {
            return entries;
        }

        private ListedEntry toEntry() throws IOException {
            try {
                EntryType type = EntryType.ofCode(text(0).isEmpty() ? '?' : text(0).charAt(0));
                int mode = Integer.parseInt(text(1), 8);
                long size = Long.parseLong(text(2));
                BigDecimal mtime = new BigDecimal(text(3));
                BigDecimal seconds = mtime.setScale(0, RoundingMode.FLOOR);
                int nanos = mtime.subtract(seconds).movePointRight(9).setScale(0, RoundingMode.DOWN).intValueExact();
                RawPath root = RawPath.ofBytes(fields[6]);
                RawPath path = root.resolve(RawPath.ofBytes(fields[7]));
                RawPath target = type == EntryType.SYMLINK ? RawPath.ofBytes(fields[8]) : RawPath.ofBytes(new byte[0]);
                return new ListedEntry(type, mode, size, seconds.longValueExact(), nanos,
                        Long.parseLong(text(4)), Long.parseLong(text(5)), path, target);
            } catch (RuntimeException e) {
                throw new IOException("unreadable entry in the file listing from the server: "
                        + NameCodec.display(fields[7] == null ? new byte[0] : fields[7]), e);
            }
        }

        // Only numbers go through here; paths never do.
        private String text(int i) {
            return new String(fields[i], StandardCharsets.UTF_8);
        }
    }
}
