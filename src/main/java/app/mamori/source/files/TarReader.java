package app.mamori.source.files;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the tar stream the server's GNU tar writes for a fetch ({@code --format=gnu}): ustar
 * headers, GNU long names and long link names ({@code L}, {@code K}), and pax headers
 * ({@code x}, {@code g}) for a tar that writes them; names come back as their exact bytes. A
 * sparse or multi-volume entry, a damaged header or a stream that ends before tar's end marker
 * is refused with an exception that says so.
 * <p>
 * Written for one stream of tens of thousands of small files: the entry's data is handed out
 * as slices of one reused buffer, nothing is allocated per entry but its name, and nothing is
 * zero-filled (commons-compress's reader cleared a scratch buffer twice per entry, the largest
 * Java cost of a first copy of many small files).
 */
final class TarReader {
    static final int BLOCK = 512;
    private static final int MAX_META = 1 << 20;
    private static final byte[] USTAR = {'u', 's', 't', 'a', 'r', 0};

    /** Receives an entry's data, one slice of the reader's buffer at a time. */
    interface Sink {
        void accept(byte[] b, int off, int len) throws IOException;
    }

    private final InputStream in;
    private final byte[] buf = new byte[128 * 1024];
    private int pos;
    private int limit;
    private long offset;
    private long remaining;
    private int padding;
    private boolean ended;

    private byte[] name;
    private byte[] linkName;
    private byte type;
    private long size;
    private int mode;

    TarReader(InputStream in) {
        this.in = in;
    }

    /** The current entry's name, its exact bytes (a fresh array per entry). */
    byte[] name() {
        return name;
    }

    /** A hard link's or symlink's target, its exact bytes; empty for other entries. */
    byte[] linkName() {
        return linkName;
    }

    /** The entry's type flag as tar writes it: '0' a file, '5' a directory, '2' a symlink... */
    byte type() {
        return type;
    }

    long size() {
        return size;
    }

    int mode() {
        return mode;
    }

    /** A regular file: the only kind of entry that carries the file's content. */
    boolean isRegularFile() {
        return type == '0' || type == 0 || type == '7';
    }

    /**
     * Moves to the next entry, skipping what is left of the current one's data.
     *
     * @return false at tar's end marker
     */
    boolean next() throws IOException {
        if (ended) {
            return false;
        }
        skipData();
        name = null;
        byte[] longName = null;
        byte[] longLink = null;
        long paxSize = -1;
        while (true) {
            int h = header();
            if (h < 0) {
                ended = true;
                return false;
            }
            byte flag = buf[h + 156];
            long entrySize = number(h + 124, 12, "size");
            switch (flag) {
                case 'L' -> longName = trimNul(metaData(entrySize, "long name"));
                case 'K' -> longLink = trimNul(metaData(entrySize, "long link name"));
                case 'x' -> {
                    Pax pax = pax(metaData(entrySize, "pax header"));
                    longName = pax.path == null ? longName : pax.path;
                    longLink = pax.linkPath == null ? longLink : pax.linkPath;
                    paxSize = pax.size >= 0 ? pax.size : paxSize;
                }
                case 'g' -> metaData(entrySize, "pax global header"); // defaults only; nothing here uses them
                case 'S' -> throw new IOException("the server's tar sent " + display(entryName(h, longName))
                        + " as a sparse file, which Mamori does not read; it was asked for plain files only");
                case 'M', 'V' -> throw new IOException("the server's tar sent a multi-volume archive, which Mamori"
                        + " does not read; it was asked for one plain stream");
                default -> {
                    name = entryName(h, longName);
                    if (flag == '5' && name.length > 1 && name[name.length - 1] == '/') {
                        // tar marks a folder with a trailing slash; it was asked for the name without one
                        name = Arrays.copyOf(name, name.length - 1);
                    }
                    linkName = longLink != null ? longLink : field(h + 157, 100);
                    type = flag;
                    mode = (int) number(h + 100, 8, "mode");
                    size = paxSize >= 0 ? paxSize : entrySize;
                    // links, devices, folders and fifos carry no data whatever their size field says
                    remaining = flag >= '1' && flag <= '6' ? 0 : size;
                    padding = (int) ((BLOCK - (remaining % BLOCK)) % BLOCK);
                    return true;
                }
            }
        }
    }

