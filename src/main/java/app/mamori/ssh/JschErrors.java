package app.mamori.ssh;

import app.mamori.model.Note;
import com.jcraft.jsch.JSchException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Turns JSch's connect failures into messages an admin can act on. */
final class JschErrors {
    private JschErrors() {
    }

    static SshException connectFailed(JSchException e, SshTarget t, PolicyHostKeys hostKeys, Credentials.Offered offered,
                                      int timeoutMs) {
        if (hostKeys.rejection().isPresent()) {
            return hostKeys.rejection().get();
        }
        String msg = e.getMessage() == null ? "" : e.getMessage();
        Throwable cause = rootCause(e);
        String where = t.where();
        if (cause instanceof ConnectException || msg.contains("Connection refused")) {
            return new SshException(Note.of("sshRefused", "cannot connect to " + where + ": connection refused. Is sshd "
                    + "running there, and is " + t.port() + " the right port?", where, t.port()), e);
        }
        if (cause instanceof UnknownHostException) {
            return new SshException(Note.of("sshUnknownHost", "cannot connect to " + where + ": unknown host '"
                    + t.hostName() + "'. Check the address (or the ~/.ssh/config alias) and DNS.", where, t.hostName()), e);
        }
        if (cause instanceof NoRouteToHostException) {
            return new SshException(Note.of("sshNoRoute", "cannot connect to " + where
                    + ": no route to host. Is the network up?", where), e);
        }
        if (cause instanceof SocketTimeoutException || msg.startsWith("timeout")) {
            return new SshException(Note.of("sshTimeout", "connecting to " + where + " timed out after "
                    + timeoutMs / 1000 + " s: the host is down, or a firewall drops SSH.", where, timeoutMs / 1000), e);
        }
        if (msg.startsWith("Auth fail") || msg.startsWith("Auth cancel")) {
            String english = "the server refused " + offered.english() + " for user " + t.user() + " on " + where
                    + ". Add the public key to ~" + t.user() + "/.ssh/authorized_keys there, or check the user name.";
            return new SshException(offered.agent() ? Note.of("sshAuthAgent", english, offered.where(), t.user(), where)
                    : Note.of("sshAuth", english, offered.where(), t.user(), where), e);
        }
        if (msg.contains("Algorithm negotiation fail")) {
            return new SshException(Note.of("sshAlgorithms", "cannot agree on SSH algorithms with " + where + " (" + msg
                    + "); the server may be very old or restricted.", where, msg), e);
        }
        if (msg.contains("End of IO Stream") || msg.contains("Connection reset") || msg.contains("connection is closed")) {
            return new SshException(Note.of("sshClosed", where + " closed the connection during the SSH handshake: is "
                    + "it an SSH server, and does it allow this client (MaxStartups, AllowUsers, fail2ban)?", where), e);
        }
        return new SshException(Note.of("sshFailed", "SSH connection to " + where + " failed: " + msg, where, msg), e);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
