package app.mamori.source.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A snapshot written into a folder on this computer: directories, files and symlinks with
 * their permission bits and mtimes (owners are the workstation user's). Names are the vault's
 * stored names (valid UTF-8 names as they are, others in the {@code %raw%} escaped form).
 * Nothing is written outside the folder and no symlink is followed: links are made last.
 */
public final class LocalTreeRestore {

    public record Written(long files, long bytes, List<String> skipped) {
    }

    private LocalTreeRestore() {
    }

    /** {@code target} must not exist or be empty. */
    public static Written write(Path snapshotDir, SnapshotIndex index, Predicate<RawPath> selected, Path target)
            throws IOException {
        Path root = target.toAbsolutePath().normalize();
        if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(root + " exists and is not a folder; give a new or empty folder");
            }
            try (var s = Files.list(root)) {
                if (s.findAny().isPresent()) {
                    throw new FileAlreadyExistsException(root + " is not empty; give a new or empty folder");
                }
            }
        }
        Files.createDirectories(root);
        Path tree = snapshotDir.resolve(SnapshotIndex.TREE);
        long files = 0;
        long bytes = 0;
        List<String> skipped = new ArrayList<>();
        List<IndexEntry> links = new ArrayList<>();
        List<IndexEntry> dirs = new ArrayList<>();
        for (IndexEntry e : index.entries()) {
            if (!selected.test(e.path()) || e.stored().isEmpty()) {
                continue;
            }
            Path to = inside(root, e.stored());
            switch (e.type()) {
                case DIRECTORY -> {
                    Files.createDirectories(to);
                    dirs.add(e);
                }
                case FILE -> {
                    Files.createDirectories(to.getParent());
                    Files.copy(tree.resolve(e.stored()), to, StandardCopyOption.REPLACE_EXISTING,
                            LinkOption.NOFOLLOW_LINKS);
                    finish(to, e);
                    files++;
                    bytes += e.size();
                }
                case SYMLINK -> links.add(e);
                default -> skipped.add(NameCodec.display(e.path().bytes()) + " (a fifo, socket or device: not kept)");
            }
        }
        for (IndexEntry e : links) {
            Path to = inside(root, e.stored());
            Files.createDirectories(to.getParent());
            Files.createSymbolicLink(to, Path.of(e.linkTarget().latin1().isEmpty() ? "" : new String(
                    e.linkTarget().bytes(), java.nio.charset.StandardCharsets.UTF_8)));
            Files.getFileAttributeView(to, java.nio.file.attribute.BasicFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS).setTimes(mtime(e), null, null);
        }
        // deepest first, after everything inside them was written
        for (int i = dirs.size() - 1; i >= 0; i--) {
            finish(inside(root, dirs.get(i).stored()), dirs.get(i));
        }
        return new Written(files, bytes, skipped);
    }

    /** {@code root/stored}, refusing anything that would land outside {@code root} or pass through a link. */
    static Path inside(Path root, String stored) throws IOException {
        if (stored.isEmpty()) {
            throw new IOException("an empty stored name would write " + root + " itself; stopped");
        }
        Path p = TreePaths.inside(root, stored);
        for (Path q = p.getParent(); q != null && !q.equals(root); q = q.getParent()) {
            if (Files.isSymbolicLink(q)) {
                throw new IOException(q + " is a symlink; writing through it could leave " + root + "; stopped");
            }
        }
        return p;
    }

    private static void finish(Path to, IndexEntry e) throws IOException {
        Files.setPosixFilePermissions(to, FileTreeSnapshotter.permissions(e.mode()));
        Files.setLastModifiedTime(to, mtime(e));
    }

    private static FileTime mtime(IndexEntry e) {
        return FileTime.from(Instant.ofEpochSecond(e.mtimeSeconds(), e.mtimeNanos()));
    }
}