    /** Hands the rest of the current entry's data to {@code sink}; returns how many bytes it got. */
    long transferData(Sink sink) throws IOException {
        long got = 0;
        while (remaining > 0) {
            if (pos == limit) {
                fillSome();
            }
            int n = (int) Math.min(remaining, limit - pos);
            sink.accept(buf, pos, n);
            pos += n;
            offset += n;
            remaining -= n;
            got += n;
        }
        skipPadding();
        return got;
    }

    private void skipData() throws IOException {
        while (remaining > 0) {
            if (pos == limit) {
                fillSome();
            }
            int n = (int) Math.min(remaining, limit - pos);
            pos += n;
            offset += n;
            remaining -= n;
        }
        skipPadding();
    }

    private void skipPadding() throws IOException {
        while (padding > 0) {
            if (pos == limit) {
                fillSome();
            }
            int n = Math.min(padding, limit - pos);
            pos += n;
            offset += n;
            padding -= n;
        }
    }

    /** The next header block's position in {@link #buf}, or -1 at the end marker (a block of zeros). */
    private int header() throws IOException {
        if (!fill(BLOCK)) {
            throw new EOFException("the tar stream from the server ended without tar's end marker after "
                    + offset + " bytes: it was cut short");
        }
        int h = pos;
        pos += BLOCK;
        offset += BLOCK;
        long sum = 0;
        boolean zeros = true;
        for (int i = h; i < h + BLOCK; i++) {
            int b = buf[i] & 0xff;
            zeros &= b == 0;
            sum += i >= h + 148 && i < h + 156 ? ' ' : b;
        }
        if (zeros) {
            return -1;
        }
        long recorded = number(h + 148, 8, "checksum");
        if (recorded != sum && recorded != signedSum(h)) {
            throw new IOException("the tar stream from the server has a damaged header at byte " + (offset - BLOCK)
                    + " (checksum " + recorded + ", computed " + sum + ")");
        }
        return h;
    }

    private long signedSum(int h) {
        long sum = 0;
        for (int i = h; i < h + BLOCK; i++) {
            sum += i >= h + 148 && i < h + 156 ? ' ' : buf[i];
        }
        return sum;
    }

    private byte[] entryName(int h, byte[] longName) {
        if (longName != null) {
            return longName;
        }
        byte[] n = field(h, 100);
        // POSIX ustar (not GNU's "ustar  ") keeps the start of a long name in its prefix field
        if (Arrays.equals(buf, h + 257, h + 263, USTAR, 0, 6) && buf[h + 345] != 0) {
            byte[] prefix = field(h + 345, 155);
            byte[] joined = Arrays.copyOf(prefix, prefix.length + 1 + n.length);
            joined[prefix.length] = '/';
            System.arraycopy(n, 0, joined, prefix.length + 1, n.length);
            return joined;
        }
        return n;
    }

    private byte[] field(int at, int len) {
        int end = at;
        while (end < at + len && buf[end] != 0) {
            end++;
        }
        return Arrays.copyOfRange(buf, at, end);
    }

