package app.mamori.source.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Small file-system steps of a snapshot, kept apart so the snapshot logic reads as steps. */
public final class SnapshotFiles {
    private SnapshotFiles() {
    }

    static FileTime mtime(ListedEntry e) {
        return FileTime.from(Instant.ofEpochSecond(e.mtimeSeconds(), e.mtimeNanos()));
    }

    /** Mode and mtime of a stored file or directory; see {@link FileTreeSnapshotter} for why the mode is adjusted. */
    static void applyMetadata(Path p, ListedEntry e) throws IOException {
        int ownerBits = e.type() == EntryType.DIRECTORY ? 0700 : 0600;
        // Never through a link: the mode and time are for what the snapshot wrote, nothing else.
        Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setPermissions(FileTreeSnapshotter.permissions((e.mode() & 0777) | ownerBits));
        Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(mtime(e), null, null);
    }

    /**
     * Mode and mtime of a regular file this snapshot has just created (so never a link), by path:
     * a plain {@code chmod}, and both times at once so the JDK need not stat the file first;
     * {@link #applyMetadata}'s no-follow calls open, stat and close it again for each (the access
     * time of a stored copy means nothing).
     */
    static void applyFetchedMetadata(Path file, ListedEntry e) throws IOException {
        Files.setPosixFilePermissions(file, FileTreeSnapshotter.permissions((e.mode() & 0777) | 0600));
        FileTime t = mtime(e);
        Files.getFileAttributeView(file, BasicFileAttributeView.class).setTimes(t, t, null);
    }

    /** A symlink's own mtime; where the platform cannot set it, the index still has it. */
    static void applyLinkTime(Path link, ListedEntry e) {
        try {
            Files.getFileAttributeView(link, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(mtime(e), null, null);
        } catch (IOException | UnsupportedOperationException ignored) {
            // cosmetic: restores take the time from the index
        }
    }

    public static void deleteQuietly(Path p) {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path x : all) {
                try {
                    // stored directories always keep owner rwx, so their entries can go
                    Files.deleteIfExists(x);
                } catch (IOException ignored) {
                    // best effort: the snapshot already failed, and without an index nothing looks complete
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // same as above
        }
    }
}
