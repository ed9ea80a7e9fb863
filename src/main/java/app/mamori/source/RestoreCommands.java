package app.mamori.source;

import app.mamori.model.Note;
import app.mamori.model.Source;
import app.mamori.ssh.ShellQuote;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The remote commands that put a dump back, per source kind. Pure: they build strings and
 * touch nothing, so a restore plan can show them before anything runs.
 */
public final class RestoreCommands {
    private RestoreCommands() {
    }

    /** PostgreSQL into a new database: create it (fails if it exists), then pg_restore in one transaction. */
    public static List<RestoreCommand> postgresToNewDatabase(Source.Database src, String newDatabase) {
        String create = "CREATE DATABASE \"" + newDatabase.replace("\"", "\"\"") + "\"";
        List<String> psql = List.of("psql", "-XAtq", "--no-password", "-v", "ON_ERROR_STOP=1", "-c", create,
                "--dbname=" + PostgresDriver.conninfo(src));
        return List.of(
                new RestoreCommand(Note.of("cmdCreateDatabase", "create database " + newDatabase, newDatabase), postgres(src, psql, false), src.hasPassword(), false),
                new RestoreCommand(Note.of("cmdRestoreInto", "pg_restore into " + newDatabase, newDatabase),
                        postgres(src, pgRestore(withDatabase(src, newDatabase), false), true), src.hasPassword(), true));
    }

    /**
     * PostgreSQL over the source database: pg_restore drops and recreates every object in the
     * dump, in one transaction, so a failure leaves the database as it was.
     */
    public static List<RestoreCommand> postgresInPlace(Source.Database src) {
        return List.of(new RestoreCommand(Note.of("cmdRestoreOver", "pg_restore --clean into " + src.database(), src.database()),
                postgres(src, pgRestore(src, true), true), src.hasPassword(), true));
    }

    private static List<String> pgRestore(Source.Database target, boolean clean) {
        return pgRestore(target, clean, List.of());
    }

    private static List<String> pgRestore(Source.Database target, boolean clean, List<String> tables) {
        List<String> argv = new ArrayList<>(List.of("pg_restore", "--no-owner", "--no-password", "--single-transaction"));
        if (clean) {
            argv.addAll(List.of("--clean", "--if-exists"));
        }
        for (String t : tables) {
            argv.add("--table=" + t);
        }
        argv.add("--dbname=" + PostgresDriver.conninfo(target));
        return argv;
    }

    /**
     * Only {@code tables} (definition and rows; not their indexes, constraints or triggers,
     * which pg_restore treats as separate objects) into {@code database}: the source's own
     * (dropped and recreated, in one transaction) or an existing other one.
     */
    public static List<RestoreCommand> postgresTables(Source.Database src, String database, List<String> tables,
                                                      boolean clean) {
        return List.of(new RestoreCommand(Note.of("cmdRestoreTables", "pg_restore of table " + String.join(", ", tables) + " into "
                + database, String.join(", ", tables), database),
                postgres(src, pgRestore(withDatabase(src, database), clean, tables), true), src.hasPassword(), true));
    }

    static String postgres(Source.Database src, List<String> argv, boolean stdin) {
        String cmd = ShellQuote.command(RemoteScript.inContainer(src.container(),
                passwordVar(src, PostgresDriver.PASSWORD_VAR), argv, stdin));
        return src.hasPassword() ? RemoteScript.withSecretFromStdin(PostgresDriver.PASSWORD_VAR, cmd) : cmd;
    }

    /** MariaDB/MySQL into a new database: CREATE DATABASE (fails if it exists), then the SQL through the client. */
    public static List<RestoreCommand> mysqlToNewDatabase(Source.Database src, String client, String newDatabase) {
        List<String> create = new ArrayList<>(List.of(client));
        create.addAll(mysqlConnection(src));
        create.addAll(List.of("-e", "CREATE DATABASE `" + newDatabase.replace("`", "``") + "`"));
        return List.of(
                new RestoreCommand(Note.of("cmdCreateDatabase", "create database " + newDatabase, newDatabase), mysql(src, create, false), src.hasPassword(), false),
                new RestoreCommand(Note.of("cmdLoadInto", "load the SQL dump into " + newDatabase, newDatabase),
                        mysql(src, mysqlLoad(src, client, newDatabase), true), src.hasPassword(), true));
    }

