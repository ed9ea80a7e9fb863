package app.mamori.bench;

import app.mamori.catalog.Catalog;
import app.mamori.cli.MamoriCommand;
import app.mamori.testenv.SshdServer;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A night of many servers: {@code JOBS} jobs spread over {@code SERVERS} servers (names for the one
 * test sshd on loopback, as Mamori tells servers apart by name), each a SQLite database of about
 * {@code MB} megabytes, all due; {@code mamori run-due} timed with {@code --parallel 1} (one job
 * after the other, as before) and with {@code --parallel 4}, alternating, each round on a fresh
 * data folder. Every run must succeed.
 * <pre>bench/run-due [JOBS=20] [SERVERS=10] [MB=20] [ROUNDS=3]</pre>
 */
public final class RunDueBench {
    private RunDueBench() {
    }

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int servers = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int mb = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path base = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", "/var/tmp")), "mamori-rundue-");
        try (SshdServer sshd = SshdServer.start()) {
            List<Path> dbs = new ArrayList<>();
            for (int j = 0; j < jobs; j++) {
                Path db = base.resolve("db" + j + ".sqlite");
                run("sqlite3", db.toString(), "CREATE TABLE t(b); WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1"
                        + " FROM n WHERE x < " + mb * 1000 + ") INSERT INTO t SELECT randomblob(1000) FROM n;");
                dbs.add(db);
            }
            System.out.printf("%d jobs on %d servers, %d MB SQLite database each, %d core(s)%n", jobs, servers, mb,
                    Runtime.getRuntime().availableProcessors());
            List<Long> one = new ArrayList<>();
            List<Long> four = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                one.add(night(base.resolve("r" + r + "-1"), sshd, dbs, servers, 1));
                four.add(night(base.resolve("r" + r + "-4"), sshd, dbs, servers, 4));
                System.out.printf("round %d: --parallel 1 %d ms, --parallel 4 %d ms%n", r + 1, one.get(r), four.get(r));
            }
            long m1 = median(one);
            long m4 = median(four);
            System.out.printf("median: --parallel 1 %d ms, --parallel 4 %d ms: %.2fx the sequential wall time%n", m1, m4,
                    (double) m4 / m1);
        } finally {
            new ProcessBuilder("rm", "-rf", base.toString()).inheritIO().start().waitFor();
        }
    }

    /** A fresh data folder with every job due; the wall time of one run-due. */
    private static long night(Path home, SshdServer sshd, List<Path> dbs, int servers, int parallel) throws Exception {
        for (int s = 0; s < servers; s++) {
            mamori(home, "server", "add", "srv" + s, "--host", sshd.host(), "--port", Integer.toString(sshd.port()),
                    "--user", sshd.user(), "--identity", sshd.identity().toString(), "--host-key",
                    sshd.hostKeyFingerprint());
        }
        mamori(home, "vault", "add", "v", "--path", home.resolve("vault").toString());
        for (int j = 0; j < dbs.size(); j++) {
            mamori(home, "source", "add", "db" + j, "--server", "srv" + (j % servers), "--kind", "sqlite", "--path",
                    dbs.get(j).toString());
            mamori(home, "job", "add", "job" + j, "--sources", "db" + j, "--vault", "v");
        }
        try (Catalog catalog = Catalog.open(home.resolve("catalog.db"),
                Clock.fixed(Instant.now().minus(Duration.ofDays(2)), ZoneOffset.UTC))) {
            for (int j = 0; j < dbs.size(); j++) {
                catalog.schedules().set("job" + j, "daily 02:30");
            }
        }
        long t = System.nanoTime();
        String out = mamori(home, "run-due", "--parallel", Integer.toString(parallel));
        long ms = (System.nanoTime() - t) / 1_000_000;
        long ok = out.lines().filter(l -> l.contains("succeeded")).count();
        if (ok != dbs.size()) {
            throw new IllegalStateException(ok + " of " + dbs.size() + " jobs succeeded:\n" + out);
        }
        return ms;
    }

    private static String mamori(Path home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--home";
        all[1] = home.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int exit = MamoriCommand.run(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true), all);
        if (exit != 0) {
            throw new IllegalStateException("mamori " + String.join(" ", args) + " exited " + exit + ": " + err);
        }
        return out.toString();
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
