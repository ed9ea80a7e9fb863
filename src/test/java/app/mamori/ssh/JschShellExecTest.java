package app.mamori.ssh;

import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import app.mamori.util.CancelToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(SshdExtension.class)
class JschShellExecTest {
    private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newCachedThreadPool();
    private RemoteShell shell;

    @BeforeEach
    void connect(SshdServer sshd) throws IOException {
        shell = new JschConnector(sshd.newHomeWithPinnedKey().resolve("known_hosts"), null).connect(sshd.server("web"));
    }

    @AfterEach
    void disconnect() {
        shell.close();
        pool.shutdownNow();
    }

    @Test
    void exitStatusAndStderrAreCaptured() throws Exception {
        var out = new ByteArrayOutputStream();
        ExecResult r = shell.exec(Exec.of("echo out; echo 'first problem' >&2; echo 'it broke' >&2; exit 3")
                .stdout(out).build());
        assertThat(r.exitStatus()).isEqualTo(3);
        assertThat(r.stderr()).isEqualTo("first problem\nit broke\n");
        assertThat(r.lastStderrLine()).isEqualTo("it broke");
        assertThat(r.stderrTruncated()).isFalse();
        assertThat(out.toString()).isEqualTo("out\n");
        assertThat(r.stdoutBytes()).isEqualTo(4);
    }

