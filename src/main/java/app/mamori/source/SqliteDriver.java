package app.mamori.source;

import app.mamori.model.Note;
import app.mamori.model.Source;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.ShellQuote;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * SQLite: an online copy through sqlite3's backup API into a temp file on the server, which
 * is streamed and removed. The copy's tables and row counts go to stderr (see {@link TableCounts}),
 * so they match the artifact exactly. Copying the database file itself while the app writes to it can
 * give a torn, unopenable copy; the backup API cannot.
 */
public final class SqliteDriver implements DumpDriver<Source.Sqlite> {

    @Override
    public ToolCheck check(RemoteShell shell, Source.Sqlite src, Optional<String> secret) throws IOException {
        RemoteScript.Captured v = RemoteScript.capture(shell, "sqlite3 -version", null);
        if (!v.ok()) {
            if (RemoteScript.notFound(v.result())) {
                throw new SourceException("sqlite3 is not installed on server " + src.server()
                        + "; install it (Debian: sqlite3)", v.result().stderr());
            }
            throw new SourceException("sqlite3 -version failed on server " + src.server() + ": "
                    + v.result().lastStderrLine(), v.result().stderr());
        }
        RemoteScript.Captured f = RemoteScript.capture(shell, "test -f " + ShellQuote.quote(src.path()), null);
        if (!f.ok()) {
            throw new SourceException(noFile(src), "");
        }
        return new ToolCheck("sqlite3", "sqlite3 " + v.stdout().strip(), List.of());
    }

    @Override
    public DumpCommand dump(Source.Sqlite src, ToolCheck tools, Optional<String> secret) {
        String path = ShellQuote.quote(src.path());
        // sqlite3 would create a missing database file: check first. The temp dir's name comes
        // from mktemp, so it is safe inside the dot-command's own quotes. /var/tmp, not /tmp: /tmp is
        // often RAM (tmpfs), and a database copy can be large.
        String cmd = "set -e; test -f " + path + " || { echo \"mamori: no such file: \"" + path + " >&2; exit 66; }; "
                + "d=$(mktemp -d /var/tmp/mamori-sqlite.XXXXXX); " + RemoteScript.onExit("rm -rf \"$d\"")
                + "sqlite3 -bail " + path + " \".backup '$d/copy.db'\"; "
                + TableCounts.sqliteInDump("\"$d/copy.db\"") + "; "
                + "cat \"$d/copy.db\"";
        return new DumpCommand(cmd, null, src.name() + ".sqlite.zst", true);
    }

    /** The file is gone, or the path was mistyped: said in words the app can translate. */
    static Note noFile(Source.Sqlite src) {
        return Note.of("noFile", "no file " + src.path() + " on server " + src.server() + "; check --path", src.path(),
                src.server());
    }

    @Override
    public java.util.Optional<Note> reason(Source.Sqlite src, ExecResult r) {
        return r.exitStatus() == 66 ? java.util.Optional.of(noFile(src)) : java.util.Optional.empty();
    }

    @Override
    public String explainFailure(Source.Sqlite src, ExecResult r) {
        String err = r.stderr();
        if (r.exitStatus() == 66) {
            return noFile(src).english();
        }
        if (err.contains("not a database") || err.contains("malformed")) {
            return src.path() + " on server " + src.server() + " is not a readable SQLite database: " + RemoteScript.lastLine(err);
        }
        if (err.contains("locked") || err.contains("busy")) {
            return "the SQLite database " + src.path() + " on server " + src.server()
                    + " stayed locked by its application; try again, or at a quieter time";
        }
        return "the SQLite backup of " + src.path() + " failed on server " + src.server()
                + " (exit " + r.exitStatus() + "): " + RemoteScript.lastLine(err);
    }
}
