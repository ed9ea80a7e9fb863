package app.mamori.source;

/**
 * A remote command whose stdout is the artifact.
 *
 * @param command      the command line; contains no secret
 * @param stdinSecret  the secret to send as the first line of stdin, or null
 * @param artifactName file name in the restore point
 * @param compress     whether the vault should zstd-compress the stream
 * @param okExitCodes  exit codes that mean success (tar's 1 means "a file changed while read")
 */
public record DumpCommand(String command, String stdinSecret, String artifactName, boolean compress,
                          java.util.Set<Integer> okExitCodes) {
    public DumpCommand(String command, String stdinSecret, String artifactName, boolean compress) {
        this(command, stdinSecret, artifactName, compress, java.util.Set.of(0));
    }

    @Override
    public String toString() {
        return "DumpCommand[" + command + ", secret=" + (stdinSecret == null ? "none" : "on stdin") + "]";
    }
}