    /** An octal field (spaces or NULs around it), or GNU's base-256 for values octal cannot hold. */
    private long number(int at, int len, String what) throws IOException {
        if ((buf[at] & 0x80) != 0) {
            if (buf[at] != (byte) 0x80 || len < 9) {
                throw new IOException("the tar stream from the server has a header with a negative " + what);
            }
            long v = 0;
            for (int i = at + 1; i < at + len; i++) {
                if (v >>> 55 != 0) {
                    throw new IOException("the tar stream from the server has a header whose " + what + " is too large");
                }
                v = (v << 8) | (buf[i] & 0xff);
            }
            return v;
        }
        int i = at;
        int end = at + len;
        while (i < end && (buf[i] == ' ' || buf[i] == 0)) {
            i++;
        }
        long v = 0;
        for (; i < end && buf[i] != ' ' && buf[i] != 0; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 7) {
                throw new IOException("the tar stream from the server has a header with an unreadable " + what
                        + " at byte " + offset);
            }
            v = (v << 3) | d;
        }
        return v;
    }

    /** The data of a long-name or pax entry, read whole; such entries are small. */
    private byte[] metaData(long entrySize, String what) throws IOException {
        if (entrySize > MAX_META) {
            throw new IOException("the tar stream from the server has a " + what + " of " + entrySize
                    + " bytes; more than Mamori accepts");
        }
        byte[] data = new byte[(int) entrySize];
        remaining = entrySize;
        padding = (int) ((BLOCK - (entrySize % BLOCK)) % BLOCK);
        int[] at = {0};
        transferData((b, off, len) -> {
            System.arraycopy(b, off, data, at[0], len);
            at[0] += len;
        });
        return data;
    }

    private static byte[] trimNul(byte[] b) {
        int end = 0;
        while (end < b.length && b[end] != 0) {
            end++;
        }
        return end == b.length ? b : Arrays.copyOf(b, end);
    }

    private record Pax(byte[] path, byte[] linkPath, long size) {
    }

    /** Records "LEN key=value\n"; values are taken as bytes, so a name that is not UTF-8 stays exact. */
    private static Pax pax(byte[] data) throws IOException {
        byte[] path = null;
        byte[] link = null;
        long size = -1;
        int i = 0;
        while (i < data.length && data[i] != 0) {
            int sp = i;
            int len = 0;
            while (sp < data.length && data[sp] >= '0' && data[sp] <= '9') {
                len = len * 10 + (data[sp++] - '0');
            }
            if (sp >= data.length || data[sp] != ' ' || len <= sp - i || i + len > data.length
                    || data[i + len - 1] != '\n') {
                throw new IOException("the tar stream from the server has an unreadable pax header");
            }
            int eq = sp + 1;
            while (eq < i + len && data[eq] != '=') {
                eq++;
            }
            String key = new String(data, sp + 1, eq - sp - 1, StandardCharsets.US_ASCII);
            byte[] value = Arrays.copyOfRange(data, Math.min(eq + 1, i + len - 1), i + len - 1);
            switch (key) {
                case "path" -> path = value;
                case "linkpath" -> link = value;
                case "size" -> size = parseSize(value);
                case "GNU.sparse.major", "GNU.sparse.map", "GNU.sparse.size" ->
                        throw new IOException("the server's tar sent a sparse file, which Mamori does not read");
                default -> {
                    // times, owners, charsets: the listing has them already
                }
            }
            i += len;
        }
        return new Pax(path, link, size);
    }

    private static long parseSize(byte[] value) throws IOException {
        try {
            return Long.parseLong(new String(value, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw new IOException("the tar stream from the server has a pax size that is not a number");
        }
    }

    /** At least {@code need} bytes from {@code pos} in the buffer; false at a clean end of stream before any. */
    private boolean fill(int need) throws IOException {
        if (limit - pos >= need) {
            return true;
        }
        if (buf.length - pos < need) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (limit - pos < need) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                if (limit == pos) {
                    return false;
                }
                throw cut();
            }
            limit += n;
        }
        return true;
    }

    /** Some bytes into an empty buffer; the stream may not end inside an entry. */
    private void fillSome() throws IOException {
        pos = 0;
        limit = 0;
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
            throw cut();
        }
        limit = n;
    }

    private EOFException cut() {
        String where = remaining > 0 && name != null ? "the data of " + display(name) : "a header";
        return new EOFException("the tar stream from the server ended in the middle of " + where + " after "
                + offset + " bytes: it was cut short");
    }

    private static String display(byte[] name) {
        return NameCodec.display(name);
    }
}
