package app.mamori.ssh;

/**
 * Killing a remote command reliably. The SSH "signal" request is refused by OpenSSH when the
 * login user is root ("session signalling requires privilege separation"), and root is a
 * common backup user; closing the channel alone leaves a {@code sleep} or a stalled dump
 * running. So every command first prints its shell's PID on stderr. sshd starts each command
 * in a new session (setsid), so that PID is also the process group of the whole pipeline, and
 * a second exec on the same session can kill the group.
 */
final class RemotePid {
    static final String MARKER = "\u001emamori-pid:";

    private RemotePid() {
    }

    /** The command, unchanged in meaning, run by the same login shell after the PID line. */
    static String wrap(String command) {
        return "printf '\\036mamori-pid:%s\\n' \"$$\" >&2\n" + command;
    }

    /** A command that kills the process group led by {@code pid}, or the process alone. */
    static String killCommand(long pid) {
        return "kill -KILL -- -" + pid + " 2>/dev/null || kill -KILL " + pid + " 2>/dev/null; true";
    }
}
