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

    /**
     * The database server's own error, when the tool printed one (PostgreSQL's {@code ERROR:  cannot drop
     * table ... because other objects depend on it} with its {@code DETAIL} and {@code HINT}, MariaDB's
     * {@code ERROR 1146 (42S02) at line 5: ...}), else the last stderr line. pg_restore ends its stderr
     * with the statement that failed, which says what ran but not why it failed.
     */
    public String serverError() {
        String[] lines = stderr.strip().split("\n");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.contains("ERROR:") || l.matches("ERROR \\d+.*")) {
                StringBuilder s = new StringBuilder(l.replaceFirst("^.*?ERROR:\\s*", ""));
                for (int j = i + 1; j < lines.length && j <= i + 3; j++) {
                    String next = lines[j].strip();
                    if (next.startsWith("DETAIL:") || next.startsWith("HINT:")) {
                        s.append("; ").append(next);
                    }
                }
                return s.toString();
            }
        }
        return lastStderrLine();
    }

    /** The last non-empty stderr line: what a person should read first. */
    public String lastStderrLine() {
        String[] lines = stderr.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