    /** MariaDB/MySQL over the source database: the dump drops and recreates each of its tables. */
    public static List<RestoreCommand> mysqlInPlace(Source.Database src, String client) {
        return List.of(new RestoreCommand(Note.of("cmdLoadOver", "load the SQL dump into " + src.database(), src.database()),
                mysql(src, mysqlLoad(src, client, src.database()), true), src.hasPassword(), true));
    }

    private static List<String> mysqlLoad(Source.Database src, String client, String database) {
        List<String> argv = new ArrayList<>(List.of(client));
        argv.addAll(mysqlConnection(src));
        argv.add("--database=" + database);
        return argv;
    }

    static List<String> mysqlConnection(Source.Database src) {
        List<String> words = new ArrayList<>();
        src.dbHost().ifPresent(h -> words.add("--host=" + h));
        src.dbPort().ifPresent(p -> words.add("--port=" + p));
        src.dbUser().ifPresent(u -> words.add("--user=" + u));
        return words;
    }

    static String mysql(Source.Database src, List<String> argv, boolean stdin) {
        String cmd = ShellQuote.command(RemoteScript.inContainer(src.container(),
                passwordVar(src, MysqlDriver.PASSWORD_VAR), argv, stdin));
        return src.hasPassword() ? RemoteScript.withSecretFromStdin(MysqlDriver.PASSWORD_VAR, cmd) : cmd;
    }

    /**
     * SQLite: the file is streamed into a temp file beside {@code path}, checked with
     * {@code PRAGMA integrity_check}, then put in place in one rename. With {@code replace}
     * it replaces the existing file (keeping its owner and mode) and refuses while a
     * {@code -wal} file holds data, which would be applied to the restored file by the next
     * opener; without it, it refuses to overwrite anything ({@code ln} never clobbers).
     */
    public static RestoreCommand sqlite(String path, boolean replace) {
        String file = ShellQuote.quote(path);
        String dir = path.substring(0, Math.max(1, path.lastIndexOf('/')));
        String template = ShellQuote.quote((dir.endsWith("/") ? dir : dir + "/") + ".mamori-restore.XXXXXX");
        StringBuilder sb = new StringBuilder("set -e; ");
        if (replace) {
            sb.append("test -f ").append(file).append(" || { echo \"mamori: no such file: \"").append(file)
                    .append(" >&2; exit 66; }; ");
            sb.append("if test -s ").append(ShellQuote.quote(path + "-wal")).append("; then echo \"mamori: \"")
                    .append(ShellQuote.quote(path + "-wal"))
                    .append("\" holds uncommitted data: stop the application first\" >&2; exit 75; fi; ");
        } else {
            sb.append("if test -e ").append(file).append("; then echo \"mamori: already exists: \"").append(file)
                    .append(" >&2; exit 73; fi; ");
        }
        sb.append("t=$(mktemp ").append(template).append("); ")
                .append(RemoteScript.onExit("rm -f \"$t\" \"$t-wal\" \"$t-shm\""));
        sb.append("cat > \"$t\"; ");
        sb.append("r=$(sqlite3 -bail \"$t\" 'PRAGMA integrity_check'); ");
        sb.append("test \"$r\" = ok || { echo \"mamori: integrity_check: $r\" >&2; exit 65; }; ");
        if (replace) {
            sb.append("chmod --reference=").append(file).append(" \"$t\"; ");
            sb.append("chown --reference=").append(file).append(" \"$t\" 2>/dev/null || true; ");
            sb.append("sync \"$t\"; mv -f -- \"$t\" ").append(file).append("; trap - EXIT");
        } else {
            sb.append("sync \"$t\"; ln -- \"$t\" ").append(file).append("; rm -f -- \"$t\"; trap - EXIT");
        }
        return new RestoreCommand(Note.of(replace ? "cmdReplaceFile" : "cmdWriteFile", (replace ? "replace " : "write ") + path
                + " (temp file, integrity_check, rename)", path),
                sb.toString(), false, true);
    }

