package app.mamori.source.bucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.luben.zstd.Zstd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a bucket snapshot keeps of each object besides its bytes: its Content-Type and user
 * metadata ({@code x-amz-meta-*}), in {@value #FILE_NAME} beside the index, so a restore puts
 * an object back as the application wrote it. A file of its own rather than fields of the
 * index: the index is the one every {@code files} snapshot, the catalogue's file index and the
 * offsite listing share, and an older snapshot without this file restores as it always did.
 * Tags, ACLs and older versions are not kept.
 *
 * @param objects by key
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ObjectMetadata(String format, int version, Map<String, Meta> objects) {
    public static final String FILE_NAME = "object-metadata.json.zst";
    static final String FORMAT = "mamori-object-metadata";
    /** Its own mapper, as the snapshot index has: a source driver does not reach into the vault's code. */
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper
            .builder().addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    public static final ObjectMetadata NONE = of(Map.of());

    /**
     * One object's metadata.
     *
     * @param modified the object's last-modified time when it was read: metadata only changes by a
     *                 copy that rewrites the object, which moves it
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Meta(String contentType, Map<String, String> user, Instant modified) {
        public Meta {
            user = user == null ? Map.of() : new TreeMap<>(user);
        }
    }

    public ObjectMetadata {
        objects = new TreeMap<>(objects);
    }

    static ObjectMetadata of(Map<String, Meta> objects) {
        return new ObjectMetadata(FORMAT, 1, objects);
    }

    /** The object's metadata, or null when the snapshot did not keep any for it. */
    public Meta get(String key) {
        return objects.get(key);
    }

    /** Writes {@code snapshotDir}'s metadata file (atomically, before the index marks the snapshot complete). */
    void write(Path snapshotDir) throws IOException {
        Path tmp = snapshotDir.resolve(FILE_NAME + ".tmp");
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(toBytes());
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        java.nio.file.Files.move(tmp, snapshotDir.resolve(FILE_NAME), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public byte[] toBytes() {
        try {
            return Zstd.compress(JSON.writeValueAsBytes(this), 6);
        } catch (IOException e) {
            throw new IllegalStateException("metadata always serialises", e);
        }
    }

    /** The metadata a snapshot kept; {@link #NONE} for one taken before Mamori kept it. */
    public static ObjectMetadata read(Path snapshotDir) throws IOException {
        Path file = snapshotDir.resolve(FILE_NAME);
        byte[] stored;
        try {
            stored = Files.readAllBytes(file);
        } catch (NoSuchFileException older) {
            return NONE;
        }
        try {
            return fromBytes(stored);
        } catch (IOException | RuntimeException e) {
            throw new IOException("the object metadata of the snapshot (" + file + ") cannot be read: " + e.getMessage()
                    + "; restore from another point, or delete that file to restore the objects without their"
                    + " content types and user metadata", e);
        }
    }

    public static ObjectMetadata fromBytes(byte[] stored) throws IOException {
        long size = Zstd.decompressedSize(stored);
        if (size <= 0 || size > Integer.MAX_VALUE - 16) {
            throw new IOException("it is not zstd-compressed JSON");
        }
        ObjectMetadata m = JSON.readValue(Zstd.decompress(stored, (int) size), ObjectMetadata.class);
        if (!FORMAT.equals(m.format()) || m.version() != 1) {
            throw new IOException("it has format " + m.format() + " " + m.version() + ", which this Mamori does not"
                    + " read; update Mamori");
        }
        return m;
    }
}
