package app.mamori.source.files;

/**
 * One path as the server listed it.
 *
 * @param path       absolute path on the server, raw bytes
 * @param mode       permission bits including setuid, setgid and sticky (07777)
 * @param mtimeNanos nanoseconds within {@code mtimeSeconds}, as precise as the server's find reports
 * @param linkTarget the symlink's target, raw bytes; empty for other types
 */
public record ListedEntry(EntryType type, int mode, long size, long mtimeSeconds, int mtimeNanos,
                          long uid, long gid, RawPath path, RawPath linkTarget) {

    /**
     * Same content for the purpose of an incremental snapshot: what {@code rsync} checks, plus the
     * mode, because a hard-linked copy shares its inode (and so its stored mode) with older snapshots.
     */
    public boolean sameAs(IndexEntry previous) {
        return previous.type() == type && previous.size() == size && previous.mode() == mode
                && previous.mtimeSeconds() == mtimeSeconds && previous.mtimeNanos() == mtimeNanos
                && previous.linkTarget().equals(linkTarget);
    }
}
