package app.mamori.bench;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.FileEntry;
import app.mamori.catalog.FileIndexWriter;
import app.mamori.catalog.FileType;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.RecordedPoint;
import app.mamori.engine.MamoriHome;
import app.mamori.model.Artifact;
import app.mamori.model.RestorePoint;
import app.mamori.model.RunStatus;
import app.mamori.model.SourceKind;
import app.mamori.service.FileHistory;
import app.mamori.service.PointDiff;
import app.mamori.service.Services;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code mamori find} and {@code mamori diff} on three years of history: a real catalogue file with
 * POINTS daily points of one file tree of FILES files (40 folders), written through the catalogue's
 * own writers. A file changes every 10 to 99 points (by its number), and one file in a hundred is
 * absent from every other block of 200 points, so versions are added, changed and deleted.
 * Run with bench/history [POINTS=1000] [FILES=2000].
 */
public final class HistoryBench {
    private static final Instant START = Instant.parse("2024-01-01T02:00:00Z");
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private HistoryBench() {
    }

    public static void main(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Path dir = Files.createTempDirectory("mamori-history-bench-");
        try {
            MamoriHome home = new MamoriHome(dir).ensureExists();
            long t0 = System.nanoTime();
            try (Catalog catalog = Catalog.open(home.catalogFile())) {
                write(catalog, points, files);
            }
            System.out.printf("catalogue: %,d points x %,d files = %,d index rows, written in %d s (%,d MB)%n", points,
                    files, (long) points * (files + 41), (System.nanoTime() - t0) / 1_000_000_000L,
                    Files.size(home.catalogFile()) >> 20);
            try (Services services = Services.over(home, Catalog.open(home.catalogFile()), null, Clock.systemUTC())) {
                queries(services, points);
            }
        } finally {
            new ProcessBuilder("rm", "-rf", dir.toString()).inheritIO().start().waitFor();
        }
    }

    private static void queries(Services services, int points) throws Exception {
        System.out.println("query                                        results  versions  wall med  | CPU med (ms)");
        find("find file1234.txt (one file, by name)", 5,
                () -> services.history().find("file1234.txt", Optional.empty()));
        find("find /srv/www/d7/*.txt (one folder, 50 files)", 5,
                () -> services.history().find("/srv/www/d7/*.txt", Optional.empty()));
        find("find file12*.txt (111 files, by name)", 5,
                () -> services.history().find("file12*.txt", Optional.of("www")));
        find("find *.txt (every file)", 1, () -> services.history().find("*.txt", Optional.empty()));
        String last = id(points - 1);
        diff("diff of two consecutive points", () -> services.history().diff(id(points - 2), last, Optional.empty()));
        diff("diff of the first and the last point", () -> services.history().diff(id(0), last, Optional.empty()));
    }

    private static void find(String what, int rounds, Callable<List<FileHistory>> q) throws Exception {
        time(what, rounds, q, r -> String.format("%7d %9d", r.size(),
                r.stream().mapToInt(f -> f.versions().size()).sum()));
    }

    private static void diff(String what, Callable<PointDiff> q) throws Exception {
        time(what, 5, q, d -> {
            PointDiff.Files f = (PointDiff.Files) d;
            return String.format("%7d %9s", f.added().size() + f.removed().size() + f.changed().size(), "-");
        });
    }

    /** The median of the rounds, in wall time and in the thread's CPU time (SQLite runs in the calling thread). */
    private static <T> void time(String what, int rounds, Callable<T> q, Function<T, String> counts) throws Exception {
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        T result = null;
        for (int i = 0; i < rounds; i++) {
            long c = CPU.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            result = q.call();
            wall.add((System.nanoTime() - t) / 1e6);
            cpu.add((CPU.getCurrentThreadCpuTime() - c) / 1e6);
        }
        System.out.printf("%-46s %s %9.1f | %9.1f%n", what, counts.apply(result), median(wall), median(cpu));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String id(int point) {
        return String.format("site/%05d", point);
    }

    private static void write(Catalog catalog, int points, int files) {
        for (int i = 0; i < points; i++) {
            Artifact a = new Artifact("www", SourceKind.FILES, "www", 1, "00".repeat(32));
            catalog.points().record(new RecordedPoint(new RestorePoint(id(i), "web", "site", "nas",
                    START.plus(Duration.ofDays(i)), RunStatus.SUCCEEDED, "web/" + id(i), List.of(a)),
                    OptionalLong.empty(), PointKind.NORMAL, Map.of()));
            try (FileIndexWriter w = catalog.fileIndex().writer(id(i), "www")) {
                for (int d = 0; d < 40; d++) {
                    w.add(new FileEntry(("/srv/www/d" + d).getBytes(StandardCharsets.UTF_8), FileType.DIRECTORY,
                            0755, 4096, 0, null));
                }
                w.add(new FileEntry("/srv/www".getBytes(StandardCharsets.UTF_8), FileType.DIRECTORY, 0755, 4096, 0,
                        null));
                for (int f = 0; f < files; f++) {
                    if (f % 100 == 3 && (i / 200) % 2 == 1) {
                        continue;
                    }
                    int version = i / (f % 90 + 10);
                    w.add(new FileEntry(("/srv/www/d" + f % 40 + "/file" + f + ".txt").getBytes(StandardCharsets.UTF_8),
                            FileType.FILE, 0644, 1000 + version, version, String.format("%064x", (long) f * 1_000_003L
                            + version)));
                }
                w.commit();
            }
        }
    }
}
