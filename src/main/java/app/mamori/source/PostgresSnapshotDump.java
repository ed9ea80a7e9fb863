package app.mamori.source;

import app.mamori.model.Source;
import app.mamori.ssh.ShellQuote;

import java.util.List;
import java.util.Optional;

/**
 * pg_dump inside a snapshot that a psql session exported and keeps open, so the same session
 * can count every table's rows in exactly the data the dump holds. The counts go to stderr as
 * {@link TableCounts} lines (stdout is the artifact); the exit status is pg_dump's. When the
 * snapshot cannot be exported the dump does not run and the script says why.
 */
final class PostgresSnapshotDump {
    private PostgresSnapshotDump() {
    }

    static String script(Source.Database src, Optional<String> passwordVar) {
        String info = "--dbname=" + PostgresDriver.conninfo(src);
        String psql = ShellQuote.command(RemoteScript.inContainer(src.container(), passwordVar,
                List.of("psql", "-XAtq", "--no-password", "--field-separator=\t", "-v", "ON_ERROR_STOP=1", info), true));
        String pgDump = ShellQuote.command(RemoteScript.inContainer(src.container(), passwordVar,
                List.of("pg_dump", "--format=custom", "--no-password", "--snapshot=SNAPSHOT", info)))
                .replace("--snapshot=SNAPSHOT", "--snapshot=\"$s\"");
        return "d=$(mktemp -d /var/tmp/mamori-pg.XXXXXX) || exit 1; "
                + RemoteScript.onExit("exec 3>&-; wait; rm -rf \"$d\"")
                + "mkfifo \"$d/in\" || exit 1; "
                + psql + " < \"$d/in\" > \"$d/out\" 2> \"$d/err\" & p=$!; "
                + "exec 3> \"$d/in\"; "
                + "printf '%s\\n' 'BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;' 'SELECT pg_export_snapshot();' >&3; "
                // wait for the snapshot id itself (as 00000003-0000001B-1), not just any line of output
                + "n=0; while ! s=$(grep -m1 -E '^[0-9A-F]+-[0-9A-F]+(-[0-9]+)?$' \"$d/out\"); do n=$((n+1)); "
                + "if [ $n -gt 600 ] || ! kill -0 $p 2>/dev/null; then cat \"$d/err\" >&2; "
                + "echo 'mamori: psql could not export a snapshot for pg_dump' >&2; exit 1; fi; sleep 0.1; done; "
                + pgDump + "; r=$?; "
                + "if [ $r -eq 0 ]; then printf '%s\\n' " + ShellQuote.quote(TableCounts.POSTGRES_SQL + ";")
                + " 'COMMIT;' >&3; exec 3>&-; "
                + "if wait $p; then awk -v s=\"$s\" '$0 != s && $0 != \"\" { print \"" + TableCounts.MARKER.strip() + "\\t\" $0 }' \"$d/out\" >&2"
                + " && echo " + TableCounts.COUNTED + " >&2; else cat \"$d/err\" >&2; fi; fi; "
                + "exit $r";
    }
}