    private static Optional<String> passwordVar(Source.Database src, String var) {
        return src.hasPassword() ? Optional.of(var) : Optional.empty();
    }

    /** The same database source pointed at another database on the same server (a restored copy). */
    public static Source.Database withDatabase(Source.Database s, String database) {
        return new Source.Database(s.name(), s.server(), s.kind(), database, s.dbHost(), s.dbPort(), s.dbUser(),
                s.container(), s.hasPassword());
    }

    /** The client matching the dump tool that made the artifact: {@code mysql} for mysqldump, else {@code mariadb}. */
    public static String mysqlClientFor(String dumpCommand) {
        return dumpCommand != null && dumpCommand.contains("mysqldump") ? "mysql" : "mariadb";
    }

    /**
     * A files snapshot, streamed as a tar (see {@code files.TreeTar}), into a new folder {@code dir}
     * on the server: extracted into a temp folder beside it, then renamed into place, so a failed
     * restore leaves no half-restored folder. {@code dir} must not exist, or be empty.
     */
    /**
     * What {@code fill} does, done inside a private folder {@code root} (a drill's scratch copy):
     * its sentence keyed after the root, so the app says both in its language.
     */
    public static Note inPrivateRoot(Note fill, String root) {
        return Note.of("cmdInPrivateRoot", fill.english() + ", inside a private (0700) folder " + root,
                fill.after(root));
    }

    public static RestoreCommand filesToPath(String dir) {
        return new RestoreCommand(Note.of("cmdExtractNew", "extract the snapshot into a new folder " + dir
                + " (via a temp folder beside it)", dir),
                intoNewFolder(dir, "", "tar -x -p --numeric-owner -f - -C \"$t\""), false, true);
    }

    /**
     * The shell line that fills a new folder {@code dir} on the server through a temp folder
     * beside it: refused (exit 73) unless {@code dir} is missing or empty, then {@code checks}
     * (which may exit), then {@code fill}, which writes into {@code "$t"} and fails with a
     * non-zero status; only when it succeeded is the temp folder renamed to {@code dir}. On
     * failure the temp folder is removed and the status kept.
     */
    public static String intoNewFolder(String dir, String checks, String fill) {
        String d = ShellQuote.quote(dir);
        String parent = dir.substring(0, Math.max(1, dir.lastIndexOf('/')));
        String template = ShellQuote.quote((parent.endsWith("/") ? parent : parent + "/") + ".mamori-restore.XXXXXX");
        return "if test -e " + d + " && test -n \"$(ls -A -- " + d + " 2>/dev/null)\"; then"
                + " echo \"mamori: not empty: \"" + d + " >&2; exit 73; fi; " + checks
                + "mkdir -p -- " + ShellQuote.quote(parent) + " && t=$(mktemp -d " + template + ") || exit 73; "
                // a cancelled restore (TERM) leaves no hidden half-filled folder beside the target;
                // once renamed, "$t" names nothing and the trap removes nothing
                + RemoteScript.onExit("rm -rf -- \"$t\"")
                + "fail() { s=$?; rm -rf -- \"$t\"; exit $s; }; "
                + "{ " + fill + "; } || fail; chmod --reference=/ \"$t\" 2>/dev/null; "
                + "{ test ! -e " + d + " || rmdir -- " + d + "; } && mv -T -- \"$t\" " + d + " || fail";
    }

    /** A files snapshot extracted over the live paths: files it holds are replaced, files made since are left. */
    public static RestoreCommand filesInPlace() {
        return new RestoreCommand(Note.of("cmdExtractOver", "extract the snapshot over the live files (tar -x in /)"),
                "tar -x -p --numeric-owner -f - -C /", false, true);
    }

