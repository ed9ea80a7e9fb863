package app.mamori.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SingleInstanceTest {

    @Test
    void aSecondLaunchAsksTheFirstToShowItselfAndDoesNotStart(@TempDir Path home) throws Exception {
        try (SingleInstance first = SingleInstance.claim(home).orElseThrow()) {
            CountDownLatch shown = new CountDownLatch(1);
            first.onSecondLaunch(shown::countDown);

            Optional<SingleInstance> second = SingleInstance.claim(home);

            assertThat(second).isEmpty();
            assertThat(shown.await(5, TimeUnit.SECONDS)).as("first app asked to show its window").isTrue();
        }
    }

    @Test
    void theTokenFileIsTheOwnersOnlyAndGoesAwayOnQuit(@TempDir Path home) throws Exception {
        SingleInstance first = SingleInstance.claim(home).orElseThrow();
        Path port = home.resolve(SingleInstance.PORT_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(port))).isEqualTo("rw-------");
        first.close();
        assertThat(port).doesNotExist();
        try (SingleInstance next = SingleInstance.claim(home).orElseThrow()) {
            assertThat(next).as("after quitting, the next launch is the app").isNotNull();
        }
    }

    @Test
    void aCallerWithoutTheTokenIsIgnored(@TempDir Path home) throws Exception {
        try (SingleInstance first = SingleInstance.claim(home).orElseThrow()) {
            CountDownLatch shown = new CountDownLatch(1);
            first.onSecondLaunch(shown::countDown);
            int port = Integer.parseInt(Files.readString(home.resolve(SingleInstance.PORT_FILE)).split(" ")[0]);
            try (var s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                s.getOutputStream().write("guess\n".getBytes());
            }
            assertThat(shown.await(1, TimeUnit.SECONDS)).isFalse();
        }
    }

    @Test
    void aHeldFolderWhoseAppDoesNotAnswerIsReportedWithWhatToDo(@TempDir Path home) throws Exception {
        try (SingleInstance first = SingleInstance.claim(home).orElseThrow()) {
            Files.writeString(home.resolve(SingleInstance.PORT_FILE), "1 nobody\n"); // nothing listens on port 1
            long start = System.nanoTime();
            assertThatThrownBy(() -> SingleInstance.claim(home)).isInstanceOf(IOException.class)
                    .hasMessageContaining("already running for the data folder " + home)
                    .hasMessageContaining("does not answer");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                    .isGreaterThanOrEqualTo(SingleInstance.ANSWER_WAIT_MILLIS - 500);
        }
    }
}
