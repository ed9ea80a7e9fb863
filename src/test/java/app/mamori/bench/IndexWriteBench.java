package app.mamori.bench;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.FileEntry;
import app.mamori.catalog.FileIndexWriter;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * What a files backup's index write costs on a catalogue that already holds many points of the
 * same tree: a copy of CATALOG (a rebuilt catalogue, such as bench/rebuild leaves), one more
 * artifact in its newest point, and the newest point's list written to it through
 * {@link FileIndexWriter} ROUNDS times (the same paths, as a daily backup of an unchanged tree).
 * <pre>java ... IndexWriteBench CATALOG [ROUNDS=3]</pre>
 */
public final class IndexWriteBench {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private IndexWriteBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("mamori-index-write-");
        Path file = dir.resolve("catalog.db");
        try {
            Files.copy(Path.of(args[0]), file, StandardCopyOption.REPLACE_EXISTING);
            String point;
            String source;
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
                 ResultSet newest = s.executeQuery("SELECT a.point, a.source FROM artifacts a JOIN restore_points p"
                         + " ON p.id = a.point WHERE a.files IS NOT NULL ORDER BY p.time DESC LIMIT 1")) {
                newest.next();
                point = newest.getString(1);
                source = newest.getString(2);
            }
            try (Catalog catalog = Catalog.open(file)) {
                List<FileEntry> tree = catalog.fileIndex().entries(point, source);
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                     Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO artifacts (point, source, kind, path, size, sha256)"
                            + " VALUES ('" + point + "', 'bench-copy', 'files', 'tree', 0, 'x')");
                }
                System.out.printf("catalogue %,d MB; writing %,d entries to %s%n", Files.size(file) >> 20, tree.size(),
                        point);
                for (int r = 0; r < rounds; r++) {
                    long t0 = System.nanoTime();
                    long c0 = CPU.getCurrentThreadCpuTime();
                    try (FileIndexWriter w = catalog.fileIndex().writer(point, "bench-copy")) {
                        tree.forEach(w::add);
                        w.commit();
                    }
                    System.out.printf("  round %d: %d ms wall, %d ms CPU (round 2 on: the list it replaces deleted"
                            + " first)%n", r + 1, (System.nanoTime() - t0) / 1_000_000,
                            (CPU.getCurrentThreadCpuTime() - c0) / 1_000_000);
                }
            }
        } finally {
            new ProcessBuilder("rm", "-rf", dir.toString()).inheritIO().start().waitFor();
        }
    }
}