    /** A volume backup (a tar) into volume {@code volume}: created if missing, refused unless empty. */
    public static RestoreCommand volumeToNew(String volume) {
        String v = ShellQuote.quote(volume);
        String inspect = "docker volume inspect --format '{{.Mountpoint}}' -- " + v;
        String command = "set -e; " + inspect + " >/dev/null 2>&1 || docker volume create -- " + v + " >/dev/null; "
                + "m=$(" + inspect + "); if test -n \"$(ls -A -- \"$m\")\"; then"
                + " echo \"mamori: volume \"" + v + "\" is not empty\" >&2; exit 73; fi; "
                + "exec tar -x -p --numeric-owner -f - -C \"$m\"";
        return new RestoreCommand(Note.of("cmdExtractVolume", "extract into Docker volume " + volume
                + " (created if missing, must be empty)", volume),
                command, false, true);
    }

    /** A volume backup extracted over the volume itself: what the backup holds is replaced, what came since is left. */
    public static RestoreCommand volumeInPlace(String volume) {
        String command = "set -e; m=$(docker volume inspect --format '{{.Mountpoint}}' -- " + ShellQuote.quote(volume)
                + "); exec tar -x -p --numeric-owner -f - -C \"$m\"";
        return new RestoreCommand(Note.of("cmdExtractOverVolume", "extract over Docker volume " + volume, volume), command,
                false, true);
    }

    /**
     * {@code c}, fed from a backup file kept on the same server (a vault there) instead of from
     * this computer ({@link #checkFileOnServer} runs first): a zstd file is decompressed into a
     * temp file in /var/tmp, then the command reads it, after the password line when it takes
     * one. The temp file is always removed.
     */
    public static RestoreCommand fromFileOnServer(RestoreCommand c, String file, boolean zstd) {
        String f = ShellQuote.quote(file);
        StringBuilder s = new StringBuilder();
        s.append("f=").append(f).append("; ");
        s.append("test -f \"$f\" || { echo \"mamori: the backup file is missing: $f\" >&2; exit 66; }; ");
        if (zstd) {
            s.append("t=$(mktemp /var/tmp/mamori-restore.XXXXXX) || exit 1; ").append(RemoteScript.onExit("rm -f \"$t\""));
            s.append("zstd -q -d -c -- \"$f\" > \"$t\" || { echo \"mamori: $f does not decompress\" >&2; exit 74; }; ");
        } else {
            s.append("t=\"$f\"; ");
        }
        if (c.secretOnStdin()) {
            // the password is the channel's first stdin line; the backup follows it, as the command expects
            s.append("{ IFS= read -r l; printf '%s\\n' \"$l\"; cat -- \"$t\"; } | ( ").append(c.command()).append(" )");
        } else {
            s.append("( ").append(c.command()).append(" ) < \"$t\"");
        }
        // the app says the command's own purpose: where it reads the backup from is in the plan already
        return new RestoreCommand(new Note(c.said().key(), c.said().args(), c.purpose() + ", reading " + file
                + " on the server"), s.toString(), c.secretOnStdin(), false);
    }

    /** The first step of a restore from a vault on the server: the backup file there must have its recorded SHA-256. */
    public static RestoreCommand checkFileOnServer(String file, String sha256) {
        String f = ShellQuote.quote(file);
        String command = "test -f " + f + " || { echo \"mamori: the backup file is missing: \"" + f + " >&2; exit 66; }; "
                + "echo " + ShellQuote.quote(sha256.toLowerCase(java.util.Locale.ROOT) + "  " + file)
                + " | sha256sum -c --status - || { echo \"mamori: the backup file \"" + f
                + "\" does not match its SHA-256; it was not used\" >&2; exit 65; }";
        return new RestoreCommand(Note.of("cmdCheckOnServer", "check the SHA-256 of " + file + " on the server", file),
                command, false, false);
    }
}
