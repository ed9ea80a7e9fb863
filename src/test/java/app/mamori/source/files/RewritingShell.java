package app.mamori.source.files;

import app.mamori.ssh.Exec;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteShell;

import java.io.IOException;

/** A shell that swaps one exact command for another: a server misbehaving on cue. */
final class RewritingShell implements RemoteShell {
    private final RemoteShell inner;
    private final String from;
    private final String to;

    RewritingShell(RemoteShell inner, String from, String to) {
        this.inner = inner;
        this.from = from;
        this.to = to;
    }

    @Override
    public ExecResult exec(Exec e) throws IOException {
        String cmd = e.command().equals(from) ? to : e.command();
        return inner.exec(new Exec(cmd, e.stdin(), e.stdout(), e.stderrLimit(), e.timeout(), e.cancel(), e.idleTimeout()));
    }

    @Override
    public String hostKeyFingerprint() {
        return inner.hostKeyFingerprint();
    }

    @Override
    public void close() {
        inner.close();
    }
}
