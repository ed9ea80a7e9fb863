package app.mamori.bench;

import app.mamori.testenv.PostgresServer;
import app.mamori.testenv.SshdServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static app.mamori.bench.WholeProcess.cpu;
import static app.mamori.bench.WholeProcess.mamori;
import static app.mamori.bench.WholeProcess.median;
import static app.mamori.bench.WholeProcess.q;
import static app.mamori.bench.WholeProcess.removeAndSync;

/**
 * A dump's backup as the admin runs it: {@code ./mamori backup JOB}, a new process, against, in the
 * same run, through the same loopback sshd, the bare copy an admin's script would make of the same
 * database. Two kinds of dump:
 * <ul>
 *   <li>{@code sqlite}: sqlite3's online backup into a temp file on the server, table counts, the copy
 *       streamed, compressed with zstd, hashed and flushed here; against {@code ssh HOST 'cat DB' > out
 *       && sync} (issue 15's reference: nothing checked and, for a live database, no consistent copy)
 *       and the careful cron script ({@code ssh HOST 'sqlite3 DB ".backup TMP" && cat TMP' | zstd -3 >
 *       out && sync} with {@code pipefail}, Mamori's work without hashes, counts or manifest). The
 *       database holds rows of hex text (it compresses about 2:1, as real ones do).</li>
 *   <li>{@code postgres}: a dump Mamori stores as it comes, with no compression of its own: pg_dump's
 *       custom format inside an exported snapshot, then every table counted in that snapshot; against
 *       {@code ssh HOST 'pg_dump --format=custom DB' > out && sync}, the same dump with nothing counted
 *       or checked. A PostgreSQL cluster of the test harness's, on loopback, holds rows of hex text.</li>
 * </ul>
 * Legs take turns in a rotating order; each writes into a fresh folder, deleted and synced untimed
 * afterwards. Prints wall and client CPU seconds (user+sys of the process and its children) and the
 * medians' ratios. With {@code MAMORI_BEFORE=/other/checkout/mamori}, that build's backup is one more
 * leg in the rotation: before and after measured in one run.
 * Run it with {@code bench/dump-whole [MIB=1024] [ROUNDS=3] [KIND=sqlite|postgres]}.
 */
public final class DumpWholeBench {
    /** Another checkout's {@code ./mamori} (e.g. main's), timed as one more leg, "before", when set. */
    private static final String BEFORE = System.getenv("MAMORI_BEFORE");

    private DumpWholeBench() {
    }

    public static void main(String[] args) throws Exception {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String kind = args.length > 2 ? args[2] : "sqlite";
        if (!kind.equals("sqlite") && !kind.equals("postgres")) {
            throw new IllegalArgumentException("KIND must be sqlite or postgres, not " + kind);
        }
        Path base = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", "/var/tmp")), "mamori-dump-");
        try (SshdServer sshd = SshdServer.start()) {
            WholeProcess legs = new WholeProcess(sshd, base);
            Path home = Files.createDirectory(base.resolve("home"));
            legs.addServer(home);
            if (kind.equals("sqlite")) {
                sqlite(legs, base, home, mib, rounds);
            } else {
                postgres(legs, base, home, mib, rounds);
            }
        } finally {
            removeAndSync(base);
        }
    }

    private static void sqlite(WholeProcess legs, Path base, Path home, long mib, int rounds) throws Exception {
        Path db = base.resolve("app.db");
        long rows = (mib << 20) / 4096;
        run("sqlite3", db.toString(), "PRAGMA journal_mode=WAL; CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT);"
                + " WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < " + rows + ")"
                + " INSERT INTO t(body) SELECT hex(randomblob(2000)) FROM c;");
        System.out.printf("%n== SQLite database of %,d bytes (%,d rows) in %s%n", Files.size(db), rows, db);
        mamori(home, "source", "add", "app", "--server", "bench", "--kind", "sqlite", "--path", db.toString());
        String script = "set -o pipefail; " + legs.sshRun("d=$(mktemp -d /var/tmp/bench-sqlite.XXXXXX) && "
                + "sqlite3 -bail " + q(db) + " \".backup '$d/copy.db'\" && cat \"$d/copy.db\"; rc=$?; rm -rf \"$d\"; exit $rc");
        Map<String, List<double[]>> times = legs.alternate(legs("ssh-cat", "script"), rounds, "dump",
                (leg, round, dest) -> {
                    if (leg.equals("mamori") || leg.equals("before")) {
                        return WholeProcess.backup(home, leg.equals("before") ? BEFORE : null, leg + round, "app", dest);
                    }
                    if (leg.equals("ssh-cat")) {
                        return legs.sshRun("cat " + q(db)) + " > " + q(dest.resolve("app.db")) + " && sync";
                    }
                    return script + " | zstd -q -3 > " + q(dest.resolve("app.db.zst")) + " && sync";
                });
        report(times, mib + " MiB SQLite", rounds, "ssh-cat", "ssh cat + sync", "script",
                "script (.backup, cat, zstd) + sync");
    }

