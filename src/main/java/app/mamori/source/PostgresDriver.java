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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL: {@code pg_dump -Fc} of one database, already compressed, restorable with pg_restore;
 * run in an exported snapshot whose tables are counted too (see {@link PostgresSnapshotDump}).
 */
public final class PostgresDriver implements DumpDriver<Source.Database> {
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(?:\\.(\\d+))?");
    static final String PASSWORD_VAR = "PGPASSWORD";

    @Override
    public ToolCheck check(RemoteShell shell, Source.Database src, Optional<String> secret) throws IOException {
        RemoteScript.Captured c = RemoteScript.capture(shell, ShellQuote.command(RemoteScript.inContainer(
                src.container(), Optional.empty(), List.of("pg_dump", "--version"))), null);
        ExecResult r = c.result();
        if (!r.ok()) {
            if (RemoteScript.containerUnavailable(src, r).isPresent() || RemoteScript.notFound(r)) {
                throw new SourceException(explain(src, r), r.stderr());
            }
            throw new SourceException("pg_dump --version failed " + where(src) + ": " + r.lastStderrLine(), r.stderr());
        }
        String version = c.stdout();
        int toolMajor = major(version);
        List<String> warnings = new ArrayList<>();
        Optional<Integer> serverMajor = serverMajor(shell, src, secret);
        if (serverMajor.isEmpty()) {
            warnings.add("psql is not installed " + where(src) + ", so the server version was not compared with pg_dump's");
        } else if (toolMajor < serverMajor.get()) {
            throw new SourceException("pg_dump " + toolMajor + " " + where(src) + " cannot dump a PostgreSQL "
                    + serverMajor.get() + " server; install postgresql-client-" + serverMajor.get(), version);
        }
        return new ToolCheck("pg_dump", version.strip(), warnings);
    }

    private Optional<Integer> serverMajor(RemoteShell shell, Source.Database src, Optional<String> secret) throws IOException {
        List<String> psql = List.of("psql", "-XAtq", "--no-password", "-c", "SHOW server_version_num", "--dbname=" + conninfo(src));
        String cmd = ShellQuote.command(RemoteScript.inContainer(src.container(),
                secret.map(s -> PASSWORD_VAR), psql));
        if (src.container().isEmpty()) {
            cmd = "command -v psql >/dev/null 2>&1 || exit 200; " + cmd;
        }
        if (secret.isPresent()) {
            cmd = RemoteScript.withSecretFromStdin(PASSWORD_VAR, "sh -c " + ShellQuote.quote(cmd));
        }
        RemoteScript.Captured c = RemoteScript.capture(shell, cmd, secret.orElse(null));
        ExecResult r = c.result();
        if (r.exitStatus() == 200) {
            return Optional.empty();
        }
        if (!r.ok()) {
            throw new SourceException(explain(src, r), r.stderr());
        }
        try {
            return Optional.of(Integer.parseInt(c.stdout().strip()) / 10000);
        } catch (NumberFormatException e) {
            throw new SourceException("unexpected answer to SHOW server_version_num " + where(src) + ": "
                    + c.stdout().strip(), c.stdout());
        }
    }

    @Override
    public DumpCommand dump(Source.Database src, ToolCheck tools, Optional<String> secret) {
        String cmd = "sh -c " + ShellQuote.quote(PostgresSnapshotDump.script(src, secret.map(s -> PASSWORD_VAR)));
        if (secret.isPresent()) {
            cmd = RemoteScript.withSecretFromStdin(PASSWORD_VAR, cmd);
        }
        return new DumpCommand(cmd, secret.orElse(null), src.name() + ".pgdump", false);
    }

    @Override
    public String explainFailure(Source.Database src, ExecResult r) {
        return explain(src, r).english();
    }

    @Override
    public Optional<Note> reason(Source.Database src, ExecResult r) {
        return Optional.of(explain(src, r));
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
            return Note.of("toolMissing", "pg_dump is not installed " + where(src)
                    + "; install the PostgreSQL client (Debian: postgresql-client)", "pg_dump", at, "postgresql-client");
        }
        if (err.contains("password authentication failed") || err.contains("no password supplied")) {
            return Note.of("dbPasswordRefused", "PostgreSQL refused the password for user " + user + " " + where(src)
                    + "; set it again with: mamori source set-password " + src.name() + " --password-stdin",
                    "PostgreSQL", at, src.name());
        }
        if (err.contains("does not exist") && err.contains("database")) {
            return Note.of("dbMissing", "database '" + src.database() + "' does not exist " + where(src)
                    + "; check --database", src.database(), at);
        }
        if (err.contains("Connection refused") || err.contains("could not connect")) {
            String last = RemoteScript.lastLine(err);
            return Note.of("dbUnreachable", "cannot reach PostgreSQL " + where(src) + "; check --db-host and --db-port: "
                    + last, "PostgreSQL", at, last);
        }
        if (err.contains("server version mismatch")) {
            return Note.of("toolTooOld", "pg_dump is older than the PostgreSQL server " + where(src)
                    + "; install the matching postgresql-client", "pg_dump", at, "postgresql-client");
        }
        String last = RemoteScript.lastLine(err);
        return Note.of("dumpFailed", "pg_dump failed " + where(src) + " (exit " + r.exitStatus() + "): " + last,
                "pg_dump", at, r.exitStatus(), last);
    }

    /** libpq connection string; each value in single quotes with \ and ' escaped, so no value can add a keyword. */
    static String conninfo(Source.Database src) {
        StringBuilder sb = new StringBuilder();
        src.dbHost().ifPresent(h -> kv(sb, "host", h));
        src.dbPort().ifPresent(p -> kv(sb, "port", p.toString()));
        src.dbUser().ifPresent(u -> kv(sb, "user", u));
        kv(sb, "dbname", src.database());
        return sb.toString();
    }

    private static void kv(StringBuilder sb, String key, String value) {
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(key).append("='").append(value.replace("\\", "\\\\").replace("'", "\\'")).append('\'');
    }

    static int major(String versionLine) throws SourceException {
        Matcher m = VERSION.matcher(versionLine);
        if (!m.find()) {
            throw new SourceException("cannot read pg_dump's version from: " + versionLine.strip(), versionLine);
        }
        return Integer.parseInt(m.group(1));
    }
}
