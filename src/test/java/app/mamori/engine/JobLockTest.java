package app.mamori.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A job's lock across two real processes, after one is killed, and inside one process. */
class JobLockTest {

    @Test
    void aJobLockedByAnotherProcessIsRefusedWithThatProcessNamed(@TempDir Path locks) throws Exception {
        Process other = holder(locks, "shop");
        try {
            assertThatThrownBy(() -> JobLock.acquire(locks, "shop"))
                    .isInstanceOf(JobBusyException.class)
                    .hasMessageContaining("job shop is already running")
                    .hasMessageContaining("pid " + other.pid());
            try (JobLock other2 = JobLock.acquire(locks, "blog")) {
                assertThat(other2).as("other jobs are not held").isNotNull();
            }
        } finally {
            other.getOutputStream().close();
            assertThat(other.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        try (JobLock mine = JobLock.acquire(locks, "shop")) {
            assertThat(mine).as("released when the holder ended").isNotNull();
        }
    }

    @Test
    void aKilledHolderLeavesNoStuckLock(@TempDir Path locks) throws Exception {
        Process other = holder(locks, "shop");

        other.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook
        assertThat(other.waitFor(20, TimeUnit.SECONDS)).isTrue();

        try (JobLock mine = JobLock.acquire(locks, "shop")) {
            assertThat(mine).isNotNull();
        }
    }

    @Test
    void aSecondProcessCannotTakeALockThisProcessHolds(@TempDir Path locks) throws Exception {
        try (JobLock mine = JobLock.acquire(locks, "shop")) {
            Process other = LockHolder.command(locks, "shop").redirectErrorStream(true).start();
            other.getOutputStream().close();
            String out = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(other.exitValue()).isNotZero();
            assertThat(out).contains("JobBusyException").contains("pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void oneProcessCannotHoldAJobTwice(@TempDir Path locks) {
        try (JobLock mine = JobLock.acquire(locks, "shop")) {
            assertThatThrownBy(() -> JobLock.acquire(locks, "shop"))
                    .isInstanceOf(JobBusyException.class).hasMessageContaining("already running in this Mamori");
        }
        try (JobLock again = JobLock.acquire(locks, "shop")) {
            assertThat(again).isNotNull();
        }
    }

    private static Process holder(Path locks, String job) throws Exception {
        return LockHolder.start(locks, job);
    }
}
