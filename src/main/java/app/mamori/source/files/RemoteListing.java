package app.mamori.source.files;

import app.mamori.ssh.ShellQuote;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * An OutputStream to hand to the exec as stdout: it calls {@code sink} for each complete entry.
     * An entry's fields collect in one growing array and its numbers are read from the bytes: a
     * copy, a String and a BigDecimal per field made this the costliest method for the JIT to
     * compile in a first copy (over a second of C2 time for 20,000 files).
     */
    static final class Parser extends OutputStream {
        private final Consumer<ListedEntry> sink;
        private final int[] ends = new int[FIELDS];
        private byte[] buf = new byte[1024];
        private int length;
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
                    append(b, start, i - start);
                    ends[index++] = length;
                    start = i + 1;
                    if (index == FIELDS) {
                        index = 0;
                        entries++;
                        sink.accept(toEntry());
                        length = 0;
                    }
                }
            }
            append(b, start, end - start);
        }

        private void append(byte[] b, int off, int len) {
            if (length + len > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + len));
            }
            System.arraycopy(b, off, buf, length, len);
            length += len;
        }

        /** Throws if the stream stopped inside an entry: a listing cut short must not pass as complete. */
        void finish() throws IOException {
            if (index != 0 || length != 0) {
                throw new IOException("the file listing from the server ended in the middle of an entry");
            }
        }

        long entries() {
            return entries;
        }

        private int from(int field) {
            return field == 0 ? 0 : ends[field - 1];
        }

        private ListedEntry toEntry() throws IOException {
            try {
                EntryType type = EntryType.ofCode(ends[0] == 0 ? '?' : (char) buf[0]);
                int mode = (int) number(1, 8);
                long size = number(2, 10);
                long[] mtime = seconds(from(3), ends[3]);
                RawPath root = raw(6);
                RawPath path = root.resolve(raw(7));
                RawPath target = type == EntryType.SYMLINK ? raw(8) : EMPTY;
                return new ListedEntry(type, mode, size, mtime[0], (int) mtime[1], number(4, 10), number(5, 10),
                        path, target);
            } catch (RuntimeException e) {
                throw new IOException("unreadable entry in the file listing from the server: "
                        + NameCodec.display(Arrays.copyOfRange(buf, from(7), ends[7])), e);
            }
        }

        private RawPath raw(int field) {
            return RawPath.ofBytes(buf, from(field), ends[field] - from(field));
        }

        /** A non-negative number in {@code radix} 8 or 10, digits only. */
        private long number(int field, int radix) {
            int at = from(field);
            int end = ends[field];
            if (at == end) {
                throw new NumberFormatException("an empty number");
            }
            long v = 0;
            for (; at < end; at++) {
                int d = buf[at] - '0';
                if (d < 0 || d >= radix || v > (Long.MAX_VALUE - d) / radix) {
                    throw new NumberFormatException("not a number: " + new String(buf, from(field),
                            end - from(field), StandardCharsets.ISO_8859_1));
                }
                v = v * radix + d;
            }
            return v;
        }

        /**
         * find's {@code %T@}, e.g. {@code 1700000000.1234567890} or {@code -1.2500000000}, as whole
         * seconds rounded down and the nanoseconds after them, digits past the ninth cut off.
         */
        private long[] seconds(int at, int end) {
            boolean negative = at < end && buf[at] == '-';
            int i = negative ? at + 1 : at;
            int dot = i;
            while (dot < end && buf[dot] != '.') {
                dot++;
            }
            if (dot == i) {
                throw new NumberFormatException("no seconds in the time");
            }
            long whole = 0;
            for (int k = i; k < dot; k++) {
                whole = Math.addExact(Math.multiplyExact(whole, 10), digit(buf[k]));
            }
            long nanos = 0;
            boolean beyond = false;
            for (int k = dot + 1, n = 0; k < end; k++, n++) {
                int d = digit(buf[k]);
                if (n < 9) {
                    nanos = nanos * 10 + d;
                } else {
                    beyond |= d != 0;
                }
            }
            for (int n = Math.max(0, end - dot - 1); n < 9; n++) {
                nanos *= 10;
            }
            if (!negative) {
                return new long[]{whole, nanos};
            }
            if (nanos == 0 && !beyond) {
                return new long[]{-whole, 0};
            }
            // -(w + f) = -(w + 1) + (1 - f): the nanoseconds after the second below, rounded down
            return new long[]{-whole - 1, 1_000_000_000L - nanos - (beyond ? 1 : 0)};
        }

        private static int digit(byte b) {
            int d = b - '0';
            if (d < 0 || d > 9) {
                throw new NumberFormatException("not a digit: " + (char) b);
            }
            return d;
        }
    }

    private static final RawPath EMPTY = RawPath.ofLatin1("");
}
