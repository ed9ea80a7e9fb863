package app.mamori.source;

import app.mamori.model.Source;
import app.mamori.ssh.ShellQuote;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The remote commands of verification and restore drills: format checks that read an artifact
 * on stdin, and the scratch targets a drill creates, counts and always removes. Pure.
 */
public final class CheckCommands {
    private CheckCommands() {
    }

    /**
     * {@code pg_restore --list} of the custom dump on stdin (on the host or in the source's
     * container); the rest of stdin is drained, so the stream always ends cleanly and the exit
     * status is pg_restore's.
     */
    public static String postgresList(Source.Database src) {
        return ShellQuote.command(RemoteScript.inContainer(src.container(), Optional.empty(),
                List.of("pg_restore", "--list"), true)) + " > /dev/null; r=$?; cat > /dev/null; exit $r";
    }

    /** The SQLite file on stdin goes to a temp file, {@code PRAGMA integrity_check} prints {@code ok} or the damage; the temp file is always removed. */
    public static String sqliteIntegrity() {
        return "set -e; t=$(mktemp /var/tmp/mamori-verify.XXXXXX); "
                + RemoteScript.onExit("rm -f \"$t\" \"$t-wal\" \"$t-shm\" \"$t-journal\"")
                + "cat > \"$t\"; sqlite3 -bail \"$t\" 'PRAGMA integrity_check'";
    }

    /** The scratch copy of a PostgreSQL or MariaDB/MySQL database that a drill restores into. */
    public static Source.Database scratch(Source.Database src, String scratch) {
        return RestoreCommands.withDatabase(src, scratch);
    }

    /** Removes a drill's scratch database; succeeds when it is already gone. */
    public static String dropDatabase(Source.Database src, String client, String scratch) {
        if (src.kind() == app.mamori.model.SourceKind.POSTGRES) {
            String drop = "DROP DATABASE IF EXISTS \"" + scratch.replace("\"", "\"\"") + "\"";
            return RestoreCommands.postgres(src, List.of("psql", "-XAtq", "--no-password", "-v", "ON_ERROR_STOP=1",
                    "-c", drop, "--dbname=" + PostgresDriver.conninfo(src)), false);
        }
        List<String> argv = new ArrayList<>(List.of(client));
        argv.addAll(RestoreCommands.mysqlConnection(src));
        argv.addAll(List.of("-e", "DROP DATABASE IF EXISTS `" + scratch.replace("`", "``") + "`"));
        return RestoreCommands.mysql(src, argv, false);
    }

    /** Removes a drill's scratch SQLite file and whatever SQLite left beside it. */
    public static String removeFile(String path) {
        String f = ShellQuote.quote(path);
        return "rm -f -- " + f + " " + ShellQuote.quote(path + "-wal") + " " + ShellQuote.quote(path + "-shm") + " "
                + ShellQuote.quote(path + "-journal");
    }

    /** Every regular file below {@code dir} as {@code HEX  ./path} NUL-terminated lines (names may hold newlines). */
    public static String hashTree(String dir) {
        return "cd " + ShellQuote.quote(dir) + " && find . -type f -exec sha256sum -z -- {} +";
    }

    /** Every regular file in Docker volume {@code volume} as {@code HEX  ./path} NUL-terminated lines. */
    public static String hashVolume(String volume) {
        return "set -e; m=$(docker volume inspect --format '{{.Mountpoint}}' -- " + ShellQuote.quote(volume)
                + "); cd \"$m\"; find . -type f -exec sha256sum -z -- {} +";
    }

    /** Removes a drill's scratch volume, and only that; succeeds when it is already gone. */
    public static String removeDrillVolume(String volume) {
        String v = ShellQuote.quote(volume);
        return "case " + v + " in mamori_drill_*) ;; *) echo 'mamori: not a drill volume' >&2; exit 64;; esac; "
                + "docker volume inspect -- " + v + " >/dev/null 2>&1 || exit 0; docker volume rm -- " + v + " >/dev/null";
    }

    /** Removes a drill's scratch folder, and only that: anything not named like one is refused. */
    public static String removeDrillTree(String dir) {
        return "case " + ShellQuote.quote(dir) + " in /var/tmp/mamori_drill_*) rm -rf -- " + ShellQuote.quote(dir)
                + ";; *) echo 'mamori: not a drill folder' >&2; exit 64;; esac";
    }

    /**
     * The last 4 KiB of a MariaDB/MySQL dump in a vault on a server, for its "Dump completed"
     * line; a zstd file is first decoded to its end ({@code zstd -t}), so damage anywhere fails
     * here and not only damage in the tail.
     */
    public static String dumpTail(String path, boolean zstd) {
        String f = ShellQuote.quote(path);
        String missing = "test -f " + f + " || { echo \"mamori: the backup file is missing: \"" + f + " >&2; exit 66; }; ";
        return missing + (zstd ? "zstd -q -t -- " + f + " && zstd -q -d -c -- " + f + " | tail -c 4096"
                : "tail -c 4096 -- " + f);
    }

    /** Prints a SHA-256 line ({@code HEX  -}) and the size of a file in a vault on a server. */
    public static String hashFile(String path) {
        return "f=" + ShellQuote.quote(path) + "; sha256sum < \"$f\" && stat -c %s -- \"$f\"";
    }
}
