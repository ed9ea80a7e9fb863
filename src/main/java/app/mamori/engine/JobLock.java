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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds a job so it never runs twice at once, whoever starts it: the CLI, the app, run-due or
 * another process. An OS file lock on {@code <home>/locks/<job>.lock}, which the kernel
 * releases when the process ends however it ends (a crash cannot leave it stuck), plus a map
 * of the jobs this process holds, since one JVM cannot lock a file twice. Restores and checks
 * take it too (with what they do, for the message others get), so a prune cannot delete the
 * point being read and a backup cannot capture a target half restored.
 */
public final class JobLock implements AutoCloseable {
    /** Lock file to what holds it in this process ("backup", "restore of shop from point ..."). */
    private static final Map<Path, String> HELD_HERE = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private JobLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the job's lock for a backup at once, or throws {@link JobBusyException} saying who holds it. */
    public static JobLock acquire(Path locksDir, String job) {
        return acquire(locksDir, job, "backup");
    }

    /**
     * Takes the job's lock at once for {@code activity} ("restore of shop from point ..."), shown to
     * whoever finds the job busy, or throws {@link JobBusyException} saying who holds it.
     */
    public static JobLock acquire(Path locksDir, String job, String activity) {
        Path file = locksDir.resolve(job + ".lock").toAbsolutePath();
        String holderHere = HELD_HERE.putIfAbsent(file, activity);
        if (holderHere != null) {
            throw new JobBusyException(job, "job " + job + " is already running in this Mamori (" + holderHere
                    + "); wait for it to finish");
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
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since " + Instant.now()
                    + ("backup".equals(activity) ? "" : ", " + activity.replace('\n', ' ')) + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            return new JobLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            HELD_HERE.remove(file);
            throw new UncheckedIOException("cannot take the lock of job " + job + " at " + file + ": "
                    + e.getMessage() + "; check that the data folder is writable", e);
        }
    }

    /** Who holds it, as the holder wrote it: " (pid 4711 since ...)" or " (pid 4711 since ..., restore of ...)", or nothing when unreadable. */
    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(400);
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
