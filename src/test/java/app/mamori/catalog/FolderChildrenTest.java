package app.mamori.catalog;

import app.mamori.model.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One folder of a snapshot's index at a time, as the restore wizard's folder browser asks for it. */
class FolderChildrenTest {
    @TempDir
    Path dir;
    Catalog catalog;

    @BeforeEach
    void open() {
        catalog = Catalog.open(dir.resolve("catalog.db"));
        Fixtures.addBlogJob(catalog);
        long run = catalog.runs().start("blog", ProcessHandle.current().pid());
        catalog.points().record(Fixtures.blogPoint("p-mon", Instant.parse("2026-11-23T02:00:00Z"),
                RunStatus.SUCCEEDED), run, PointKind.NORMAL);
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    private void index(String... dirsThenFiles) {
        indexPoint("p-mon", dirsThenFiles);
    }

    private void indexPoint(String point, String... dirsThenFiles) {
        try (FileIndexWriter w = catalog.fileIndex().writer(point, "uploads")) {
            for (String p : dirsThenFiles) {
                boolean folder = p.endsWith("/");
                String path = folder ? p.substring(0, p.length() - 1) : p;
                w.add(new FileEntry(bytes(path), folder ? FileType.DIRECTORY : FileType.FILE, 0644,
                        folder ? 4096 : path.length(), 1_700_000_000_000_000_000L, folder ? null : "ab".repeat(32)));
            }
            w.commit();
        }
    }

    private List<String> children(String folder) {
        return children("p-mon", folder);
    }

    private List<String> children(String point, String folder) {
        return catalog.fileIndex().children(point, "uploads", bytes(folder)).stream()
                .map(c -> new String(c.path(), StandardCharsets.UTF_8) + (c.entry() == null ? " (not indexed)"
                        : c.entry().type() == FileType.DIRECTORY ? "/" : "")).toList();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFolderListsItsDirectChildrenOnceEvenWhereSiblingsSortBetweenAFolderAndItsContents() {
        // byte order: a < a-b < a-b/x < a.c < a/ < a/deep/... < a0 < b.txt
        index("/srv/up/", "/srv/up/a/", "/srv/up/a-b/", "/srv/up/a-b/x", "/srv/up/a.c", "/srv/up/a/deep/",
                "/srv/up/a/deep/f1", "/srv/up/a/deep/f2", "/srv/up/a/g", "/srv/up/a0", "/srv/up/b.txt");

        assertThat(children("/srv/up")).containsExactly("/srv/up/a/", "/srv/up/a-b/", "/srv/up/a.c", "/srv/up/a0",
                "/srv/up/b.txt");
        assertThat(children("/srv/up/a")).containsExactly("/srv/up/a/deep/", "/srv/up/a/g");
        assertThat(children("/srv/up/a/deep/")).as("a trailing slash names the same folder")
                .containsExactly("/srv/up/a/deep/f1", "/srv/up/a/deep/f2");
        assertThat(children("/srv/up/b.txt")).isEmpty();
    }

    @Test
    void aboveTheRootsTheFoldersThatLeadToThemComeBackWithoutAnEntry() {
        index("/srv/up/", "/srv/up/a", "/srv/www/", "/srv/www/index.html", "/var/mail/", "/var/mail/x");

        assertThat(children("/")).containsExactly("/srv (not indexed)", "/var (not indexed)");
        assertThat(children("/srv")).containsExactly("/srv/up/", "/srv/www/");
    }

    /** Paths are stored once for every point: another point's files in the same folders are not this one's children. */
    @Test
    void aPointListsOnlyItsOwnFilesWhereAnotherPointHeldMore() {
        long run = catalog.runs().start("blog", ProcessHandle.current().pid());
        catalog.points().record(Fixtures.blogPoint("p-tue", Instant.parse("2026-11-24T02:00:00Z"),
                RunStatus.SUCCEEDED), run, PointKind.NORMAL);
        indexPoint("p-mon", "/srv/up/", "/srv/up/gone/", "/srv/up/gone/x", "/srv/up/b", "/srv/www/", "/srv/www/i");
        indexPoint("p-tue", "/srv/up/", "/srv/up/b", "/srv/up/c");

        assertThat(children("p-tue", "/srv/up")).containsExactly("/srv/up/b", "/srv/up/c");
        assertThat(children("p-tue", "/srv")).containsExactly("/srv/up/");
        assertThat(children("p-tue", "/srv/up/gone")).isEmpty();
        assertThat(children("p-mon", "/srv/up")).containsExactly("/srv/up/b", "/srv/up/gone/");
        catalog.points().remove("p-mon");
        assertThat(children("p-tue", "/")).containsExactly("/srv (not indexed)");
        assertThat(catalog.history().paths(bytes("/"), null)).extracting(p -> new String(p, StandardCharsets.UTF_8))
                .as("p-mon's own paths went with it").containsExactly("/srv/up", "/srv/up/b", "/srv/up/c");
    }

    @Test
    void aFolderOfFiftyThousandFilesBesideItsParentsOtherChildrenIsSkippedNotRead() {
        try (FileIndexWriter w = catalog.fileIndex().writer("p-mon", "uploads")) {
            w.add(new FileEntry(bytes("/srv/up"), FileType.DIRECTORY, 0755, 4096, 1, null));
            w.add(new FileEntry(bytes("/srv/up/big"), FileType.DIRECTORY, 0755, 4096, 1, null));
            for (int i = 0; i < 50_000; i++) {
                w.add(new FileEntry(bytes(String.format("/srv/up/big/f%05d", i)), FileType.FILE, 0644, 1, 1,
                        "ab".repeat(32)));
            }
            w.add(new FileEntry(bytes("/srv/up/z.txt"), FileType.FILE, 0644, 1, 1, "ab".repeat(32)));
            w.commit();
        }

        long t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertThat(children("/srv/up")).containsExactly("/srv/up/big/", "/srv/up/z.txt");
        }
        long perCallMs = (System.nanoTime() - t0) / 20 / 1_000_000;
        // reading the 50,000 rows below "big" takes tens of milliseconds; two seeks take well under one
        assertThat(perCallMs).isLessThan(10);
        assertThat(children("/srv/up/big")).hasSize(50_000);
    }
}
