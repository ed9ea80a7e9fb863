package app.mamori.source;

import static app.mamori.source.RemoteScript.where;

import app.mamori.model.Note;
import app.mamori.model.Source;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.ShellQuote;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MariaDB and MySQL: a consistent logical dump ({@code --single-transaction}) with routines,
 * triggers and events, as SQL compressed with zstd in the vault. Prefers {@code mariadb-dump}
 * and falls back to {@code mysqldump}.
 */
public final class MysqlDriver implements DumpDriver<Source.Database> {
    static final String PASSWORD_VAR = "MYSQL_PWD";
    private static final String FIND_TOOL =
            "command -v mariadb-dump 2>/dev/null || command -v mysqldump 2>/dev/null || exit 127";

    @Override
    public ToolCheck check(RemoteShell shell, Source.Database src, Optional<String> secret) throws IOException {
        String find = src.container().isEmpty() ? FIND_TOOL
                : ShellQuote.command(RemoteScript.inContainer(src.container(), Optional.empty(),
                        List.of("sh", "-c", FIND_TOOL)));
        RemoteScript.Captured found = RemoteScript.capture(shell, find, null);
        if (!found.ok()) {
            Optional<Note> noContainer = RemoteScript.containerUnavailable(src, found.result());
            if (noContainer.isPresent()) {
                throw new SourceException(noContainer.get(), found.result().stderr());
            }
            if (RemoteScript.notFound(found.result())) {
                throw new SourceException(Note.of("toolMissing", "neither mariadb-dump nor mysqldump is installed "
                        + where(src) + "; install the MariaDB or MySQL client (Debian: mariadb-client)",
                        "mariadb-dump", RemoteScript.place(src), "mariadb-client"), found.result().stderr());
            }
            throw new SourceException("cannot look for mariadb-dump " + where(src) + ": "
                    + found.result().lastStderrLine(), found.result().stderr());
        }
        String tool = found.stdout().strip();
        RemoteScript.Captured version = RemoteScript.capture(shell, ShellQuote.command(
                RemoteScript.inContainer(src.container(), Optional.empty(), List.of(tool, "--version"))), null);
        if (!version.ok()) {
            throw new SourceException(tool + " --version failed " + where(src) + ": "
                    + version.result().lastStderrLine(), version.result().stderr());
        }
        // connect once with the real credentials, so a wrong password fails here and not mid-run
        List<String> probe = new ArrayList<>(List.of(tool, "--no-data", "--skip-triggers", "--no-create-info"));
        probe.addAll(connection(src));
        RemoteScript.Captured p = RemoteScript.capture(shell, withSecret(src, secret, probe), secret.orElse(null));
        if (!p.ok()) {
            throw new SourceException(explain(src, p.result()), p.result().stderr());
        }
        return new ToolCheck(tool, version.stdout().strip(), List.of());
    }

    @Override
    public DumpCommand dump(Source.Database src, ToolCheck tools, Optional<String> secret) {
        List<String> argv = new ArrayList<>(List.of(tools.tool(), "--single-transaction", "--routines",
                "--triggers", "--events", "--hex-blob"));
        argv.addAll(connection(src));
        return new DumpCommand(withSecret(src, secret, argv), secret.orElse(null), src.name() + ".sql.zst", true);
    }

    @Override
    public String explainFailure(Source.Database src, ExecResult r) {
        return explain(src, r).english();
    }

    @Override
    public Optional<Note> reason(Source.Database src, ExecResult r) {
        return Optional.of(explain(src, r));
    }

    private static String withSecret(Source.Database src, Optional<String> secret, List<String> argv) {
        String cmd = ShellQuote.command(RemoteScript.inContainer(src.container(), secret.map(s -> PASSWORD_VAR), argv));
        return secret.isPresent() ? RemoteScript.withSecretFromStdin(PASSWORD_VAR, cmd) : cmd;
    }

    /** Connection options, then "--" so a database name can never be read as an option. */
    private static List<String> connection(Source.Database src) {
        List<String> words = new ArrayList<>();
        src.dbHost().ifPresent(h -> words.add("--host=" + h));
        src.dbPort().ifPresent(p -> words.add("--port=" + p));
        src.dbUser().ifPresent(u -> words.add("--user=" + u));
        words.add("--");
        words.add(src.database());
        return words;
    }

    static Note explain(Source.Database src, ExecResult r) {
        String err = r.stderr();
        String user = src.dbUser().orElse("the SSH user");
        String at = RemoteScript.place(src);
        Optional<Note> noContainer = RemoteScript.containerUnavailable(src, r);
        if (noContainer.isPresent()) {
            return noContainer.get();
        }
        if (RemoteScript.notFound(r)) {
            return Note.of("toolMissing", "mariadb-dump is not installed " + where(src)
                    + "; install the MariaDB client (Debian: mariadb-client)", "mariadb-dump", at, "mariadb-client");
        }
        if (err.contains("Access denied")) {
            return Note.of("dbPasswordRefused", "MariaDB/MySQL refused user " + user + " " + where(src)
                    + "; check --db-user and set the password again with: mamori source set-password "
                    + src.name() + " --password-stdin", "MariaDB/MySQL", at, src.name());
        }
        if (err.contains("Unknown database")) {
            return Note.of("dbMissing", "database '" + src.database() + "' does not exist " + where(src)
                    + "; check --database", src.database(), at);
        }
        if (err.contains("Can't connect") || err.contains("Connection refused")) {
            String last = RemoteScript.lastLine(err);
            return Note.of("dbUnreachable", "cannot reach MariaDB/MySQL " + where(src)
                    + "; check --db-host and --db-port: " + last, "MariaDB/MySQL", at, last);
        }
        String last = RemoteScript.lastLine(err);
        return Note.of("dumpFailed", "the MariaDB/MySQL dump failed " + where(src) + " (exit " + r.exitStatus() + "): "
                + last, "mariadb-dump", at, r.exitStatus(), last);
    }
}
