package app.mamori.engine.restore;

import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.secret.SecretStore;
import app.mamori.source.RestoreCommands;
import app.mamori.source.TableCounts;
import app.mamori.ssh.Exec;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.SshConnector;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The tables of a database as they are now, with their row counts, read on its server: the live
 * source, or a copy a restore made beside it. What an admin compares a backup or a restored copy
 * with before switching over. Reads only; the password travels on stdin as for a backup.
 */
public final class TablesNow {
    private final SshConnector ssh;
    private final SecretStore secrets;

    public TablesNow(SshConnector ssh, SecretStore secrets) {
        this.ssh = ssh;
        this.secrets = secrets;
    }

    /**
     * PostgreSQL: the tables other tables reference by foreign key in the live database, referenced
     * table to the tables referencing it. Restoring a referenced table in place fails: PostgreSQL
     * cannot drop it while the constraint stands. Other kinds: none known.
     */
    public Map<String, java.util.Set<String>> referencedBy(Server server, Source source) throws IOException {
        if (!(source instanceof Source.Database db) || db.kind() != SourceKind.POSTGRES) {
            return Map.of();
        }
        return TableCounts.parseReferences(run(server, source, TableCounts.postgresReferences(db), secretOf(db)));
    }

    private Optional<String> secretOf(Source.Database db) throws IOException {
        if (!db.hasPassword()) {
            return Optional.empty();
        }
        Optional<String> secret = secrets.get(SecretStore.sourcePasswordKey(db.name()));
        if (secret.isEmpty()) {
            throw new IOException("the password of source " + db.name() + " is missing from the secret store");
        }
        return secret;
    }

    private String run(Server server, Source source, String command, Optional<String> secret) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exec.Builder exec = Exec.of(command).stdout(out).timeout(Duration.ofMinutes(10));
        if (secret.isPresent()) {
            exec.stdin(new ByteArrayInputStream((secret.get() + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        try (RemoteShell shell = ssh.connect(server)) {
            ExecResult r = shell.exec(exec.build());
            if (!r.ok()) {
                throw new IOException("reading the tables of " + source.name() + " on server " + server.name()
                        + " failed (exit " + r.exitStatus() + "): " + r.serverError());
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * @param source a database or SQLite source
     * @param where  {@link RestoreTarget.InPlace} for the live source, a {@link RestoreTarget.NewDatabase} or
     *               (SQLite) {@link RestoreTarget.ToPath} for a copy
     * @param dumpCommand the dump command the backup recorded (MariaDB or MySQL client), when known
     */
    public Map<String, Long> count(Server server, Source source, RestoreTarget where, Optional<String> dumpCommand)
            throws IOException {
        String command;
        Optional<String> secret = Optional.empty();
        if (source instanceof Source.Database db) {
            Source.Database target = where instanceof RestoreTarget.NewDatabase n
                    ? RestoreCommands.withDatabase(db, n.name()) : db;
            command = db.kind() == SourceKind.POSTGRES ? TableCounts.postgres(target)
                    : TableCounts.mysql(target, RestoreCommands.mysqlClientFor(dumpCommand.orElse(null)));
            secret = secretOf(db);
        } else if (source instanceof Source.Sqlite s) {
            command = TableCounts.sqlite(where instanceof RestoreTarget.ToPath p ? p.path() : s.path());
        } else {
            throw new IllegalArgumentException(source.name() + " is a " + source.kind().id()
                    + " source: only databases have tables to count");
        }
        return TableCounts.parse(run(server, source, command, secret));
    }
}
