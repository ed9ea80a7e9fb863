package app.mamori.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.mamori.model.RunStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIndexTest {
    static final Instant MONDAY = Instant.parse("2026-11-23T02:00:00Z");
    static final int ROWS = 50_000;

    @TempDir
    Path dir;
    Catalog catalog;

    @BeforeEach
    void open() {
        catalog = Catalog.open(dir.resolve("catalog.db"));
        Fixtures.addBlogJob(catalog);
        long run = catalog.runs().start("blog", ProcessHandle.current().pid());
        catalog.points().record(Fixtures.blogPoint("p-mon", MONDAY, RunStatus.SUCCEEDED), run, PointKind.NORMAL);
        catalog.points().record(Fixtures.blogPoint("p-tue", MONDAY.plus(Duration.ofDays(1)), RunStatus.SUCCEEDED),
                run, PointKind.NORMAL);
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    @Test
    void aBatchOfFiftyThousandEntriesRoundTripsRawNonUtf8PathsInByteOrderQuickly() {
        List<FileEntry> entries = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            entries.add(entry(i));
        }

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long startCpu = threads.getCurrentThreadCpuTime();
        long startNanos = System.nanoTime();
        try (FileIndexWriter writer = catalog.fileIndex().writer("p-mon", "uploads")) {
            entries.forEach(writer::add);
            writer.commit();
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - startNanos);
        // SQLite runs in the calling thread, so its CPU time is the work itself, whatever else the machine runs.
        Duration cpu = Duration.ofNanos(threads.getCurrentThreadCpuTime() - startCpu);
        System.out.printf("file index: %,d rows written in %d ms (%d ms CPU)%n", ROWS, wall.toMillis(), cpu.toMillis());

        entries.sort((a, b) -> Arrays.compareUnsigned(a.path(), b.path()));
        assertThat(catalog.fileIndex().entries("p-mon", "uploads")).isEqualTo(entries);
        assertThat(catalog.fileIndex().entry("p-mon", "uploads", latin1Name(7))).contains(entry(7));
        assertThat(cpu).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aPathThatIsNotUtf8IsStoredByteForByte() {
        byte[] invalid = {'d', 'a', 't', 'a', '/', (byte) 0xff, (byte) 0xfe, (byte) 0xc3, '.', 't', 'x', 't'};
        try (FileIndexWriter writer = catalog.fileIndex().writer("p-mon", "uploads")) {
            writer.add(new FileEntry(invalid, FileType.FILE, 0600, 3, 42L, "aa".repeat(32)));
            writer.commit();
        }

        byte[] stored = catalog.fileIndex().entries("p-mon", "uploads").get(0).path();
        assertThat(stored).containsExactly(invalid);
        assertThat(new String(stored, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)).isNotEqualTo(invalid);
    }

    @Test
    void closingWithoutCommitLeavesNoHalfIndex() {
        try (FileIndexWriter writer = catalog.fileIndex().writer("p-mon", "uploads")) {
            for (int i = 0; i < FileIndexWriter.CHUNK_ROWS + 10; i++) {
                writer.add(entry(i));
            }
            assertThat(catalog.fileIndex().count("p-mon", "uploads")).isEqualTo(FileIndexWriter.CHUNK_ROWS);
        }

        assertThat(catalog.fileIndex().count("p-mon", "uploads")).isZero();
        assertThat(catalog.history().paths(new byte[0], null)).as("no path left that only the abandoned list used")
                .isEmpty();
    }

    @Test
    void versionsOfAFileListEveryPointHoldingItNewestFirst() {
        byte[] path = "wp-content/uploads/logo.png".getBytes(StandardCharsets.UTF_8);
        for (String point : List.of("p-mon", "p-tue")) {
            try (FileIndexWriter writer = catalog.fileIndex().writer(point, "uploads")) {
                writer.add(new FileEntry(path, FileType.FILE, 0644, point.length(), 1L, "ee".repeat(32)));
                writer.commit();
            }
        }

        assertThat(catalog.fileIndex().versionsOf("uploads", path)).extracting(FileVersion::point)
                .containsExactly("p-tue", "p-mon");
    }

    @Test
    void anIndexNeedsARecordedArtifact() {
        assertThatThrownBy(() -> catalog.fileIndex().writer("p-mon", "nothing"))
                .hasMessage("restore point 'p-mon' has no artifact of source 'nothing' to index; record the point first");
    }

    /** Names in ISO-8859-1, as an old Samba share leaves them: not valid UTF-8. */
    private static byte[] latin1Name(int i) {
        ByteArrayOutputStream name = new ByteArrayOutputStream();
        name.writeBytes(("dir" + (i % 100) + "/caf").getBytes(StandardCharsets.US_ASCII));
        name.write(0xe9);
        name.writeBytes(("-" + i).getBytes(StandardCharsets.US_ASCII));
        return name.toByteArray();
    }

    private static FileEntry entry(int i) {
        return i % 10 == 0
                ? new FileEntry(latin1Name(i), FileType.DIRECTORY, 0755, 0, 1_700_000_000_123_456_789L + i, null)
                : new FileEntry(latin1Name(i), FileType.FILE, 0644, i * 17L, 1_700_000_000_123_456_789L + i,
                        String.format("%064x", i));
    }
}
