package app.mamori.ssh;

import java.io.IOException;

/**
 * An open SSH session to one server. Thread-safe: several commands may run at once, each on
 * its own channel.
 */
public interface RemoteShell extends AutoCloseable {

    /**
     * Runs one command and waits for it to end. Stdout is streamed into {@code exec.stdout()},
     * stdin (if any) is streamed from {@code exec.stdin()} and closed at its end, stderr is
     * kept up to a bound. Cancelling the exec's token (or its timeout) kills the remote
     * process and throws {@link app.mamori.util.CancelToken.CancelledException} or
     * {@link SshException}.
     *
     * @return the remote exit status and stderr; a non-zero status is not an exception
     */
    ExecResult exec(Exec exec) throws IOException;

    /** Runs a short command and returns its stdout as UTF-8, failing with its stderr if it exits non-zero. */
    default String run(String command) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        ExecResult r = exec(Exec.of(command).stdout(out).build());
        if (r.exitStatus() != 0) {
            throw new RemoteCommandException(command, r);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Listens on a free port of this computer's loopback and carries each connection to
     * {@code host:port} as the server sees it, through this connection (ssh -L). Only this
     * process can use it: it listens on 127.0.0.1, never on the network.
     *
     * @throws SshException when the server refuses forwarding (sshd's AllowTcpForwarding no)
     */
    default PortForward forward(String host, int port) throws IOException {
        throw new SshException("this connection cannot forward a port to " + host + ":" + port);
    }

    /** The server's host key as {@code SHA256:base64}, as OpenSSH prints it. */
    String hostKeyFingerprint();

    /** The jump host's key, when the connection went through one. */
    default java.util.Optional<JumpHostKey> jumpHostKey() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
