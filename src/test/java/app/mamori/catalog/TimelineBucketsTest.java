package app.mamori.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import app.mamori.ui.timeline.SyntheticHistory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bucket query against the points it sums up: over a synthetic history of 12 lanes on two
 * servers, with some checks overturned by newer ones and a safety point released, random windows,
 * scopes, job sets, widths and origins must give exactly the buckets that summing the window's
 * points one by one gives.
 */
class TimelineBucketsTest {
    private static final Instant NEWEST = Instant.parse("2026-12-01T06:00:00Z");
    private static final Duration STEP = Duration.ofHours(6);
    private static final int POINTS = 400;

    @TempDir
    Path dir;
    Catalog catalog;

    @BeforeEach
    void open() throws Exception {
        SyntheticHistory.write(dir.resolve("catalog.db"), 12, POINTS, NEWEST, STEP);
        catalog = Catalog.open(dir.resolve("catalog.db"));
        // checks overturned by newer ones (a failed one passing, passed ones failing a drill), a safety point let go
        for (int lane = 0; lane < 12; lane++) {
            for (int k = lane % 7; k < POINTS; k += 13) {
                boolean fails = k % 97 != 0;
                recheck("job" + lane + "/p" + k, "src" + lane, "job" + lane, fails ? Verification.Method.DRILL
                        : Verification.Method.CHECKSUM, fails ? Verification.Result.FAILED : Verification.Result.VERIFIED);
            }
        }
        catalog.points().release("job3/p49");
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    private void recheck(String point, String source, String job, Verification.Method method,
                         Verification.Result result) {
        catalog.verifications().record(new Verification(point, source, job, NEWEST.plus(Duration.ofDays(1)), method,
                result, "again", Duration.ofSeconds(1), Optional.empty()));
    }

    @Test
    void bucketsEqualTheWindowsPointsSummedOneByOneForRandomWindowsScopesAndWidths() {
        Random random = new Random(11);
        Instant oldest = NEWEST.minus(STEP.multipliedBy(POINTS - 1));
        List<Duration> widths = List.of(Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1),
                Duration.ofDays(7), Duration.ofMinutes(13 * 60 + 17), Duration.ofDays(365));
        List<TimelineScope> scopes = List.of(TimelineScope.everything(), TimelineScope.server("srv1"),
                TimelineScope.job("job3"));
        int nonEmpty = 0;
        for (int round = 0; round < 60; round++) {
            long span = Duration.between(oldest, NEWEST).toMillis();
            Instant from = oldest.plusMillis((long) (random.nextDouble() * span) - Duration.ofDays(2).toMillis());
            Instant to = from.plusMillis(1 + (long) (random.nextDouble() * span / 2));
            Duration width = widths.get(random.nextInt(widths.size()));
            Instant origin = from.minusMillis((long) (random.nextDouble() * width.toMillis()));
            TimelineScope scope = scopes.get(random.nextInt(scopes.size()));
            Set<String> jobs = random.nextBoolean() ? Set.of()
                    : new java.util.HashSet<>(List.of("job" + random.nextInt(12), "job" + (3 + random.nextInt(9))));

            List<TimelineBucket> buckets = catalog.timeline().buckets(scope, jobs, from, to, origin, width);
            List<TimelinePoint> points = catalog.timeline().points(scope, jobs, from, to);

            assertThat(buckets).as("%s, %s, %s to %s by %s from %s", scope, jobs, from, to, width, origin)
                    .isEqualTo(summed(points, origin, width));
            assertThat(buckets.stream().mapToInt(TimelineBucket::points).sum()).isEqualTo(points.size());
            nonEmpty += buckets.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).isGreaterThan(30);
    }

    /**
     * Wide windows (buckets of 2^28 ms or more, on multiples of their width) are read as sums of the
     * catalogue's cells, which triggers keep: after checks, a release, removals and new points, the
     * cells must still give exactly what summing the points gives.
     */
    @Test
    void wideAlignedWindowsAreSumsOfCellsThatStayRightAsTheHistoryChanges() {
        Random random = new Random(5);
        assertCellsGiveThePointsSums(random);

        for (int lane = 0; lane < 12; lane += 3) {
            recheck("job" + lane + "/p" + (lane * 7 + 1), "src" + lane, "job" + lane, Verification.Method.FORMAT,
                    Verification.Result.FAILED);
        }
        catalog.points().release("job7/p99");
        for (int k = 0; k < POINTS; k += 9) {
            catalog.points().remove("job2/p" + k);
        }
        var newest = catalog.points().find("job4/p" + (POINTS - 1)).orElseThrow().point();
        catalog.points().record(RecordedPoint.fromManifest(new app.mamori.model.RestorePoint("job4/later",
                newest.server(), newest.job(), newest.vault(), newest.time().plus(Duration.ofDays(2)), newest.status(),
                newest.location() + "-later", newest.artifacts()), PointKind.NORMAL, Map.of()));

        assertCellsGiveThePointsSums(random);
    }