    private static void postgres(WholeProcess legs, Path base, Path home, long mib, int rounds) throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            String db = "bench";
            pg.createDatabase(db);
            long rows = (mib << 20) / 2048;
            // 2,048 hex characters a row, 32 md5s of random numbers: about 2:1 for pg_dump's zlib
            pg.execSql(db, "CREATE TABLE t(id bigint PRIMARY KEY, body text); ALTER TABLE t OWNER TO "
                    + pg.mamoriUser() + "; INSERT INTO t SELECT g, (SELECT string_agg(md5(random()::text || g || i), '')"
                    + " FROM generate_series(1, 64) i) FROM generate_series(1, " + rows + ") g; VACUUM ANALYZE t;");
            System.out.printf("%n== PostgreSQL database %s of %s (%,d rows) on port %d%n", db,
                    pg.query(db, "SELECT pg_size_pretty(pg_database_size(current_database()))"), rows, pg.port());
            WholeProcess.mamoriWithStdin(home, pg.mamoriPassword() + "\n", "source", "add", "app", "--server", "bench",
                    "--kind", "postgres", "--database", db, "--db-host", pg.host(), "--db-port",
                    Integer.toString(pg.port()), "--db-user", pg.mamoriUser(), "--password-stdin");
            // the script's password in a pgpass file, as an admin's cron job would keep it
            Path pgpass = base.resolve("pgpass");
            Files.writeString(pgpass, pg.host() + ":" + pg.port() + ":" + db + ":" + pg.mamoriUser() + ":"
                    + pg.mamoriPassword().replace("\\", "\\\\").replace(":", "\\:") + "\n");
            Files.setPosixFilePermissions(pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            String dump = "PGPASSFILE=" + q(pgpass) + " pg_dump --format=custom --no-password --host=" + pg.host()
                    + " --port=" + pg.port() + " --username=" + pg.mamoriUser() + " " + db;
            Map<String, List<double[]>> times = legs.alternate(legs("ssh-pg_dump"), rounds, "dump",
                    (leg, round, dest) -> leg.equals("ssh-pg_dump")
                            ? legs.sshRun(dump) + " > " + q(dest.resolve("app.pgdump")) + " && sync"
                            : WholeProcess.backup(home, leg.equals("before") ? BEFORE : null, leg + round, "app", dest));
            report(times, mib + " MiB of PostgreSQL rows", rounds, "ssh-pg_dump", "ssh pg_dump > file + sync", null,
                    null);
        }
    }

    /** The legs in their rotation: ours (and "before" when set) and the references. */
    private static String[] legs(String... references) {
        List<String> all = new java.util.ArrayList<>();
        if (BEFORE != null && !BEFORE.isBlank()) {
            all.add("before");
        }
        all.add("mamori");
        all.addAll(List.of(references));
        return all.toArray(String[]::new);
    }

    private static void report(Map<String, List<double[]>> times, String what, int rounds, String ref, String refName,
                               String second, String secondName) {
        double mw = median(times.get("mamori"), 0);
        double rw = median(times.get(ref), 0);
        System.out.printf("[dump-whole] %s, median of %d: mamori %.2f s (client CPU %.2f s), %s %.2f s (CPU %.2f s);"
                        + " mamori's throughput %.2fx %s's%n", what, rounds, mw, cpu(times.get("mamori")), refName, rw,
                cpu(times.get(ref)), rw / mw, ref);
        if (second != null) {
            double sw = median(times.get(second), 0);
            System.out.printf("[dump-whole] %s %.2f s (CPU %.2f s); mamori's throughput %.2fx the %s's%n", secondName,
                    sw, cpu(times.get(second)), sw / mw, second);
        }
        if (times.containsKey("before")) {
            double bw = median(times.get("before"), 0);
            System.out.printf("[dump-whole] before: %.2f s, client CPU %.2f s; its throughput %.2fx %s's%n", bw,
                    cpu(times.get("before")), rw / bw, ref);
        }
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed");
        }
    }
}
