package app.mamori.engine.offsite;

import app.mamori.vault.Json;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.luben.zstd.Zstd;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an offsite copy of one snapshot stores as its listing: the snapshot's index, byte for
 * byte (paths, types, modes, mtimes, sizes, owners, link targets and each file's SHA-256, and
 * the SHA-256 the manifest records for it), and where each content is in the bucket. JSON,
 * zstd-compressed, then encrypted like every object of an encrypted vault.
 *
 * @param contents       by a file's SHA-256: the pack holding it, or its own object
 * @param objectMetadata a bucket snapshot's {@code ObjectMetadata} file, byte for byte; null for
 *                       a {@code files} snapshot (and a copy made before it was kept)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TreeListing(String format, int version, byte[] index, Map<String, Ref> contents,
                          byte[] objectMetadata) {
    static final String FORMAT = "mamori-offsite-tree";

    /**
     * Where one content is.
     *
     * @param pack   the SHA-256 of the pack that holds it at {@code offset}, or null when it is an object of its own
     * @param length its size in bytes
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ref(String pack, long offset, long length) {
        static Ref own(long length) {
            return new Ref(null, 0, length);
        }
    }

    public TreeListing {
        contents = new TreeMap<>(contents);
    }

    static TreeListing of(byte[] index, Map<String, Ref> contents, byte[] objectMetadata) {
        return new TreeListing(FORMAT, 1, index, contents, objectMetadata);
    }

    byte[] toBytes() {
        try {
            return Zstd.compress(Json.mapper().writeValueAsBytes(this), 6);
        } catch (IOException e) {
            throw new IllegalStateException("a listing always serialises", e);
        }
    }

    static TreeListing fromBytes(byte[] stored) throws IOException {
        long size = Zstd.decompressedSize(stored);
        if (size <= 0 || size > Integer.MAX_VALUE - 16) {
            throw new IOException("an offsite listing is not zstd-compressed JSON");
        }
        TreeListing l = Json.mapper().readValue(Zstd.decompress(stored, (int) size), TreeListing.class);
        if (!FORMAT.equals(l.format()) || l.version() != 1) {
            throw new IOException("an offsite listing has format " + l.format() + " " + l.version()
                    + ", which this Mamori does not read; update Mamori");
        }
        return l;
    }
}