    private void assertCellsGiveThePointsSums(Random random) {
        Instant oldest = oldest();
        List<TimelineScope> scopes = List.of(TimelineScope.everything(), TimelineScope.server("srv0"),
                TimelineScope.job("job4"));
        int nonEmpty = 0;
        for (int round = 0; round < 30; round++) {
            Duration width = Duration.ofMillis(TimelineQueries.CELL_MS << random.nextInt(5));
            long w = width.toMillis();
            long start = oldest.toEpochMilli() - 10 * w + (long) (random.nextDouble() * 20 * w);
            Instant from = Instant.ofEpochMilli(Math.floorDiv(start, w) * w);
            Instant to = from.plusMillis(w * (1 + random.nextInt(40)));
            TimelineScope scope = scopes.get(random.nextInt(scopes.size()));
            Set<String> jobs = random.nextBoolean() ? Set.of()
                    : new java.util.HashSet<>(List.of("job" + random.nextInt(12), "job" + (2 + random.nextInt(3))));
            assertThat(TimelineQueries.inWholeCells(from, to, from, width)).isTrue();

            List<TimelineBucket> buckets = catalog.timeline().buckets(scope, jobs, from, to, from, width);
            List<TimelinePoint> points = catalog.timeline().points(scope, jobs, from, to);

            assertThat(buckets).as("%s, %s, %s to %s by %s", scope, jobs, from, to, width)
                    .isEqualTo(summed(points, from, width));
            nonEmpty += buckets.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).isGreaterThan(10);
    }

    @Test
    void aBucketTakesTheLookOfItsMostUrgentPointAndCountsEachPointOnce() {
        Instant from = NEWEST.minus(STEP.multipliedBy(POINTS));
        List<TimelineBucket> buckets = catalog.timeline().buckets(TimelineScope.job("job1"), Set.of(), from,
                NEWEST.plusSeconds(1), from, Duration.ofDays(3));
        // one point per bucket: job1's p14 passed a drill, then failed one; p7 passed one, p3 a checksum
        List<TimelineBucket> single = catalog.timeline().buckets(TimelineScope.job("job1"), Set.of(), from,
                oldest().plus(STEP.multipliedBy(16)), from, STEP);

        assertThat(single.get(14).worst()).isEqualTo(TimelineBucket.State.FAILED);
        assertThat(single.get(7).worst()).isEqualTo(TimelineBucket.State.DRILLED);
        assertThat(single.get(3).worst()).isEqualTo(TimelineBucket.State.VERIFIED);
        assertThat(single.get(2).worst()).isEqualTo(TimelineBucket.State.UNCHECKED);
        assertThat(buckets).allSatisfy(b -> assertThat(b.failed() + b.safety() + b.unchecked() + b.verified()
                + b.drilled()).isEqualTo(b.points()));
        assertThat(buckets.stream().mapToInt(TimelineBucket::held).sum()).isEqualTo(POINTS / 50);
    }

    private static Instant oldest() {
        return NEWEST.minus(STEP.multipliedBy(POINTS - 1));
    }

    /** The oracle: the window's points grouped per lane and bucket, each counted by its state. */
    private static List<TimelineBucket> summed(List<TimelinePoint> points, Instant origin, Duration width) {
        Map<String, List<TimelinePoint>> groups = new TreeMap<>();
        for (TimelinePoint p : points) {
            long index = (p.time().toEpochMilli() - origin.toEpochMilli()) / width.toMillis();
            groups.computeIfAbsent(p.job() + "\u0000" + p.source() + "\u0000" + String.format("%012d", index),
                    k -> new ArrayList<>()).add(p);
        }
        List<TimelineBucket> buckets = new ArrayList<>();
        groups.forEach((key, group) -> buckets.add(bucket(Long.parseLong(key.substring(key.lastIndexOf('\u0000') + 1)),
                group)));
        buckets.sort(Comparator.comparing(TimelineBucket::job).thenComparing(TimelineBucket::source)
                .thenComparingLong(TimelineBucket::index));
        return buckets;
    }

    private static TimelineBucket bucket(long index, List<TimelinePoint> points) {
        int[] states = new int[TimelineBucket.State.values().length];
        points.forEach(p -> states[TimelineBucket.State.of(p).ordinal()]++);
        TimelinePoint head = points.get(0);
        return new TimelineBucket(head.job(), head.source(), index,
                points.stream().map(TimelinePoint::time).min(Comparator.naturalOrder()).orElseThrow(),
                points.stream().map(TimelinePoint::time).max(Comparator.naturalOrder()).orElseThrow(), points.size(),
                states[TimelineBucket.State.FAILED.ordinal()], states[TimelineBucket.State.SAFETY.ordinal()],
                (int) points.stream().filter(TimelinePoint::held).count(),
                states[TimelineBucket.State.UNCHECKED.ordinal()], states[TimelineBucket.State.VERIFIED.ordinal()],
                states[TimelineBucket.State.DRILLED.ordinal()],
                points.stream().mapToLong(TimelinePoint::size).min().orElseThrow(),
                points.stream().mapToLong(TimelinePoint::size).max().orElseThrow());
    }
}
