package app.mamori.ssh;

import app.mamori.util.CancelToken;
import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A connected JSch session (and the jump session under it, if any). Each {@link #exec} opens
 * its own exec channel, so commands may run concurrently on one session.
 */
final class JschShell implements RemoteShell {
    private static final System.Logger LOG = System.getLogger(JschShell.class.getName());
    private static final int CHANNEL_OPEN_TIMEOUT_MS = 30_000;
    private static final int KILL_TIMEOUT_MS = 5_000;
    private static final int LOST_SESSION_WAIT_MS = 1_000;

    private final String serverName;
    private final Session session;
    private final Session jump;
    private final String fingerprint;
    private final JumpHostKey jumpKey;

    JschShell(String serverName, Session session, Session jump, String fingerprint, JumpHostKey jumpKey) {
        this.serverName = serverName;
        this.session = session;
        this.jump = jump;
        this.fingerprint = fingerprint;
        this.jumpKey = jumpKey;
    }

    @Override
    public PortForward forward(String host, int port) throws IOException {
        int local;
        try {
            // JSch picks a free port for 0; the forward only accepts connections from this computer
            local = session.setPortForwardingL("127.0.0.1", 0, host, port);
        } catch (JSchException e) {
            throw new SshException("could not forward a port to " + host + ":" + port + " on server '" + serverName
                    + "': " + e.getMessage(), e);
        }
        return new PortForward() {
            @Override
            public int localPort() {
                return local;
            }

            @Override
            public void close() {
                try {
                    session.delPortForwardingL("127.0.0.1", local);
                } catch (JSchException e) {
                    LOG.log(System.Logger.Level.DEBUG, "port forward " + local + " already gone", e);
                }
            }
        };
    }

    @Override
    public ExecResult exec(Exec exec) throws IOException {
        exec.cancel().throwIfCancelled();
        GuardedSource stdin = new GuardedSource(exec.stdin());
        GuardedSink stdout = new GuardedSink(exec.stdout());
        BoundedCapture stderr = new BoundedCapture(exec.stderrLimit());
        StderrWithPid stderrAndPid = new StderrWithPid(stderr, stdin::endInput);
        boolean hasInput = exec.stdin() != null;
        String command = hasInput ? RemotePid.wrapDraining(exec.command()) : RemotePid.wrap(exec.command());
        ChannelExec channel = open(command, hasInput ? stdin : null, stdout, stderrAndPid);
        Outcome outcome;
        try {
            channel.connect(CHANNEL_OPEN_TIMEOUT_MS);
            if (!hasInput) {
                sendEof(channel);
            }
            // no cancel hook: cancel() may come from the UI thread, which must not wait for a
            // remote kill; the waiting loop below notices the token within 20 ms instead
            outcome = await(channel, exec, stdin, stdout, stderrAndPid);
        } catch (JSchException e) {
            exec.cancel().throwIfCancelled();
            throw new SshException("could not start a command on server '" + serverName + "': " + e.getMessage()
                    + (session.isConnected() ? "" : " (the connection is closed; connect again)"), e);
        } finally {
            channel.disconnect();
        }
        stdout.finish();
        rethrowStreamFailure(stdout.failure(), "writing the command's output");
        rethrowStreamFailure(stdin.failure(), "reading the command's input");
        switch (outcome) {
            case CANCELLED -> throw new CancelToken.CancelledException();
            case TIMED_OUT -> throw new SshException("command on server '" + serverName + "' did not finish within "
                    + human(exec.timeout()) + " and was killed: " + abbreviate(exec.command()));
            case STALLED -> throw new StalledException(serverName, exec.idleTimeout(), stdout.bytes());
            case CONNECTION_LOST -> throw new SshException("the connection to server '" + serverName
                    + "' was lost while a command ran (its sshd ended or the network dropped it); nothing it sent"
                    + " was kept: check the server and try again. The command: " + abbreviate(exec.command()));
            default -> {
                return new ExecResult(channel.getExitStatus(), stderr.text(), stderr.truncated(), stdout.bytes());
            }
        }
    }

    private enum Outcome { DONE, CANCELLED, TIMED_OUT, STALLED, STREAM_FAILED, CONNECTION_LOST }

    private ChannelExec open(String command, GuardedSource in, GuardedSink out, StderrWithPid err) throws SshException {
        try {
            ChannelExec channel = (ChannelExec) session.openChannel("exec");
            channel.setCommand(command.getBytes(StandardCharsets.UTF_8));
            ChannelTuning.apply(channel);
            // setInputStream: JSch's channel thread pumps stdin and sends EOF at its end (with
            // none, no thread: the EOF is sent right after connect, see RemotePid for why).
            // setOutputStream: the session thread writes stdout straight into the sink, no pipe.
            channel.setInputStream(in, true);
            channel.setOutputStream(out, true);
            channel.setErrStream(err, true);
            return channel;
        } catch (JSchException e) {
            throw new SshException("could not open a channel to server '" + serverName + "': " + e.getMessage()
                    + (session.isConnected() ? "" : " (the connection is closed; connect again)"), e);
        }
    }

    /** EOF on the command's stdin; JSch sends it only if the channel is still open. */
    private void sendEof(ChannelExec channel) throws SshException {
        try {
            channel.getOutputStream().close();
        } catch (IOException e) {
            throw new SshException("could not close the input of a command on server '" + serverName + "': "
                    + e.getMessage(), e);
        }
    }

    /** Waits for the channel to close; polls because JSch offers no completion callback. */
    private Outcome await(ChannelExec channel, Exec exec, GuardedSource in, GuardedSink out, StderrWithPid pid)
            throws InterruptedIOException {
        long deadline = exec.timeout() == null ? Long.MAX_VALUE : System.nanoTime() + exec.timeout().toNanos();
        long idleNanos = exec.idleTimeout() == null ? Long.MAX_VALUE : exec.idleTimeout().toNanos();
        long lastBytes = out.bytes();
        long lastData = System.nanoTime();
        long pauseMs = 1;
        while (!channel.isClosed()) {
            Outcome stop = null;
            long now = System.nanoTime();
            if (out.bytes() != lastBytes) {
                lastBytes = out.bytes();
                lastData = now;
            }
            if (out.failure() != null || in.failure() != null) {
                stop = Outcome.STREAM_FAILED;
            } else if (exec.cancel().isCancelled()) {
                stop = Outcome.CANCELLED;
            } else if (now - deadline > 0) {
                stop = Outcome.TIMED_OUT;
            } else if (now - lastData > idleNanos) {
                stop = Outcome.STALLED;
            } else if (!session.isConnected()) {
                return Outcome.CONNECTION_LOST;
            }
            if (stop != null) {
                kill(channel, pid.pid());
                return stop;
            }
            try {
                Thread.sleep(pauseMs);
            } catch (InterruptedException e) {
                kill(channel, pid.pid());
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while a command ran on server '" + serverName + "'");
            }
            pauseMs = Math.min(pauseMs * 2, 20);
        }
        if (exec.cancel().isCancelled()) {
            return Outcome.CANCELLED;
        }
        if (out.failure() != null || in.failure() != null) {
            return Outcome.STREAM_FAILED;
        }
        return channel.getExitStatus() == -1 && connectionLost() ? Outcome.CONNECTION_LOST : Outcome.DONE;
    }

    /**
     * Whether the session died. A channel that closed without an exit status was killed by a
     * signal or lost with its connection; JSch closes the channels of a dead session before it
     * marks the session disconnected, so this waits a moment for the mark.
     */
    private boolean connectionLost() throws InterruptedIOException {
        long deadline = System.nanoTime() + LOST_SESSION_WAIT_MS * 1_000_000L;
        while (session.isConnected() && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while a command ran on server '" + serverName + "'");
            }
        }
        return !session.isConnected();
    }

    /**
     * Kills the remote command: the SSH signal request (honoured for non-root users), then a
     * group kill through a second channel (see {@link RemotePid}), then closes the channel.
     */
    private void kill(ChannelExec channel, long pid) {
        if (channel.isClosed()) {
            return;
        }
        try {
            channel.sendSignal("KILL");
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "could not send KILL on server " + serverName, e);
        }
        if (pid > 0) {
            killGroup(pid);
        }
        channel.disconnect();
    }

    private void killGroup(long pid) {
        ChannelExec killer = null;
        try {
            killer = (ChannelExec) session.openChannel("exec");
            killer.setCommand(RemotePid.killCommand(pid));
            killer.setInputStream(InputStream.nullInputStream());
            killer.connect(KILL_TIMEOUT_MS);
            long deadline = System.nanoTime() + KILL_TIMEOUT_MS * 1_000_000L;
            while (!killer.isClosed() && System.nanoTime() - deadline < 0) {
                Thread.sleep(5);
            }
        } catch (JSchException e) {
            LOG.log(System.Logger.Level.WARNING, "could not kill remote process " + pid + " on server " + serverName, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (killer != null) {
                killer.disconnect();
            }
        }
    }

    private static void rethrowStreamFailure(Throwable t, String what) throws IOException {
        if (t == null) {
            return;
        }
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof UncheckedIOException u) {
            throw u.getCause();
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IOException(what + " failed", t);
    }

    static String human(Duration d) {
        if (d.toMinutes() >= 2) {
            return d.toMinutes() + " min";
        }
        return d.toSeconds() >= 1 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String abbreviate(String command) {
        return command.length() <= 120 ? command : command.substring(0, 117) + "...";
    }

    @Override
    public String hostKeyFingerprint() {
        return fingerprint;
    }

    @Override
    public java.util.Optional<JumpHostKey> jumpHostKey() {
        return java.util.Optional.ofNullable(jumpKey);
    }

    @Override
    public void close() {
        session.disconnect();
        if (jump != null) {
            jump.disconnect();
        }
    }
}
