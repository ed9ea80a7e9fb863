package app.mamori.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Run in a second JVM by the lock tests: takes a job's lock, says so, and holds it until stdin closes. */
public final class LockHolder {
    private LockHolder() {
    }

    /** A second JVM holding the lock of {@code job}; returns once it holds it. Close its stdin to let go. */
    public static Process start(Path locks, String job) throws IOException {
        Process p = command(locks, job).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String first = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (!"locked".equals(first)) {
            p.destroyForcibly();
            throw new IllegalStateException("the lock holder said " + first + " instead of locked");
        }
        return p;
    }

    /** The second JVM's command line, on this test run's class path. */
    public static ProcessBuilder command(Path locks, String job) {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), locks.toString(), job);
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
