package app.mamori.source;

import app.mamori.model.Source;
import app.mamori.ssh.ShellQuote;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remote commands that print every table of a database with its exact row count, one
 * {@code NAME<TAB>COUNT} line each, and their parser. A backup records these figures so a
 * restore drill can compare the restored copy with them.
 */
public final class TableCounts {
    /** Prefix of the count lines a SQLite dump writes to stderr (stdout carries the artifact). */
    static final String MARKER = "mamori-table-count\t";
    /** The last stderr line of a SQLite dump whose counting finished. */
    static final String COUNTED = "mamori-tables-counted";

    static final String POSTGRES_SQL = "SELECT format('%I.%I', n.nspname, c.relname),"
            + " (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', n.nspname, c.relname),"
            + " false, true, '')))[1]::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg_toast%' ORDER BY 1";
    // builds "SELECT 'a', COUNT(*) FROM `a` UNION ALL ..." for the second client call, which runs it
    private static final String MYSQL_SQL = "SET SESSION group_concat_max_len = 16777216;"
            + " SELECT GROUP_CONCAT(CONCAT('SELECT ', QUOTE(table_name), ', COUNT(*) FROM `',"
            + " REPLACE(table_name, '`', '``'), '`') ORDER BY table_name SEPARATOR ' UNION ALL ')"
            + " FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'";

    private TableCounts() {
    }

    /** PostgreSQL: one psql call; the password, if any, is the first stdin line. */
    public static String postgres(Source.Database db) {
        return RestoreCommands.postgres(db, List.of("psql", "-XAtq", "--no-password", "--field-separator=\t",
                "-v", "ON_ERROR_STOP=1", "-c", POSTGRES_SQL, "--dbname=" + PostgresDriver.conninfo(db)), false);
    }

    // one line per foreign key: the referenced table, a tab, the table whose constraint references it
    static final String POSTGRES_REFERENCES_SQL = "SELECT DISTINCT format('%I.%I', rn.nspname, r.relname),"
            + " format('%I.%I', cn.nspname, c.relname) FROM pg_constraint k"
            + " JOIN pg_class r ON r.oid = k.confrelid JOIN pg_namespace rn ON rn.oid = r.relnamespace"
            + " JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace"
            + " WHERE k.contype = 'f' AND k.conrelid <> k.confrelid ORDER BY 1, 2";

    /**
     * PostgreSQL: which tables other tables reference by foreign key, as {@code REFERENCED<TAB>REFERENCING}
     * lines ({@link #parseReferences}): a referenced table cannot be dropped to restore it in place.
     */
    public static String postgresReferences(Source.Database db) {
        return RestoreCommands.postgres(db, List.of("psql", "-XAtq", "--no-password", "--field-separator=\t",
                "-v", "ON_ERROR_STOP=1", "-c", POSTGRES_REFERENCES_SQL, "--dbname=" + PostgresDriver.conninfo(db)),
                false);
    }

    /** Reads {@code REFERENCED<TAB>REFERENCING} lines into referenced table to the tables referencing it. */
    public static Map<String, java.util.Set<String>> parseReferences(String out) {
        Map<String, java.util.Set<String>> refs = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new IllegalArgumentException("not a foreign key: " + line);
            }
            refs.computeIfAbsent(line.substring(0, tab), t -> new java.util.TreeSet<>()).add(line.substring(tab + 1).strip());
        }
        return refs;
    }

    /** MariaDB/MySQL: one client call builds the counting query, a second runs it; the password, if any, first on stdin. */
    public static String mysql(Source.Database db, String client) {
        List<String> connection = new java.util.ArrayList<>(RestoreCommands.mysqlConnection(db));
        connection.add("--database=" + db.database());
        String build = ShellQuote.command(RemoteScript.inContainer(db.container(), passwordVar(db),
                concat(List.of(client), connection, List.of("-N", "-B", "--raw", "-e", MYSQL_SQL))));
        String count = ShellQuote.command(RemoteScript.inContainer(db.container(), passwordVar(db),
                concat(List.of(client), connection, List.of("-N", "-B")), true));
        String script = "q=$(" + build + ") && if [ -n \"$q\" ] && [ \"$q\" != NULL ]; then printf '%s\\n' \"$q\" | "
                + count + "; fi";
        String cmd = "sh -c " + ShellQuote.quote(script);
        return db.hasPassword() ? RemoteScript.withSecretFromStdin(MysqlDriver.PASSWORD_VAR, cmd) : cmd;
    }

    /** SQLite: the tables of the file at {@code path} on the server, read only. */
    public static String sqlite(String path) {
        return "f=" + ShellQuote.quote(path) + "; " + sqliteLoop("\"$f\"", "");
    }

    /** The part of the SQLite dump that counts the copy it streams, to stderr, so the counts match the artifact exactly. */
    static String sqliteInDump(String file) {
        return "{ " + sqliteLoop(file, MARKER.strip() + "\\t") + " && echo " + COUNTED
                + "; } >&2 || true";
    }

    private static String sqliteLoop(String file, String prefix) {
        return "( t=$(sqlite3 -bail -readonly " + file + " \"SELECT name FROM sqlite_master WHERE type = 'table'"
                + " AND name NOT LIKE 'sqlite_%' ORDER BY name\") || exit 1; "
                + "[ -z \"$t\" ] || printf '%s\\n' \"$t\" | while IFS= read -r n; do "
                + "q=$(printf '%s' \"$n\" | sed 's/\"/\"\"/g'); "
                + "c=$(sqlite3 -bail -readonly " + file + " \"SELECT count(*) FROM \\\"$q\\\"\") || exit 1; "
                + "printf '" + prefix + "%s\\t%s\\n' \"$n\" \"$c\"; done )";
    }

    /** Reads {@code NAME<TAB>COUNT} lines; throws {@link IllegalArgumentException} on anything else. */
    public static Map<String, Long> parse(String out) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int tab = line.lastIndexOf('\t');
            if (tab <= 0) {
                throw new IllegalArgumentException("not a table count: " + line);
            }
            counts.put(line.substring(0, tab), Long.parseLong(line.substring(tab + 1).strip()));
        }
        return counts;
    }

    /** The counts a SQLite dump wrote to stderr; empty when its counting failed or stderr was cut. */
    public static java.util.Optional<Map<String, Long>> fromDumpStderr(String stderr) {
        if (!stderr.lines().anyMatch(COUNTED::equals)) {
            return java.util.Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        for (String line : stderr.split("\n")) {
            if (line.startsWith(MARKER)) {
                sb.append(line.substring(MARKER.length())).append('\n');
            }
        }
        return java.util.Optional.of(parse(sb.toString()));
    }

    /** {@code stderr} without the count lines, for the log. */
    public static String withoutCounts(String stderr) {
        StringBuilder sb = new StringBuilder();
        for (String line : stderr.split("\n")) {
            if (!line.startsWith(MARKER) && !line.equals(COUNTED)) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    private static java.util.Optional<String> passwordVar(Source.Database db) {
        return db.hasPassword() ? java.util.Optional.of(MysqlDriver.PASSWORD_VAR) : java.util.Optional.empty();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new java.util.ArrayList<>();
        for (List<String> p : parts) {
            all.addAll(p);
        }
        return all;
    }
}
