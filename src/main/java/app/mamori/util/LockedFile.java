package app.mamori.util;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer at a time for a small file that the app and the CLI both rewrite (secrets.json,
 * known_hosts): an OS lock on a sibling {@code .NAME.lock} file, held while the caller reads,
 * changes and rewrites, so two processes never both write a change made to the same old copy.
 * A lock per file within this JVM too, since one JVM cannot hold an OS lock twice.
 */
public final class LockedFile {
    private static final Map<Path, ReentrantLock> HERE = new ConcurrentHashMap<>();

    private LockedFile() {
    }

    /** A read-change-write under the lock. */
    public interface Update<T> {
        T run() throws IOException;
    }

    /** Runs {@code update} holding {@code file}'s lock, waiting for another holder to finish. */
    public static <T> T update(Path file, Update<T> update) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Path lockFile = absolute.resolveSibling("." + absolute.getFileName() + ".lock");
        ReentrantLock here = HERE.computeIfAbsent(lockFile, f -> new ReentrantLock());
        here.lock();
        try {
            createPrivateDirectories(lockFile.getParent());
            try (FileChannel channel = open(lockFile); FileLock ignored = channel.lock()) {
                return update.run();
            }
        } finally {
            here.unlock();
        }
    }

    /** The folder holds secrets: created 0700 like the rest of Mamori's data folder, never with the umask's mode. */
    private static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static FileChannel open(Path lockFile) throws IOException {
        try {
            return FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return FileChannel.open(lockFile, StandardOpenOption.WRITE);
        } catch (UnsupportedOperationException e) {
            return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } finally {
            restrict(lockFile);
        }
    }

    private static void restrict(Path lockFile) {
        try {
            if (lockFile.getFileSystem().supportedFileAttributeViews().contains("posix") && Files.exists(lockFile)) {
                Files.setPosixFilePermissions(lockFile, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException ignored) {
            // an empty lock file holds nothing worth hiding
        }
    }
}
