package app.mamori.source.discover;

import app.mamori.ssh.ShellQuote;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The shell script discovery runs on the server (POSIX sh, GNU find and coreutils).
 * <p>
 * Why it looks the way it does: run one after the other, a database that does not answer, a
 * {@code du} of a big /home and a header check that forked two processes per file made
 * discovery take 20 s to minutes. So every step runs in the background at once, writing to its
 * own file in a temp folder, and every outside command has a time limit. The main loop prints
 * each step's output as a frame when the step ends, so the workstation can report it at once:
 * {@code ###start ID} when a step starts, {@code ###done ID LENGTH} followed by exactly LENGTH
 * bytes when it ends ({@link ProbeStream} reads them). The SQLite search reads a header only
 * where the size is a multiple of 512 (a SQLite file is whole pages), so it forks a process for
 * few files.
 * <p>
 * The script reads two lines from stdin first (the PostgreSQL and the MariaDB password, empty
 * when none), so no secret is ever on its command line; each reaches its client in the
 * environment of that step's subshell only.
 */
final class ProbeScript {
    static final int DB_CONNECT_SECONDS = 3;
    static final int COMMAND_SECONDS = 8;
    static final int DU_SECONDS = 3;
    static final int FIND_SECONDS = 4;
    static final int SQLITE_MAX_FILES = 100;
    static final int SQLITE_MAX_DEPTH = 6;
    private static final int SQLITE_MAX_CANDIDATES = 50_000;
    private static final List<String> TOOLS = List.of("pg_dump", "psql", "mariadb-dump", "mysqldump", "mariadb",
            "mysql", "sqlite3", "rsync", "tar", "docker");
    // Never hold an app's own SQLite file, and can hold hundreds of thousands of files (image
    // layers, package databases, caches, dependency trees, database servers' page files).
    private static final List<String> PRUNED_PATHS = List.of("/proc", "/sys", "/dev", "/run", "/usr", "/boot",
            "/var/lib/docker/overlay2", "/var/lib/containers/storage/overlay", "/var/lib/dpkg", "/var/lib/apt",
            "/var/cache", "/var/lib/postgresql", "/var/lib/mysql");
    // "SIZE PATH" records in, the paths of SQLite files out; perl reads every header in one
    // process, the sh fallback forks two processes per file, so it only looks where the size fits
    private static final String PERL_HEADERS = ShellQuote.quote("chomp; my ($s, $f) = split / /, $_, 2;"
            + " next if $s % 512; open(my $h, '<', $f) or next; my $b = ''; sysread($h, $b, 16);"
            + " print \"$f\\0\" if $b eq \"SQLite format 3\\0\"");
    private static final String SH_HEADERS = ShellQuote.quote("for e; do s=${e%% *};"
            + " [ $((s % 512)) -eq 0 ] || continue; f=${e#* };"
            + " [ \"$(head -c 15 \"$f\" 2>/dev/null)\" = 'SQLite format 3' ] && printf '%s\\0' \"$f\"; done");
    private static final List<String> PRUNED_NAMES = List.of("node_modules", ".git");

    private ProbeScript() {
    }

    static String build(DiscoverOptions o) {
        StringBuilder s = new StringBuilder();
        s.append("IFS= read -r MAMORI_PG || true; IFS= read -r MAMORI_MY || true\n");
        s.append("T=$(mktemp -d \"${TMPDIR:-/tmp}/mamori-discover.XXXXXX\") || { echo 'mamori: could not create a"
                + " temporary folder in '\"${TMPDIR:-/tmp}\" >&2; exit 3; }\n");
        s.append("trap 'rm -rf \"$T\"' EXIT; trap 'exit 130' INT TERM HUP\n");
        // a time limit where coreutils' timeout exists; without it, the command runs unbounded
        s.append("if command -v timeout >/dev/null 2>&1; then L() { timeout \"$@\"; }; else L() { shift; \"$@\"; }; fi\n");
        s.append(tools()).append(postgres(o.postgres())).append(mysql(o.mysql())).append(docker())
                .append(folders(o.folders())).append(sqlite(o.sqliteRoots())).append(mainLoop());
        return s.toString();
    }

    private static String tools() {
        return "step_tools() { for t in " + String.join(" ", TOOLS)
                + "; do command -v \"$t\" >/dev/null 2>&1 && printf '%s\\n' \"$t\"; done; true; }\n";
    }

    /** The client's login flags (each written with its separator, " -h " or " --host="); never a password. */
    private static String login(DiscoverOptions.DbLogin l, String host, String port, String user) {
        StringBuilder s = new StringBuilder();
        l.host().ifPresent(h -> s.append(host).append(ShellQuote.quote(h)));
        l.port().ifPresent(p -> s.append(port).append(p));
        l.user().ifPresent(u -> s.append(user).append(ShellQuote.quote(u)));
        return s.toString();
    }

    private static String postgres(DiscoverOptions.DbLogin l) {
        String login = login(l, " -h ", " -p ", " -U ");
        return "step_postgres() { if command -v psql >/dev/null 2>&1; then"
                + " export PGPASSWORD=\"$MAMORI_PG\" PGCONNECT_TIMEOUT=" + DB_CONNECT_SECONDS + ";"
                + " L " + COMMAND_SECONDS + " psql -X -w -At" + login
                + " -d postgres -c 'SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY 1' 2>&1;"
                + " echo \"exit=$?\"; else echo absent; fi; }\n";
    }

    private static String mysql(DiscoverOptions.DbLogin l) {
        String login = login(l, " --host=", " --port=", " --user=");
        return "step_mysql() { M=; for c in mariadb mysql; do command -v $c >/dev/null 2>&1 && { M=$c; break; }; done;"
                + " if [ -n \"$M\" ]; then export MYSQL_PWD=\"$MAMORI_MY\";"
                + " L " + COMMAND_SECONDS + " $M --connect-timeout=" + DB_CONNECT_SECONDS + " -N -B" + login
                + " -e 'SHOW DATABASES' 2>&1; echo \"exit=$?\"; else echo absent; fi; }\n";
    }

    private static String docker() {
        String ifDocker = "if command -v docker >/dev/null 2>&1; then L " + COMMAND_SECONDS + " docker ";
        return "step_containers() { " + ifDocker + "ps --format '{{.Names}}\\t{{.Image}}' 2>&1; echo \"exit=$?\";"
                + " else echo absent; fi; }\n"
                + "step_volumes() { " + ifDocker + "volume ls --format '{{.Name}}' 2>&1; echo \"exit=$?\";"
                + " else echo absent; fi; }\n";
    }

    /** One line per folder: readable or unreadable, size in KiB (empty when du took too long), path. */
    private static String folders(List<String> folders) {
        if (folders.isEmpty()) {
            return "step_folders() { true; }\n";
        }
        return "step_folders() { i=0; for d in " + quoted(folders) + "; do i=$((i+1)); [ -d \"$d\" ] || continue;"
                + " if [ -r \"$d\" ] && [ -x \"$d\" ]; then"
                + " ( k=$(L " + DU_SECONDS + " du -sk \"$d\" 2>/dev/null | cut -f1);"
                + " printf 'readable\\t%s\\t%s\\n' \"$k\" \"$d\" > \"$T/folder.$i\" ) &"
                + " else printf 'unreadable\\t\\t%s\\n' \"$d\" > \"$T/folder.$i\"; fi; done; wait;"
                + " j=0; while [ $j -lt $i ]; do j=$((j+1)); [ -f \"$T/folder.$j\" ] && cat \"$T/folder.$j\"; done; true; }\n";
    }

    /**
     * NUL-terminated records: each SQLite file's path, then {@code late} if the search hit its
     * time limit. Only files whose size is a multiple of 512 get their header read.
     */
    private static String sqlite(List<String> roots) {
        if (roots.isEmpty()) {
            return "step_sqlite() { true; }\n";
        }
        String pruned = PRUNED_PATHS.stream().map(p -> "-path " + ShellQuote.quote(p)).collect(Collectors.joining(" -o "))
                + " -o " + PRUNED_NAMES.stream().map(n -> "-name " + ShellQuote.quote(n)).collect(Collectors.joining(" -o "));
        return "step_sqlite() { set --; for r in " + quoted(roots) + "; do [ -d \"$r\" ] && set -- \"$@\" \"$r\"; done;"
                + " [ $# -gt 0 ] || return 0;"
                + " { L " + FIND_SECONDS + " find \"$@\" -xdev -maxdepth " + SQLITE_MAX_DEPTH + " \\( " + pruned
                + " \\) -prune -o -type f -size +511c -readable -printf '%s %p\\0' 2>/dev/null;"
                + " [ $? -eq 124 ] && : > \"$T/sqlite.late\"; }"
                + " | head -z -n " + SQLITE_MAX_CANDIDATES
                + " | if command -v perl >/dev/null 2>&1; then L " + COMMAND_SECONDS + " perl -0 -ne " + PERL_HEADERS + ";"
                + " else L " + COMMAND_SECONDS + " xargs -0 -r sh -c " + SH_HEADERS + " sh; fi"
                + " | head -z -n " + SQLITE_MAX_FILES + ";"
                + " [ -e \"$T/sqlite.late\" ] && printf 'late\\0'; true; }\n";
    }

    private static String mainLoop() {
        String ids = java.util.Arrays.stream(DiscoveryStep.values()).filter(s -> s != DiscoveryStep.CONNECT)
                .map(DiscoveryStep::id).collect(Collectors.joining(" "));
        return "left='" + ids + "'\n"
                + "for s in $left; do printf '" + ProbeStream.MARK + "start %s\\n' \"$s\";"
                + " ( \"step_$s\" > \"$T/$s\"; : > \"$T/$s.done\" ) & done\n"
                + "while [ -n \"$left\" ]; do rest=; for s in $left; do if [ -e \"$T/$s.done\" ]; then"
                + " printf '" + ProbeStream.MARK + "done %s %d\\n' \"$s\" $(wc -c < \"$T/$s\"); cat \"$T/$s\";"
                + " else rest=\"$rest $s\"; fi; done; left=$rest;"
                + " [ -z \"$left\" ] || sleep 0.05 2>/dev/null || sleep 1; done\n";
    }

    private static String quoted(List<String> paths) {
        return paths.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
