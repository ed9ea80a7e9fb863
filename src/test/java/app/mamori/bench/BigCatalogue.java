package app.mamori.bench;

import app.mamori.catalog.Catalog;
import app.mamori.model.Job;
import app.mamori.model.Source;
import app.mamori.ui.timeline.SyntheticHistory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * The large catalogue of issue 15, written into a data folder reproducibly (same rows for the
 * same arguments and the same hour): {@code lanes} jobs of {@code points} daily points each
 * ({@link SyntheticHistory}), one job of {@code hourly} hourly points (three years), and one {@code files}
 * job of {@code treePoints} points whose file index holds {@code files} rows each; one event
 * per run. Rows go in through SQL in large transactions: the stores record one point per
 * transaction, far too slow for this many.
 * <pre>java ... BigCatalogue HOME [LANES=200] [POINTS=1000] [FILES=50000] [TREE_POINTS=100] [HOURLY=26280]</pre>
 */
public final class BigCatalogue {
    private BigCatalogue() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        int lanes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int points = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int files = args.length > 3 ? Integer.parseInt(args[3]) : 50_000;
        int treePoints = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        int hourly = args.length > 5 ? Integer.parseInt(args[5]) : 3 * 365 * 24;
        Files.createDirectories(home);
        Path file = home.resolve("catalog.db");
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + " exists: give an empty folder");
        }
        long t0 = System.nanoTime();
        // the newest points six hours old, on the hour: the same rows for a rerun within the hour
        Instant newest = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(6));
        SyntheticHistory.write(file, lanes, points, newest, Duration.ofDays(1));
        try (Catalog catalog = Catalog.open(file)) {
            catalog.sources().add(new Source.Sqlite("hourly-db", "srv0", "/srv/hourly.db"));
            catalog.jobs().add(new Job("hourly", List.of("hourly-db"), "nas"));
            catalog.sources().add(new Source.Files("uploads", "srv0", List.of("/srv/uploads"), List.of()));
            catalog.jobs().add(new Job("uploads", List.of("uploads"), "nas"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            long runId = maxRun(c);
            runId = points(c, runId, "hourly", "srv0", "hourly-db", "sqlite", hourly, newest, Duration.ofHours(1));
            runId = points(c, runId, "uploads", "srv0", "uploads", "files", treePoints, newest, Duration.ofDays(1));
            fileIndex(c, "uploads", "uploads", treePoints, files);
            events(c);
            c.commit();
        }
        System.out.printf("catalogue %s: %,d daily points on %d jobs, %,d hourly points, %,d tree points x %,d files,"
                        + " %,d MB, written in %d s%n", file, (long) lanes * points, lanes, hourly, treePoints, files,
                Files.size(file) >> 20, (System.nanoTime() - t0) / 1_000_000_000);
    }

    private static long maxRun(Connection c) throws SQLException {
        try (var s = c.createStatement(); var r = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM runs")) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    private static long points(Connection c, long runId, String job, String server, String source, String kind,
                               int count, Instant newest, Duration step) throws SQLException {
        try (PreparedStatement run = c.prepareStatement("INSERT INTO runs (id, job, started, ended, status, pid)"
                + " VALUES (?, ?, ?, ?, 'succeeded', 1)");
             PreparedStatement point = c.prepareStatement("INSERT INTO restore_points (id, run, job, server, vault,"
                     + " time, status, location, kind) VALUES (?, ?, ?, ?, 'nas', ?, 'succeeded', ?, 'normal')");
             PreparedStatement artifact = c.prepareStatement("INSERT INTO artifacts (point, source, kind, path, size,"
                     + " sha256) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int k = 0; k < count; k++) {
                long time = newest.minus(step.multipliedBy(count - 1L - k)).toEpochMilli();
                String id = job + "/p" + k;
                run.setLong(1, ++runId);
                run.setString(2, job);
                run.setLong(3, time);
                run.setLong(4, time + 1000);
                run.addBatch();
                point.setString(1, id);
                point.setLong(2, runId);
                point.setString(3, job);
                point.setString(4, server);
                point.setLong(5, time);
                point.setString(6, server + "/" + id);
                point.addBatch();
                artifact.setString(1, id);
                artifact.setString(2, source);
                artifact.setString(3, kind);
                artifact.setString(4, kind.equals("files") ? "tree" : "db.zst");
                artifact.setLong(5, 2_000_000L + 1_000L * (k % 97));
                artifact.setString(6, String.format("%064x", (long) job.hashCode() * 1_000_000 + k));
                artifact.addBatch();
                if (k % 1000 == 999) {
                    run.executeBatch();
                    point.executeBatch();
                    artifact.executeBatch();
                }
            }
            run.executeBatch();
            point.executeBatch();
            artifact.executeBatch();
        }
        return runId;
    }

    /** {@code files} paths under 50 folders; one file in 20 changes from one point to the next. */
    private static void fileIndex(Connection c, String job, String source, int treePoints, int files)
            throws SQLException {
        // path ids: the 50 folders 1 to 50, file f is 51 + f
        try (PreparedStatement path = c.prepareStatement("INSERT INTO file_paths (id, path) VALUES (?, ?)")) {
            for (int d = 0; d < 50; d++) {
                path.setLong(1, 1 + d);
                path.setBytes(2, ("/srv/uploads/" + d).getBytes(StandardCharsets.UTF_8));
                path.addBatch();
            }
            for (int f = 0; f < files; f++) {
                path.setLong(1, 51 + f);
                path.setBytes(2, ("/srv/uploads/" + (f % 50) + "/file-" + f + ".jpg").getBytes(StandardCharsets.UTF_8));
                path.addBatch();
            }
            path.executeBatch();
        }
        try (PreparedStatement list = c.prepareStatement("INSERT INTO file_lists (id, point, source) VALUES (?, ?, ?)");
             PreparedStatement row = c.prepareStatement("INSERT INTO file_entries (list, path, type, mode, size,"
                     + " mtime_ns, sha256) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int k = 0; k < treePoints; k++) {
                list.setLong(1, 1 + k);
                list.setString(2, job + "/p" + k);
                list.setString(3, source);
                list.executeUpdate();
                for (int d = 0; d < 50; d++) {
                    row.setLong(1, 1 + k);
                    row.setLong(2, 1 + d);
                    row.setInt(3, 1); // directory
                    row.setInt(4, 0755);
                    row.setLong(5, 4096);
                    row.setLong(6, 1_700_000_000_000_000_000L);
                    row.setBytes(7, null);
                    row.addBatch();
                }
                for (int f = 0; f < files; f++) {
                    int version = f % 20 == k % 20 ? k : f % 20;
                    row.setLong(1, 1 + k);
                    row.setLong(2, 51 + f);
                    row.setInt(3, 0); // file
                    row.setInt(4, 0644);
                    row.setLong(5, 10_000L + f);
                    row.setLong(6, 1_700_000_000_000_000_000L + version * 1_000_000_000L);
                    row.setBytes(7, HexFormat.of().parseHex(String.format("%064x", (long) f * 1000 + version)));
                    row.addBatch();
                    if (f % 10_000 == 9_999) {
                        row.executeBatch();
                    }
                }
                row.executeBatch();
            }
        }
    }

    /** One "backup finished" event per run, as the engine logs. */
    private static void events(Connection c) throws SQLException {
        try (var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO events (time, level, server, job, run, kind, message)"
                    + " SELECT r.ended, CASE r.status WHEN 'failed' THEN 'error' ELSE 'info' END, p.server, r.job, r.id,"
                    + " 'run', 'backup ' || r.status FROM runs r LEFT JOIN restore_points p ON p.run = r.id");
        }
    }
}
