package app.mamori.source.discover;

import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.ssh.ShellQuote;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one remote script discovery runs, and the parser of what it prints. The script reads
 * two lines from stdin first (the PostgreSQL and the MariaDB password, empty when none), so
 * no secret is ever on its command line. Sections start with a line {@code ###name}; the
 * SQLite section comes last and lists paths NUL-terminated, since a file name may hold a
 * newline.
 */
public final class Probe {
    static final String MARK = "###";
    static final int SQLITE_MAX_FILES = 100;
    static final int SQLITE_MAX_DEPTH = 6;
    private static final List<String> TOOLS = List.of("pg_dump", "psql", "mariadb-dump", "mysqldump", "mariadb",
            "mysql", "sqlite3", "rsync", "tar", "docker");
    private static final List<String> SYSTEM_DATABASES = List.of("information_schema", "performance_schema", "mysql",
            "sys");
    private static final Pattern NOT_NAME = Pattern.compile("[^A-Za-z0-9._-]+");

    private Probe() {
    }

    public static String script(DiscoverOptions o) {
        StringBuilder s = new StringBuilder();
        s.append("IFS= read -r MAMORI_PG || true; IFS= read -r MAMORI_MY || true\n");
        s.append("sec() { printf '\\n").append(MARK).append("%s\\n' \"$1\"; }\n");
        s.append("sec tools\n");
        s.append("for t in ").append(String.join(" ", TOOLS))
                .append("; do command -v \"$t\" >/dev/null 2>&1 && printf '%s\\n' \"$t\"; done\n");
        s.append("sec postgres\n");
        s.append("if command -v psql >/dev/null 2>&1; then PGPASSWORD=\"$MAMORI_PG\" PGCONNECT_TIMEOUT=5 psql -X -w -At")
                .append(pgLogin(o.postgres()))
                .append(" -d postgres -c 'SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY 1' 2>&1;"
                        + " echo \"exit=$?\"; else echo absent; fi\n");
        s.append("sec mysql\n");
        s.append("M=; for c in mariadb mysql; do command -v $c >/dev/null 2>&1 && { M=$c; break; }; done\n");
        s.append("if [ -n \"$M\" ]; then MYSQL_PWD=\"$MAMORI_MY\" $M --connect-timeout=5 -N -B")
                .append(myLogin(o.mysql())).append(" -e 'SHOW DATABASES' 2>&1; echo \"exit=$?\"; else echo absent; fi\n");
        s.append("sec containers\n");
        s.append("if command -v docker >/dev/null 2>&1; then docker ps --format '{{.Names}}\\t{{.Image}}' 2>&1;"
                + " echo \"exit=$?\"; else echo absent; fi\n");
        s.append("sec volumes\n");
        s.append("if command -v docker >/dev/null 2>&1; then docker volume ls --format '{{.Name}}' 2>&1;"
                + " echo \"exit=$?\"; else echo absent; fi\n");
        s.append("sec folders\n");
        s.append("for d in ").append(quoted(o.folders())).append("; do if [ -d \"$d\" ]; then"
                + " if [ -r \"$d\" ] && [ -x \"$d\" ]; then k=$(timeout 5 du -sk \"$d\" 2>/dev/null | cut -f1);"
                + " printf '%s\\treadable\\t%s\\n' \"$d\" \"$k\"; else printf '%s\\tunreadable\\t\\n' \"$d\"; fi; fi;"
                + " done\n");
        s.append("sec sqlite\n");
        s.append("for r in ").append(quoted(o.sqliteRoots())).append("; do [ -d \"$r\" ] && find \"$r\" -xdev -maxdepth ")
                .append(SQLITE_MAX_DEPTH).append(" -type f -size +0 -readable -print0 2>/dev/null; done"
                        + " | head -z -n 5000 | xargs -0 -r sh -c"
                        + " 'for f; do [ \"$(head -c 15 \"$f\" 2>/dev/null)\" = \"SQLite format 3\" ] && printf \"%s\\0\" \"$f\";"
                        + " done' sh | head -z -n ").append(SQLITE_MAX_FILES).append("\n");
        return s.toString();
    }

    /** The two stdin lines the script reads first. */
    public static byte[] stdin(DiscoverOptions o) {
        return (o.postgres().password().orElse("") + "\n" + o.mysql().password().orElse("") + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String pgLogin(DiscoverOptions.DbLogin l) {
        StringBuilder s = new StringBuilder();
        l.host().ifPresent(h -> s.append(" -h ").append(ShellQuote.quote(h)));
        l.port().ifPresent(p -> s.append(" -p ").append(p));
        l.user().ifPresent(u -> s.append(" -U ").append(ShellQuote.quote(u)));
        return s.toString();
    }

    private static String myLogin(DiscoverOptions.DbLogin l) {
        StringBuilder s = new StringBuilder();
        l.host().ifPresent(h -> s.append(" --host=").append(ShellQuote.quote(h)));
        l.port().ifPresent(p -> s.append(" --port=").append(p));
        l.user().ifPresent(u -> s.append(" --user=").append(ShellQuote.quote(u)));
        return s.toString();
    }

    private static String quoted(List<String> paths) {
        return paths.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }

    /** Turns what the script printed into findings and notes. */
    public static Discovery parse(String server, byte[] output, DiscoverOptions o) {
        String text = new String(output, StandardCharsets.UTF_8);
        int sqliteAt = text.indexOf("\n" + MARK + "sqlite\n");
        Map<String, List<String>> sections = sections(sqliteAt < 0 ? text : text.substring(0, sqliteAt));
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> tools = sections.getOrDefault("tools", List.of());
        databases(server, SourceKind.POSTGRES, sections.get("postgres"), o.postgres(), findings, notes);
        databases(server, SourceKind.MYSQL, sections.get("mysql"), o.mysql(), findings, notes);
        containers(server, sections.get("containers"), findings, notes);
        volumes(server, sections.get("volumes"), findings);
        folders(server, sections.getOrDefault("folders", List.of()), findings, notes);
        if (sqliteAt >= 0) {
            sqlite(server, text.substring(sqliteAt + MARK.length() + "sqlite\n".length() + 1), findings);
        }
        return new Discovery(server, tools, findings, notes);
    }

    private static Map<String, List<String>> sections(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith(MARK)) {
                current = new ArrayList<>();
                out.put(line.substring(MARK.length()).trim(), current);
            } else if (current != null && !line.isEmpty()) {
                current.add(line);
            }
        }
        return out;
    }

    /** The last line is {@code exit=N} (or the section says {@code absent}); the rest is the tool's output. */
    private static Optional<Integer> exit(List<String> lines) {
        if (lines == null || lines.isEmpty() || !lines.get(lines.size() - 1).startsWith("exit=")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(lines.get(lines.size() - 1).substring(5).trim()));
    }

    private static void databases(String server, SourceKind kind, List<String> lines, DiscoverOptions.DbLogin login,
                                  List<Finding> findings, List<String> notes) {
        String product = kind == SourceKind.POSTGRES ? "PostgreSQL" : "MariaDB/MySQL";
        String option = kind == SourceKind.POSTGRES ? "--pg" : "--mysql";
        if (lines == null || lines.equals(List.of("absent"))) {
            notes.add(product + ": no client on the server (" + (kind == SourceKind.POSTGRES ? "psql" : "mariadb/mysql")
                    + " not found)");
            return;
        }
        List<String> out = lines.subList(0, Math.max(0, lines.size() - 1));
        if (exit(lines).orElse(1) != 0) {
            String said = String.join(" ", out).toLowerCase(Locale.ROOT);
            if (said.contains("password") || said.contains("access denied") || said.contains("authentication")
                    || said.contains("role") && said.contains("does not exist")) {
                notes.add(product + ": needs credentials (" + lastOf(out) + "); give " + option + "-user and "
                        + option + "-password-stdin" + (login.host().isEmpty() ? ", and " + option + "-host 127.0.0.1"
                        + " for a server that takes passwords over TCP only" : ""));
            } else {
                notes.add(product + ": no server answered (" + lastOf(out) + ")");
            }
            return;
        }
        for (String db : out) {
            if (kind == SourceKind.MYSQL && SYSTEM_DATABASES.contains(db) || db.equals("postgres") && kind == SourceKind.POSTGRES) {
                continue;
            }
            findings.add(new Finding(product + " database " + db, "", new Source.Database(name(db), server, kind, db,
                    login.host(), login.port(), login.user(), Optional.empty(), login.password().isPresent())));
        }
    }

    private static void containers(String server, List<String> lines, List<Finding> findings, List<String> notes) {
        if (lines == null || lines.equals(List.of("absent"))) {
            notes.add("Docker: not installed on the server");
            return;
        }
        List<String> out = lines.subList(0, Math.max(0, lines.size() - 1));
        if (exit(lines).orElse(1) != 0) {
            notes.add("Docker: not available to this user (" + lastOf(out) + ")");
            return;
        }
        for (String line : out) {
            String[] f = line.split("\t", 2);
            if (f.length < 2) {
                continue;
            }
            String image = f[1].toLowerCase(Locale.ROOT);
            SourceKind kind = image.contains("postgres") ? SourceKind.POSTGRES
                    : image.contains("mariadb") || image.contains("mysql") ? SourceKind.MYSQL : null;
            if (kind == null) {
                continue;
            }
            String db = kind == SourceKind.POSTGRES ? "postgres" : "mysql";
            findings.add(new Finding((kind == SourceKind.POSTGRES ? "PostgreSQL" : "MariaDB/MySQL") + " in container "
                    + f[0], "image " + f[1] + "; set the database to back up (--database)",
                    new Source.Database(name(f[0] + "-db"), server, kind, db, Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.of(f[0]), false)));
        }
    }

    private static void volumes(String server, List<String> lines, List<Finding> findings) {
        if (lines == null || lines.equals(List.of("absent")) || exit(lines).orElse(1) != 0) {
            return;
        }
        for (String v : lines.subList(0, lines.size() - 1)) {
            findings.add(new Finding("Docker volume " + v, "", new Source.DockerVolume(name(v + "-volume"), server, v)));
        }
    }

    private static void folders(String server, List<String> lines, List<Finding> findings, List<String> notes) {
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            if (f.length < 3) {
                continue;
            }
            if (f[1].equals("unreadable")) {
                notes.add("folder " + f[0] + ": not readable by this SSH user");
                continue;
            }
            String size = f[2].isEmpty() ? "size unknown" : app.mamori.util.Bytes.human(Long.parseLong(f[2]) * 1024);
            findings.add(new Finding("folder " + f[0], size, new Source.Files(name(f[0]), server, List.of(f[0]),
                    List.of())));
        }
    }

    private static void sqlite(String server, String nulSeparated, List<Finding> findings) {
        for (String path : nulSeparated.split("\0")) {
            if (path.isEmpty() || !path.startsWith("/")) {
                continue;
            }
            String file = path.substring(path.lastIndexOf('/') + 1);
            findings.add(new Finding("SQLite file " + path, "", new Source.Sqlite(name(file), server, path)));
        }
    }

    /** A source name from what was found: plain characters only (model.Names), at most 64. */
    static String name(String from) {
        String n = NOT_NAME.matcher(from.replaceFirst("^/+", "")).replaceAll("-").replaceAll("^[-._]+", "");
        if (n.isEmpty()) {
            n = "source";
        }
        return n.length() > 64 ? n.substring(0, 64) : n;
    }

    private static String lastOf(List<String> lines) {
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).trim();
    }
}
