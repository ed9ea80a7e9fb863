package app.mamori.ssh;

/**
 * How every remote command is wrapped: killed reliably, and never closed before its input.
 *
 * <p>Killing a remote command reliably. The SSH "signal" request is refused by OpenSSH when the
 * login user is root ("session signalling requires privilege separation"), and root is a
 * common backup user; closing the channel alone leaves a {@code sleep} or a stalled dump
 * running. So every command first prints its shell's PID on stderr. sshd starts each command
 * in a new session (setsid), so that PID is also the process group of the whole pipeline, and
 * a second exec on the same session can kill the group.
 *
 * <p>Never closed before its input: a command that ends while its stdin is still on the way
 * made sshd close the channel under JSch, which then either failed to start its stdin thread
 * (a {@code NullPointerException} from {@code connect}) or sent stdin after the close, and sshd
 * drops the whole session for data on a channel it has freed. So a command given stdin runs
 * in a subshell; after it, the shell prints {@link #END} on stderr and drains stdin until the
 * EOF that Mamori sends on seeing that line, and only then exits with the command's status.
 * The channel closes after Mamori's EOF, never before it. A command without stdin gets its
 * EOF at once and needs none of this.
 */
final class RemotePid {
    static final String MARKER = "\u001emamori-pid:";
    /** The line the shell prints on stderr once the command has ended. */
    static final String END = "\u001emamori-end\n";

    private RemotePid() {
    }

    /** The command, unchanged in meaning, run by the same login shell after the PID line. */
    static String wrap(String command) {
        return "printf '\\036mamori-pid:%s\\n' \"$$\" >&2\n" + command;
    }

    /**
     * For a command given stdin: run in a subshell between the PID line and the end line, then
     * stdin drained; the subshell keeps an {@code exit} or {@code exec} in the command from
     * skipping the drain.
     */
    static String wrapDraining(String command) {
        return "printf '\\036mamori-pid:%s\\n' \"$$\" >&2\n"
                + "(\n" + command + "\n)\n"
                + "mamori_status=$?\n"
                + "printf '\\036mamori-end\\n' >&2\n"
                + "cat >/dev/null\n"
                + "exit \"$mamori_status\"";
    }

    /** A command that kills the process group led by {@code pid}, or the process alone. */
    static String killCommand(long pid) {
        String g = "-" + pid;
        // TERM first, so the command's own traps remove its temp files; KILL what is left after 2 s
        return "kill -TERM -- " + g + " 2>/dev/null || kill -TERM " + pid + " 2>/dev/null; i=0; "
                + "while [ $i -lt 20 ] && { kill -0 -- " + g + " || kill -0 " + pid + "; } 2>/dev/null; do sleep 0.1;"
                + " i=$((i+1)); done; kill -KILL -- " + g + " 2>/dev/null || kill -KILL " + pid + " 2>/dev/null; true";
    }
}
