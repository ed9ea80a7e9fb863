package app.mamori.source.files;

import app.mamori.util.NativeCrypto;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The index of one snapshot: {@code index.jsonl.zst} beside its {@code tree/} folder. Zstd
 * compressed JSON lines, so it streams, diffs with standard tools ({@code zstdcat | jq}) and
 * gains fields without breaking old readers. Line one is a header
 * ({@code {"format":"mamori-files-index","version":1,"roots":[...]}}), then one object per
 * path: {@code path} (base64 of the exact bytes), {@code stored} (under {@code tree/}),
 * {@code type} (f, d, l, ?), {@code mode} (octal text), {@code size}, {@code mtime} (seconds),
 * {@code mtime_ns}, {@code uid}, {@code gid}, {@code user}, {@code group}, {@code target}
 * (symlinks: base64), {@code sha256} (regular files) and {@code etag} (objects of a bucket). Its
 * presence marks a complete snapshot.
 */
public final class SnapshotIndex {
    public static final String FILE_NAME = "index.jsonl.zst";
    public static final String TREE = "tree";
    static final String FORMAT = "mamori-files-index";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectReader LINES = JSON.readerFor(Line.class);

    private final List<String> roots;
    private final List<IndexEntry> entries;
    private final Map<RawPath, IndexEntry> byPath;

    private SnapshotIndex(List<String> roots, List<IndexEntry> entries) {
        this.roots = List.copyOf(roots);
        this.entries = List.copyOf(entries);
        this.byPath = new LinkedHashMap<>();
        entries.forEach(e -> byPath.put(e.path(), e));
    }

    public List<String> roots() {
        return roots;
    }

    /** Entries in listing order: every directory before what it holds. */
    public List<IndexEntry> entries() {
        return entries;
    }

    public IndexEntry get(RawPath path) {
        return byPath.get(path);
    }

    /** Reads the index of a snapshot folder (or the index file itself). */
    public static SnapshotIndex read(Path snapshotDirOrIndex) throws IOException {
        List<IndexEntry> entries = new ArrayList<>();
        List<String> roots = forEach(snapshotDirOrIndex, entries::add);
        return new SnapshotIndex(roots, entries);
    }

    /**
     * Reads the index of a snapshot folder (or the index file itself) one entry at a time, in
     * listing order, keeping none of them: what a catalogue rebuild needs for millions of files.
     *
     * @return the header's roots
     */
    public static List<String> forEach(Path snapshotDirOrIndex, Consumer<IndexEntry> each) throws IOException {
        Path file = Files.isDirectory(snapshotDirOrIndex) ? snapshotDirOrIndex.resolve(FILE_NAME) : snapshotDirOrIndex;
        try (InputStream in = new ZstdInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
             JsonParser parser = JSON.getFactory().createParser(in)) {
            if (parser.nextToken() == null) {
                throw new IOException(file + " is empty: not a snapshot index");
            }
            JsonNode header = JSON.readTree(parser);
            if (!FORMAT.equals(header.path("format").asText()) || header.path("version").asInt() != 1) {
                throw new IOException(file + " is not a version 1 " + FORMAT);
            }
            List<String> roots = new ArrayList<>();
            header.path("roots").forEach(r -> roots.add(r.asText()));
            parser.nextToken();
            try (MappingIterator<Line> it = LINES.readValues(parser)) {
                for (IndexEntry e; (e = next(file, it)) != null; ) {
                    each.accept(e);
                }
            }
            return roots;
        }
    }

    /** The next entry, or null at the end; read apart from the consumer, whose failures are not this file's. */
    private static IndexEntry next(Path file, MappingIterator<Line> it) throws IOException {
        try {
            return it.hasNext() ? it.next().entry() : null;
        } catch (RuntimeJsonMappingException | IllegalArgumentException | NullPointerException
                 | StringIndexOutOfBoundsException e) {
            throw new IOException(file + " has an unreadable entry: " + e.getMessage(), e);
        }
    }

    /**
     * One entry line as written by {@link IndexLines}, bound by Jackson without building a tree
     * per line (a third of a rebuild's CPU went into those trees); unknown fields are skipped, so
     * newer indexes still read.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Line(String path, String stored, String type, String mode, long size, long mtime,
                        @JsonProperty("mtime_ns") int mtimeNs, long uid, long gid, String user, String group,
                        String target, String sha256, String etag) {
        IndexEntry entry() {
            return new IndexEntry(RawPath.ofBase64(path), stored, EntryType.ofCode(type.charAt(0)),
                    Integer.parseInt(mode, 8), size, mtime, mtimeNs, uid, gid, user, group,
                    RawPath.ofBase64(target == null ? "" : target), sha256, etag);
        }
    }

    /**
     * Writes the index into {@code snapshotDir} (temp name, fsync, rename, so a crash never
     * leaves a half index that marks the snapshot complete).
     *
     * @return lowercase hex SHA-256 of the index file
     */
    public static String write(Path snapshotDir, List<String> roots, List<IndexEntry> entries) throws IOException {
        Path tmp = snapshotDir.resolve(FILE_NAME + ".tmp");
        MessageDigest sha = NativeCrypto.sha256();
        OutputStream file = new DigestOutputStream(new BufferedOutputStream(
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16), sha);
        try (OutputStream z = new BufferedOutputStream(new ZstdOutputStream(file, 6), 1 << 16);
             JsonGenerator g = JSON.getFactory().createGenerator(z)) {
            g.setRootValueSeparator(new SerializedString("\n"));
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", 1);
            g.writeArrayFieldStart("roots");
            for (String r : roots) {
                g.writeString(r);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
            IndexLines lines = new IndexLines(z);
            for (IndexEntry e : entries) {
                lines.write(e);
            }
            z.write('\n');
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, snapshotDir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The mode as at least four octal digits, as {@code %04o} wrote it; String.format cost more than the rest of a line. */
    static String octal(int mode) {
        String digits = Integer.toOctalString(mode);
        return digits.length() >= 4 ? digits : "0000".substring(digits.length()) + digits;
    }
}
