package app.mamori.catalog;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One entry of a file-tree snapshot's index.
 *
 * @param path    the raw bytes of the path relative to the snapshot root, exactly as the server's
 *                file system has them: Linux file names need not be valid UTF-8
 * @param mode    permission bits, as {@code stat} gives them
 * @param mtimeNs modification time in nanoseconds since the epoch
 * @param sha256  hex SHA-256 of a regular file's contents; null for anything else
 */
public record FileEntry(byte[] path, FileType type, int mode, long size, long mtimeNs, String sha256) {

    /** The order SQLite keeps BLOBs in (memcmp), so sorted rows go into its indexes in order. */
    static final Comparator<FileEntry> BY_PATH_BYTES = (a, b) -> Arrays.compareUnsigned(a.path, b.path);

    public FileEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        path = path.clone();
    }

    @Override
    public byte[] path() {
        return path.clone();
    }

    /** The path without a copy, for this package's writers, which only read it. */
    byte[] pathBytes() {
        return path;
    }

    // A record compares arrays by identity; two entries for the same path bytes are the same entry.
    @Override
    public boolean equals(Object other) {
        return other instanceof FileEntry e && Arrays.equals(path, e.path) && type == e.type && mode == e.mode
                && size == e.size && mtimeNs == e.mtimeNs && Objects.equals(sha256, e.sha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(path), type, mode, size, mtimeNs, sha256);
    }

    @Override
    public String toString() {
        return "FileEntry[path=0x" + HexFormat.of().formatHex(path) + ", type=" + type + ", mode=0"
                + Integer.toOctalString(mode) + ", size=" + size + ", mtimeNs=" + mtimeNs + ", sha256=" + sha256 + "]";
    }
}