    @Test
    void aCommandWhoseOutputStopsIsKilledAfterItsSilenceLimitAndSaysSo() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> shell.exec(Exec.of("printf header; exec sleep 60").stdout(OutputStream.nullOutputStream())
                .idleTimeout(Duration.ofSeconds(1)).build()))
                .isInstanceOf(StalledException.class)
                .hasMessageContaining("sent nothing for 1 s (after 6 bytes) and was stopped")
                .hasMessageContaining("--stall-timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("killed after its silence, not its sleep")
                .isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aSlowCommandThatKeepsSendingIsNotStoppedByTheSilenceLimit() throws Exception {
        ExecResult r = shell.exec(Exec.of("for i in 1 2 3 4 5 6; do printf x; sleep 0.4; done; exit 4")
                .stdout(OutputStream.nullOutputStream()).idleTimeout(Duration.ofSeconds(1)).build());

        assertThat(r.exitStatus()).isEqualTo(4);
        assertThat(r.stdoutBytes()).isEqualTo(6);
    }

    @Test
    void runThrowsRemoteCommandExceptionWithLastStderrLine() {
        assertThatThrownBy(() -> shell.run("echo 'pg_dump: error: no such database' >&2; exit 1"))
                .isInstanceOf(RemoteCommandException.class)
                .hasMessageContaining("exit status 1")
                .hasMessageContaining("no such database");
    }

    @Test
    void stderrIsBoundedAndFlaggedTruncated() throws Exception {
        ExecResult r = shell.exec(Exec.of("head -c 100000 /dev/zero | tr '\\0' x >&2").stderrLimit(1000).build());
        assertThat(r.exitStatus()).isZero();
        assertThat(r.stderr()).hasSizeLessThan(1100).startsWith("x".repeat(500)).endsWith("x".repeat(500))
                .contains("\n[... 99000 bytes of stderr left out ...]\n");
        assertThat(r.stderrTruncated()).isTrue();
    }

    @Test
    void stdinIsStreamedToTheCommandAndClosedAtItsEnd() throws Exception {
        byte[] data = new byte[10 * 1024 * 1024];
        new Random(42).nextBytes(data);
        var out = new ByteArrayOutputStream();
        ExecResult r = shell.exec(Exec.of("sha256sum").stdin(new ByteArrayInputStream(data)).stdout(out).build());
        assertThat(r.exitStatus()).isZero();
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        assertThat(out.toString()).startsWith(expected + "  -");
    }

    @Test
    void withoutStdinTheCommandSeesEofAtOnce() throws Exception {
        var out = new ByteArrayOutputStream();
        ExecResult r = shell.exec(Exec.of("wc -c").stdout(out).timeout(Duration.ofSeconds(20)).build());
        assertThat(r.exitStatus()).isZero();
        assertThat(out.toString().strip()).isEqualTo("0");
    }

    @Test
    void largeStdoutIsStreamedCompletely() throws Exception {
        long size = 300L * 1024 * 1024 + 17;
        var digest = MessageDigest.getInstance("SHA-256");
        var counting = new OutputStream() {
            long n;

            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                n += len;
                digest.update(b, off, len);
            }
        };
        var sum = new ByteArrayOutputStream();
        ExecResult r = shell.exec(Exec.of("head -c " + size + " /dev/urandom | tee >(sha256sum >&2)")
                .stdout(counting).build());
        // the remote side's hash arrives on stderr, so both ends hashed the same bytes
        assertThat(r.exitStatus()).isZero();
        assertThat(counting.n).isEqualTo(size);
        assertThat(r.stdoutBytes()).isEqualTo(size);
        assertThat(r.stderr()).startsWith(HexFormat.of().formatHex(digest.digest()));
        assertThat(sum.size()).isZero();
    }

    @Test
    void cancelKillsTheRemoteProcessAndThrowsCancelled() throws Exception {
        runAndCancel("");

        assertThat(shell.run("echo still-usable")).isEqualTo("still-usable\n");
    }

    /** A cancel stops the command with TERM before KILL, so its own trap removes what it left in a temp folder. */
    @Test
    void cancelLetsTheCommandsTrapRemoveItsTempFolder() throws Exception {
        Path scratch = Files.createTempDirectory("mamori-trap-");

        runAndCancel("trap 'rm -rf " + scratch + "' EXIT; trap 'exit 143' TERM HUP INT; ");

        for (int i = 0; i < 100 && Files.exists(scratch); i++) {
            Thread.sleep(50);
        }
        assertThat(scratch).doesNotExist();
    }

    @Test
    void timeoutKillsTheRemoteProcessAndThrowsSshException() throws Exception {
        String marker = "sleep 300." + ThreadLocalRandom.current().nextInt(1000, 9999);
        long start = System.nanoTime();
        assertThatThrownBy(() -> shell.exec(Exec.of(marker).timeout(Duration.ofMillis(700)).build()))
                .isInstanceOf(SshException.class)
                .isNotInstanceOf(CancelToken.CancelledException.class)
                .hasMessageContaining("did not finish within 700 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        awaitProcess(marker, false);
    }

    @Test
    void failingStdoutSinkStopsTheCommandAndSurfacesItsIOException() throws Exception {
        var diskFull = new OutputStream() {
            long n;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                n += len;
                if (n > 1_000_000) {
                    throw new IOException("No space left on device");
                }
            }
        };
        String marker = "300." + ThreadLocalRandom.current().nextInt(1000, 9999);
        long start = System.nanoTime();
        assertThatThrownBy(() -> shell.exec(Exec.of("cat /dev/zero; sleep " + marker).stdout(diskFull).build()))
                .isInstanceOf(IOException.class)
                .hasMessage("No space left on device");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        awaitProcess("sleep " + marker, false);
        assertThat(shell.run("echo session-alive")).isEqualTo("session-alive\n");
    }

    @Test
    void runtimeExceptionInSinkIsRethrownAndSessionSurvives() throws Exception {
        var broken = new OutputStream() {
            @Override
            public void write(int b) {
                throw new IllegalStateException("sink bug");
            }

            @Override
            public void write(byte[] b, int off, int len) {
                throw new IllegalStateException("sink bug");
            }
        };
        assertThatThrownBy(() -> shell.exec(Exec.of("head -c 100000 /dev/zero").stdout(broken).build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("sink bug");
        assertThat(shell.run("echo fine")).isEqualTo("fine\n");
    }

    @Test
    void failingStdinKillsTheCommandInsteadOfSendingEof() throws Exception {
        var failing = new InputStream() {
            int n;

            @Override
            public int read() throws IOException {
                return -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (n++ > 3) {
                    throw new IOException("vault read failed");
                }
                return len;
            }
        };
        var out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> shell.exec(Exec.of("wc -c; echo finished").stdin(failing).stdout(out)
                .timeout(Duration.ofSeconds(20)).build()))
                .isInstanceOf(IOException.class)
                .hasMessage("vault read failed");
        assertThat(out.toString()).doesNotContain("finished");
    }

    /**
     * A command that ends at once, while its input is still on the way, used to race JSch: its
     * close could clear the stdin thread JSch was starting (an NPE from connect), or stdin could
     * reach sshd after the channel's close, and sshd then drops the whole session. Hundreds of
     * such commands in a row on one session must each give their output and status.
     */
    @Test
    void commandsThatEndBeforeReadingTheirInputNeverBreakTheSession() throws Exception {
        for (int i = 0; i < 600; i++) {
            var out = new ByteArrayOutputStream();
            InputStream in = i % 2 == 0 ? new ByteArrayInputStream(("line " + i + "\n").getBytes()) : null;
            ExecResult r = shell.exec(Exec.of("printf x; exit 7").stdin(in).stdout(out)
                    .timeout(Duration.ofSeconds(20)).build());
            assertThat(r.exitStatus()).as("exit status of command %d", i).isEqualTo(7);
            assertThat(out.toString()).as("output of command %d", i).isEqualTo("x");
            assertThat(r.stderr()).as("stderr of command %d", i).isEmpty();
        }
        assertThat(shell.run("echo still-up")).isEqualTo("still-up\n");
    }

    /** A command that fails early stops the input at once instead of taking all of it. */
    @Test
    void aCommandThatEndsEarlyStopsALongInput() throws Exception {
        long total = 4L << 30;
        var endless = new InputStream() {
            long sent;

            @Override
            public int read() {
                return sent++ < total ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= total) {
                    return -1;
                }
                int n = (int) Math.min(len, total - sent);
                java.util.Arrays.fill(b, off, off + n, (byte) 'z');
                sent += n;
                return n;
            }
        };
        var out = new ByteArrayOutputStream();
        ExecResult r = shell.exec(Exec.of("head -c 100000 >/dev/null; echo 'broken dump' >&2; exit 3")
                .stdin(endless).stdout(out).timeout(Duration.ofSeconds(60)).build());
        assertThat(r.exitStatus()).isEqualTo(3);
        assertThat(r.stderr()).isEqualTo("broken dump\n");
        assertThat(endless.sent).as("bytes taken from the input").isLessThan(total / 8);
        assertThat(shell.run("echo still-up")).isEqualTo("still-up\n");
    }

    @Test
    void commandsOnOneSessionRunConcurrently(SshdServer sshd) throws Exception {
        // the waiter only finishes if the second command runs while it still waits
        String flag = ShellQuote.quote(sshd.newEmptyHome().resolve("flag").toString());
        var waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return shell.run("i=0; while [ ! -e " + flag + " ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i+1)); done; "
                        + "[ -e " + flag + " ] && echo saw-flag");
            } catch (IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, pool);
        Thread.sleep(200);
        assertThat(shell.run("touch " + flag + "; echo touched")).isEqualTo("touched\n");
        assertThat(waiter.get(60, TimeUnit.SECONDS)).isEqualTo("saw-flag\n");
    }

    /** The test sshd runs on this machine, so its children are visible locally. */
    /**
     * Runs {@code prefix} then a long {@code sleep} on the server, cancels it once the sleep is
     * seen running, and checks that the run ends cancelled and the sleep is gone.
     */
    private void runAndCancel(String prefix) throws Exception {
        String marker = "sleep 300." + ThreadLocalRandom.current().nextInt(1000, 9999);
        var token = new CancelToken();
        var running = CompletableFuture.supplyAsync(() -> {
            try {
                return shell.exec(Exec.of(prefix + marker).cancel(token).build());
            } catch (IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, pool);
        awaitProcess(marker, true);
        token.cancel();

        assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(CancelToken.CancelledException.class);
        awaitProcess(marker, false);
    }

    static void awaitProcess(String commandLine, boolean present) throws InterruptedException {
        // up to 15 s: on a loaded machine the kill's round trip took longer than 5 s once
        for (int i = 0; i < 300; i++) {
            boolean found = ProcessHandle.allProcesses()
                    .map(p -> p.info().commandLine().orElse(""))
                    // Java reports the resolved executable: "/usr/bin/sleep 300.1"
                    .anyMatch(c -> c.equals(commandLine) || c.endsWith("/" + commandLine));
            if (found == present) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("process '" + commandLine + "' " + (present ? "never appeared" : "is still running"));
    }
}
