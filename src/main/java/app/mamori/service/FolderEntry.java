package app.mamori.service;

import app.mamori.source.files.RawPath;

import java.time.Instant;

/**
 * One entry of a folder in a files snapshot, as the restore wizard's folder browser shows it.
 *
 * @param raw      the exact path bytes, to ask for this folder's own children
 * @param path     the path as the admin knows it on the server (UTF-8 as text, other bytes as {@code \xNN}),
 *                 what a restore's include list takes
 * @param size     bytes for a file; 0 for a folder, whose size is the file system's business
 * @param modified when it last changed on the server, as the backup saw it
 */
public record FolderEntry(RawPath raw, String path, boolean folder, long size, Instant modified) {

    /** The last part of the path, what a tree shows. */
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 || path.length() == 1 ? path : path.substring(slash + 1);
    }
}
