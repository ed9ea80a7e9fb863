package app.mamori.bench;

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
 * A dump's backup as the admin runs it: {@code ./mamori backup JOB}, a new process, for a SQLite
 * source (sqlite3's online backup into a temp file on the server, table counts, the copy streamed,
 * compressed with zstd, hashed and flushed here), against, in the same run and on the same
 * database through the same loopback sshd:
 * <ul>
 *   <li>{@code ssh HOST 'cat DB' > out && sync}: issue 15's reference, the bare copy with nothing
 *       checked (and, for a live database, no consistent copy);</li>
 *   <li>the careful cron script: {@code ssh HOST 'sqlite3 DB ".backup TMP" && cat TMP' | zstd -3 > out
 *       && sync} with {@code pipefail}, the same work as Mamori's without hashes, counts or manifest.</li>
 * </ul>
 * The database holds rows of hex text (it compresses about 2:1, as real ones do). Legs take turns in
 * a rotating order; each writes into a fresh folder, deleted and synced untimed afterwards. Prints
 * wall and client CPU seconds (user+sys of the process and its children) and the medians' ratios.
 * With {@code MAMORI_BEFORE=/other/checkout/mamori}, that build's backup is a fourth leg in the
 * rotation: before and after measured in one run.
 * Run it with {@code bench/dump-whole [MIB=1024] [ROUNDS=3]}.
 */
public final class DumpWholeBench {
    /** Another checkout's {@code ./mamori} (e.g. main's), timed as a fourth leg "before" when set. */
    private static final String BEFORE = System.getenv("MAMORI_BEFORE");
    private static final String[] LEGS = BEFORE == null || BEFORE.isBlank() ? new String[]{"mamori", "ssh-cat", "script"}
            : new String[]{"before", "mamori", "ssh-cat", "script"};

    private DumpWholeBench() {
    }

    public static void main(String[] args) throws Exception {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path base = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", "/var/tmp")), "mamori-dump-");
        try (SshdServer sshd = SshdServer.start()) {
            WholeProcess legs = new WholeProcess(sshd, base);
            Path home = Files.createDirectory(base.resolve("home"));
            legs.addServer(home);
            Path db = base.resolve("app.db");
            long rows = (mib << 20) / 4096;
            run("sqlite3", db.toString(), "PRAGMA journal_mode=WAL; CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT);"
                    + " WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < " + rows + ")"
                    + " INSERT INTO t(body) SELECT hex(randomblob(2000)) FROM c;");
            System.out.printf("%n== SQLite database of %,d bytes (%,d rows) in %s%n", Files.size(db), rows, db);
            mamori(home, "source", "add", "app", "--server", "bench", "--kind", "sqlite", "--path", db.toString());
            String script = "set -o pipefail; " + legs.sshRun("d=$(mktemp -d /var/tmp/bench-sqlite.XXXXXX) && "
                    + "sqlite3 -bail " + q(db) + " \".backup '$d/copy.db'\" && cat \"$d/copy.db\"; rc=$?; rm -rf \"$d\"; exit $rc");
            Map<String, List<double[]>> times = legs.alternate(LEGS, rounds, "dump", (leg, round, dest) -> {
                if (leg.equals("mamori") || leg.equals("before")) {
                    return WholeProcess.backup(home, leg.equals("before") ? BEFORE : null, leg + round, "app", dest);
                }
                if (leg.equals("ssh-cat")) {
                    return legs.sshRun("cat " + q(db)) + " > " + q(dest.resolve("app.db")) + " && sync";
                }
                return script + " | zstd -q -3 > " + q(dest.resolve("app.db.zst")) + " && sync";
            });
            double mw = median(times.get("mamori"), 0);
            double cw = median(times.get("ssh-cat"), 0);
            double sw = median(times.get("script"), 0);
            System.out.printf("[dump-whole] %d MiB SQLite, median of %d: mamori %.2f s, ssh cat + sync %.2f s,"
                            + " script (.backup, cat, zstd) + sync %.2f s; mamori's throughput %.2fx ssh cat's, %.2fx"
                            + " the script's; client CPU s mamori %.2f, ssh cat %.2f, script %.2f%n",
                    mib, rounds, mw, cw, sw, cw / mw, sw / mw, cpu(times.get("mamori")), cpu(times.get("ssh-cat")),
                    cpu(times.get("script")));
            if (times.containsKey("before")) {
                System.out.printf("[dump-whole] before: %.2f s, client CPU %.2f s; its throughput %.2fx ssh cat's, %.2fx"
                                + " the script's%n", median(times.get("before"), 0), cpu(times.get("before")),
                        cw / median(times.get("before"), 0), sw / median(times.get("before"), 0));
            }
        } finally {
            removeAndSync(base);
        }
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed");
        }
    }
}
