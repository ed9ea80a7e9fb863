package app.mamori.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds a job so it never runs twice at once, whoever starts it: the CLI, the app, run-due or
 * another process. An OS file lock on {@code <home>/locks/<job>.lock}, which the kernel
 * releases when the process ends however it ends (a crash cannot leave it stuck), plus a set
 * of the jobs this process holds, since one JVM cannot lock a file twice.
 */
public final class JobLock implements AutoCloseable {
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private JobLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the job's lock at once, or throws {@link JobBusyException} saying who holds it. */
    public static JobLock acquire(Path locksDir, String job) {
        Path file = locksDir.resolve(job + ".lock").toAbsolutePath();
        if (!HELD_HERE.add(file)) {
            throw new JobBusyException(job, "job " + job + " is already running in this Mamori; wait for it to"
                    + " finish");
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(locksDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                HELD_HERE.remove(file);
                throw new JobBusyException(job, "job " + job + " is already running" + holder
                        + "; wait for it to finish (its lock is " + file + ")");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            return new JobLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            HELD_HERE.remove(file);
            throw new UncheckedIOException("cannot take the lock of job " + job + " at " + file + ": "
                    + e.getMessage() + "; check that the data folder is writable", e);
        }
    }

    /** Who holds it, as the holder wrote it: " (pid 4711 since ...)", or nothing when unreadable. */
    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(200);
            int n = channel.read(buf, 0);
            return n > 0 ? " (" + new String(buf.array(), 0, n, StandardCharsets.UTF_8).strip() + ")" : "";
        } catch (IOException e) {
            return ""; // Windows locks are mandatory: the holder's file cannot be read
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing with the reason that matters
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock " + file, e);
        } finally {
            HELD_HERE.remove(file);
        }
    }
}
