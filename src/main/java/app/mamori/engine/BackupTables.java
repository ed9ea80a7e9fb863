package app.mamori.engine;

import app.mamori.model.Note;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.source.RestoreCommands;
import app.mamori.source.TableCounts;
import app.mamori.source.ToolCheck;
import app.mamori.ssh.Exec;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteShell;
import app.mamori.util.CancelToken;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tables and row counts a database backup records in its manifest's {@code stats}, for
 * restore drills to compare with: {@code tables} (name to rows) and {@code tableCounts}
 * ({@code exact} when counted in the dump's own snapshot, as PostgreSQL and SQLite dumps do on
 * their stderr; {@code approximate} when counted just after it, as for MariaDB/MySQL, whose
 * {@code --single-transaction} snapshot cannot be shared, so rows written meanwhile may differ). A failed count never fails the backup;
 * it is noted as {@code tablesError}.
 */
final class BackupTables {
    static final String EXACT = "exact";
    static final String APPROXIMATE = "approximate";

    private BackupTables() {
    }

    static Map<String, Object> count(RemoteShell shell, Source source, Optional<String> secret, ToolCheck tools,
                                     ExecResult dump, BackupListener listener, CancelToken cancel)
            throws CancelToken.CancelledException {
        Map<String, Object> stats = new LinkedHashMap<>();
        Optional<Map<String, Long>> inDump = TableCounts.fromDumpStderr(dump.stderr());
        if (inDump.isPresent()) {
            stats.put("tables", inDump.get());
            stats.put("tableCounts", EXACT);
            return stats;
        }
        if (source instanceof Source.Sqlite) {
            stats.put("tablesError", "the copy's tables could not be counted" + (dump.stderrTruncated()
                    ? " (too many tables for the dump's stderr)" : ""));
            return stats;
        }
        if (!(source instanceof Source.Database db)) {
            return stats;
        }
        // mysqldump's snapshot (and pg_dump's, when its own counting failed) ended with the tool: count in a new one
        String command = db.kind() == SourceKind.POSTGRES ? TableCounts.postgres(db)
                : TableCounts.mysql(db, RestoreCommands.mysqlClientFor(tools.tool()));
        try {
            var out = new ByteArrayOutputStream();
            Exec.Builder exec = Exec.of(command).stdout(out).cancel(cancel).timeout(Duration.ofMinutes(30));
            if (db.hasPassword()) {
                exec.stdin(new ByteArrayInputStream((secret.orElse("") + "\n").getBytes(StandardCharsets.UTF_8)));
            }
            ExecResult r = shell.exec(exec.build());
            if (!r.ok()) {
                throw new IOException("exit " + r.exitStatus() + ": " + r.lastStderrLine());
            }
            stats.put("tables", TableCounts.parse(out.toString(StandardCharsets.UTF_8)));
            stats.put("tableCounts", APPROXIMATE);
            stats.put("tablesCounted", Instant.now().toString());
        } catch (CancelToken.CancelledException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            listener.note(Note.of("tablesNotCounted", "warning: " + source.name() + ": the tables were not counted, so a"
                    + " restore drill can only check that the restore works: " + e.getMessage(), source.name(), e.getMessage()));
            stats.put("tablesError", String.valueOf(e.getMessage()));
        }
        return stats;
    }
}
