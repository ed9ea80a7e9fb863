package app.mamori.service;

import app.mamori.catalog.FileEntry;
import app.mamori.catalog.FileType;
import app.mamori.catalog.PointRef;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a file's entries in a source's points become added, changed and deleted versions. */
class VersionChangesTest {
    private static final List<PointRef> POINTS = List.of(point("p1", 1), point("p2", 2), point("p3", 3),
            point("p4", 4), point("p5", 5), point("p6", 6));

    private static PointRef point(String id, int day) {
        return new PointRef(id, Instant.parse("2026-11-0" + day + "T02:00:00Z"));
    }

    private static FileEntry file(long size, String sha, long mtime) {
        return new FileEntry("/srv/a.txt".getBytes(StandardCharsets.UTF_8), FileType.FILE, 0644, size, mtime, sha);
    }

    @Test
    void unchangedPointsAreLeftOutAndADeletionIsTheFirstPointWithoutIt() {
        Map<String, FileEntry> by = new HashMap<>();
        by.put("p1", file(10, "aa", 1));
        by.put("p2", file(10, "aa", 99)); // touched only: same size and contents
        by.put("p3", file(12, "bb", 3));
        by.put("p5", file(12, "bb", 3)); // back after a deletion, gone again in p6

        List<FileHistory.Version> v = VersionChanges.of(POINTS, by);

        assertThat(v).extracting(FileHistory.Version::point).containsExactly("p1", "p3", "p4", "p5", "p6");
        assertThat(v).extracting(FileHistory.Version::change).containsExactly(FileHistory.Change.ADDED,
                FileHistory.Change.CHANGED, FileHistory.Change.DELETED, FileHistory.Change.ADDED,
                FileHistory.Change.DELETED);
        assertThat(v.get(2).size()).isEmpty();
        assertThat(v.get(2).sha256()).isEmpty();
        assertThat(v.get(1).size()).hasValue(12);
        assertThat(v.get(1).sha256()).hasValue("bb");
    }

    @Test
    void aSameSizeRewriteIsAChangeAndATypeChangeIsOne() {
        Map<String, FileEntry> by = new HashMap<>();
        by.put("p1", file(10, "aa", 1));
        by.put("p2", file(10, "ab", 1));
        by.put("p3", new FileEntry("/srv/a.txt".getBytes(StandardCharsets.UTF_8), FileType.SYMLINK, 0777, 10, 1, null));

        assertThat(VersionChanges.of(POINTS.subList(0, 3), by)).extracting(FileHistory.Version::change)
                .containsExactly(FileHistory.Change.ADDED, FileHistory.Change.CHANGED, FileHistory.Change.CHANGED);
    }

    @Test
    void aDirectoryWhoseSizeGrewIsNotAChange() {
        FileEntry small = new FileEntry("/srv".getBytes(StandardCharsets.UTF_8), FileType.DIRECTORY, 0755, 4096, 1, null);
        FileEntry grown = new FileEntry("/srv".getBytes(StandardCharsets.UTF_8), FileType.DIRECTORY, 0755, 12288, 2, null);

        assertThat(VersionChanges.of(POINTS.subList(0, 2), Map.of("p1", small, "p2", grown))).singleElement()
                .extracting(FileHistory.Version::change).isEqualTo(FileHistory.Change.ADDED);
    }

    @Test
    void aFileNeverSeenHasNoVersions() {
        assertThat(VersionChanges.of(POINTS, Map.of())).isEmpty();
    }
}
