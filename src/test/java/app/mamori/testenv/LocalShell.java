package app.mamori.testenv;

import app.mamori.ssh.Exec;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteShell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * TEST ONLY: a {@link RemoteShell} that runs each command locally with {@code /bin/sh -c}, so
 * code built on remote commands can be tested before (and apart from) the SSH layer. Streams
 * like the real one: stdin pumped and closed, stdout streamed, stderr bounded, exit status.
 */
public final class LocalShell implements RemoteShell {

    @Override
    public ExecResult exec(Exec exec) throws IOException {
        exec.cancel().throwIfCancelled();
        Process p = new ProcessBuilder("/bin/sh", "-c", exec.command()).start();
        AtomicBoolean killed = new AtomicBoolean();
        Runnable kill = () -> {
            killed.set(true);
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        };
        var stderr = new BoundedSink(exec.stderrLimit());
        Thread errPump = Proc.pump(p.getErrorStream(), stderr);
        Thread inPump = feedStdin(exec.stdin(), p.getOutputStream());
        CompletableFuture<Void> timer = exec.timeout() == null ? null
                : CompletableFuture.runAsync(kill, CompletableFuture.delayedExecutor(
                exec.timeout().toMillis(), TimeUnit.MILLISECONDS));
        long stdoutBytes;
        try (AutoCloseable hook = exec.cancel().onCancel(kill)) {
            stdoutBytes = copy(p.getInputStream(), exec.stdout());
            p.waitFor();
            errPump.join();
            inPump.join();
        } catch (IOException e) {
            kill.run();
            throw e;
        } catch (Exception e) {
            kill.run();
            throw new IOException("local command failed: " + e.getMessage(), e);
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
        }
        if (killed.get()) {
            exec.cancel().throwIfCancelled();
            throw new IOException("command timed out after " + exec.timeout());
        }
        return new ExecResult(p.exitValue(), stderr.text(), stderr.truncated, stdoutBytes);
    }

    private static long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        try (in) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                if (out != null) {
                    out.write(buf, 0, n);
                }
                total += n;
            }
        }
        return total;
    }

    private static Thread feedStdin(InputStream source, OutputStream processIn) {
        Thread t = new Thread(() -> {
            try (processIn) {
                if (source != null) {
                    source.transferTo(processIn);
                }
            } catch (IOException ignored) {
                // the command stopped reading; its exit status says why
            }
        }, "local-shell-stdin");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public String hostKeyFingerprint() {
        return "SHA256:local-shell-has-no-host-key";
    }

    @Override
    public void close() {
    }

    /** Keeps the first {@code limit} bytes of stderr and remembers whether more came. */
    private static final class BoundedSink extends OutputStream {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final int limit;
        private volatile boolean truncated;

        BoundedSink(int limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = Math.max(0, limit - kept.size());
            kept.write(b, off, Math.min(room, len));
            if (len > room) {
                truncated = true;
            }
        }

        synchronized String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}
