package app.mamori.source.files;

/**
 * One path in a snapshot index: the true metadata from the server, and where the snapshot
 * keeps it.
 *
 * @param path       absolute path on the server, exact bytes
 * @param stored     path inside the snapshot's {@code tree/} folder (escaped per {@link NameCodec})
 * @param mode       the true permission bits (07777); the stored copy may differ, see {@link FileTreeSnapshotter}
 * @param linkTarget symlink target bytes, empty for other types
 * @param sha256     lowercase hex SHA-256 of a regular file's content, null for other types
 * @param etag       an object's ETag as its bucket gave it (s3-bucket snapshots), null for files on a server:
 *                   with the size, what tells the next snapshot the object did not change
 */
public record IndexEntry(RawPath path, String stored, EntryType type, int mode, long size, long mtimeSeconds,
                         int mtimeNanos, long uid, long gid, String user, String group, RawPath linkTarget,
                         String sha256, String etag) {

    static IndexEntry of(ListedEntry e, OwnerNames names, String stored, long size, String sha256) {
        return new IndexEntry(e.path(), stored, e.type(), e.mode(), size, e.mtimeSeconds(), e.mtimeNanos(),
                e.uid(), e.gid(), names.user(e.uid()), names.group(e.gid()), e.linkTarget(), sha256, null);
    }
}
