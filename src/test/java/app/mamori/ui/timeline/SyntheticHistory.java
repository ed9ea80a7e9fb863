package app.mamori.ui.timeline;

import app.mamori.catalog.Catalog;
import app.mamori.model.Job;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.Vault;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A long history written straight into a real catalogue in one transaction (the stores record one
 * point per transaction, far too slow for 200,000): {@code lanes} jobs of one SQLite source each,
 * ten per server, each with {@code points} points {@code step} apart ending at {@code newest}.
 * Every fifth point repeats the one before (folds), every third is verified, every seventh
 * drilled, every 97th failed its check, every 50th is a held safety point; one run per point and a
 * failed run every 40 points.
 */
public final class SyntheticHistory {
    private SyntheticHistory() {
    }

    public static void write(Path catalogFile, int lanes, int points, Instant newest, Duration step) throws SQLException {
        try (Catalog catalog = Catalog.open(catalogFile)) {
            catalog.vaults().add(new Vault("nas", "/mnt/nas", Optional.empty()));
            for (int l = 0; l < lanes; l++) {
                String server = "srv" + (l / 10);
                if (l % 10 == 0) {
                    catalog.servers().add(new Server(server, server + ".lan", 22, "backup", Optional.empty(),
                            Optional.empty()));
                }
                catalog.sources().add(new Source.Sqlite("src" + l, server, "/srv/db" + l + ".db"));
                catalog.jobs().add(new Job("job" + l, List.of("src" + l), "nas"));
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + catalogFile)) {
            c.setAutoCommit(false);
            try (PreparedStatement run = c.prepareStatement("INSERT INTO runs (id, job, started, ended, status, pid,"
                    + " error) VALUES (?, ?, ?, ?, ?, 1, ?)");
                 PreparedStatement point = c.prepareStatement("INSERT INTO restore_points (id, run, job, server,"
                         + " vault, time, status, location, kind) VALUES (?, ?, ?, ?, 'nas', ?, 'succeeded', ?, ?)");
                 PreparedStatement artifact = c.prepareStatement("INSERT INTO artifacts (point, source, kind, path,"
                         + " size, sha256) VALUES (?, ?, 'sqlite', 'db.zst', ?, ?)");
                 PreparedStatement check = c.prepareStatement("INSERT INTO verifications (point, source, job, time,"
                         + " method, result, detail, duration_ms, recovery_ms) VALUES (?, ?, ?, ?, ?, ?, ?, 10, ?)")) {
                long runId = 0;
                for (int l = 0; l < lanes; l++) {
                    String job = "job" + l;
                    for (int k = 0; k < points; k++) {
                        long time = newest.minus(step.multipliedBy(points - 1 - k)).toEpochMilli();
                        String id = job + "/p" + k;
                        run.setLong(1, ++runId);
                        run.setString(2, job);
                        run.setLong(3, time);
                        run.setLong(4, time + 1000);
                        run.setString(5, "succeeded");
                        run.setString(6, null);
                        run.addBatch();
                        point.setString(1, id);
                        point.setLong(2, runId);
                        point.setString(3, job);
                        point.setString(4, "srv" + (l / 10));
                        point.setLong(5, time);
                        point.setString(6, "srv/" + id);
                        point.setString(7, k % 50 == 49 ? "pre-restore" : "normal");
                        point.addBatch();
                        int content = k % 5 == 4 ? k - 1 : k;
                        artifact.setString(1, id);
                        artifact.setString(2, "src" + l);
                        artifact.setLong(3, 1_000_000L + 5_000L * content + (content % 11) * 20_000L);
                        artifact.setString(4, String.format("%064x", (long) l * 1_000_000 + content));
                        artifact.addBatch();
                        if (k % 3 == 0 || k % 7 == 0 || k % 97 == 0) {
                            boolean drill = k % 7 == 0;
                            check.setString(1, id);
                            check.setString(2, "src" + l);
                            check.setString(3, job);
                            check.setLong(4, time + 60_000);
                            check.setString(5, drill ? "drill" : "checksum");
                            check.setString(6, k % 97 == 0 ? "failed" : "verified");
                            check.setString(7, k % 97 == 0 ? "checksum mismatch in db.zst" : "ok");
                            check.setObject(8, drill ? 42_000L : null);
                            check.addBatch();
                        }
                        if (k % 40 == 20) {
                            run.setLong(1, ++runId);
                            run.setString(2, job);
                            run.setLong(3, time + step.toMillis() / 2);
                            run.setLong(4, time + step.toMillis() / 2 + 1000);
                            run.setString(5, "failed");
                            run.setString(6, "cannot connect to " + "srv" + (l / 10) + ": connection refused");
                            run.addBatch();
                        }
                    }
                    run.executeBatch();
                    point.executeBatch();
                    artifact.executeBatch();
                    check.executeBatch();
                }
            }
            c.commit();
        }
    }
}
