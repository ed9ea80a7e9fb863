package app.mamori.ssh;

/**
 * How a remote command ended.
 *
 * @param exitStatus      the remote exit status; -1 if the server sent none (killed by a signal, connection lost)
 * @param stderr          stderr decoded as UTF-8, at most the exec's bound
 * @param stderrTruncated whether stderr was longer than the bound
 * @param stdoutBytes     bytes of stdout received
 */
public record ExecResult(int exitStatus, String stderr, boolean stderrTruncated, long stdoutBytes) {
    public boolean ok() {
        return exitStatus == 0;
    }

    /** The last non-empty stderr line: what a person should read first. */
    public String lastStderrLine() {
        String[] lines = stderr.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
