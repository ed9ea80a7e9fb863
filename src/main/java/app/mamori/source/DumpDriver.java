package app.mamori.source;

import app.mamori.model.Source;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteShell;

import java.io.IOException;
import java.util.Optional;

/**
 * How one kind of source is dumped: check the server's tools first, then a single remote
 * command streams the dump to stdout. The command runs without a pipe of its own, so its
 * exit status is the dump tool's.
 */
public interface DumpDriver<S extends Source> {

    /** Checks that the tools are there and fit the server; throws {@link SourceException} saying what to install or fix. */
    ToolCheck check(RemoteShell shell, S source, Optional<String> secret) throws IOException;

    /** The dump command for a checked source. */
    DumpCommand dump(S source, ToolCheck tools, Optional<String> secret);

    /** Turns a failed dump's result into a message for the admin. */
    String explainFailure(S source, ExecResult result);

    /**
     * The failure as a {@link app.mamori.model.Note} the app can say in its own language, for the
     * reasons that have one; its English is {@link #explainFailure}'s.
     */
    default java.util.Optional<app.mamori.model.Note> reason(S source, ExecResult result) {
        return java.util.Optional.empty();
    }
}
