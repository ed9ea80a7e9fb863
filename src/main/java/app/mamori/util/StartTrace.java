package app.mamori.util;

import java.time.Duration;
import java.time.Instant;

/**
 * Milestones of a start, for {@code bench/coldstart}: with {@code MAMORI_TRACE_START=1} in the
 * environment each mark prints, on standard error, how long after the process began it was
 * reached in wall-clock time and in the process's CPU time. Otherwise a mark costs one field read.
 */
public final class StartTrace {
    private static final boolean ON = "1".equals(System.getenv("MAMORI_TRACE_START"));

    private StartTrace() {
    }

    public static void mark(String milestone) {
        if (!ON) {
            return;
        }
        ProcessHandle.Info info = ProcessHandle.current().info();
        long wall = info.startInstant().map(s -> Duration.between(s, Instant.now()).toMillis()).orElse(-1L);
        long cpu = info.totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        System.err.println("mamori start: " + milestone + " " + wall + " ms, cpu " + cpu + " ms");
    }
}
