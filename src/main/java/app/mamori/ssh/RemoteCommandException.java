package app.mamori.ssh;

/** A remote command exited non-zero where success was required. */
public class RemoteCommandException extends SshException {
    private final transient ExecResult result;

    public RemoteCommandException(String command, ExecResult result) {
        super("remote command failed with exit status " + result.exitStatus()
                + (result.stderr().isBlank() ? "" : ": " + result.lastStderrLine()));
        this.result = result;
    }

    public ExecResult result() {
        return result;
    }
}
