package app.mamori.engine;

import java.nio.file.Path;

/** Run in a second JVM by the lock tests: takes a job's lock, says so, and holds it until stdin closes. */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (JobLock lock = JobLock.acquire(Path.of(args[0]), args[1])) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the test closes our stdin, or kills us
            }
        }
    }
}
