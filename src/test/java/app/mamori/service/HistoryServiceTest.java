package app.mamori.service;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.FileEntry;
import app.mamori.catalog.FileIndexWriter;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.RecordedPoint;
import app.mamori.engine.MamoriHome;
import app.mamori.model.Artifact;
import app.mamori.model.RestorePoint;
import app.mamori.model.RunStatus;
import app.mamori.model.SourceKind;
import app.mamori.catalog.FileType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** find and diff on a real catalogue file, with file lists written as a backup writes them. */
class HistoryServiceTest {
    @TempDir
    Path tmp;
    Services services;
    Catalog catalog;

    @BeforeEach
    void open() throws Exception {
        MamoriHome home = new MamoriHome(tmp.resolve("home")).ensureExists();
        catalog = Catalog.open(home.catalogFile());
        services = Services.over(home, catalog, null, Clock.systemUTC());
        tree("site/p1", 1, "www", Map.of("/srv/www/index.php", "a", "/srv/www/wp-config.php", "c1",
                "/srv/www/up/a.jpg", "j"));
        tree("site/p2", 2, "www", Map.of("/srv/www/index.php", "a", "/srv/www/wp-config.php", "c2",
                "/srv/www/up/a.jpg", "j"));
        tree("site/p3", 3, "www", Map.of("/srv/www/index.php", "a", "/srv/www/up/a.jpg", "j"));
        tree("site/p4", 4, "www", Map.of("/srv/www/index.php", "b", "/srv/www/wp-config.php", "c2",
                "/srv/www/up/a.jpg", "j", "/srv/www/up/b.jpg", "k"));
        tree("docs/p1", 2, "docs", Map.of("/srv/docs/index.php", "d"));
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void aFilesVersionsListWhereItWasAddedChangedDeletedAndAddedAgain() {
        List<FileHistory> found = services.history().find("wp-config.php", Optional.empty());

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo("www");
            assertThat(f.path()).isEqualTo("/srv/www/wp-config.php");
            assertThat(f.versions()).extracting(FileHistory.Version::point)
                    .containsExactly("site/p1", "site/p2", "site/p3", "site/p4");
            assertThat(f.versions()).extracting(v -> v.change().id())
                    .containsExactly("added", "changed", "deleted", "added");
            assertThat(f.versions().get(1).sha256()).hasValue(sha("c2"));
            assertThat(f.versions().get(1).size()).hasValue(2);
            assertThat(f.versions().get(2).size()).isEmpty();
        });
    }

    @Test
    void aFileUnchangedSinceItAppearedHasOneVersion() {
        assertThat(services.history().find("a.jpg", Optional.empty())).singleElement()
                .satisfies(f -> assertThat(f.versions()).extracting(FileHistory.Version::point).containsExactly("site/p1"));
    }

    @Test
    void everySourceWithAMatchingFileIsListedUnlessOneIsChosen() {
        assertThat(services.history().find("index.php", Optional.empty())).extracting(FileHistory::source)
                .containsExactly("docs", "www");
        assertThat(services.history().find("index.php", Optional.of("www"))).singleElement()
                .satisfies(f -> assertThat(f.versions()).extracting(v -> v.change().id()).containsExactly("added",
                        "changed"));
    }

    @Test
    void aPatternFromTheRootOnlyMatchesBelowThatFolder() {
        assertThat(services.history().find("/srv/www/up/*.jpg", Optional.empty())).extracting(FileHistory::path)
                .containsExactly("/srv/www/up/a.jpg", "/srv/www/up/b.jpg");
        assertThat(services.history().find("/srv/www/*.jpg", Optional.empty())).isEmpty();
    }

    @Test
    void aSourceWithNoFileListsIsRefusedByName() {
        assertThatThrownBy(() -> services.history().find("*", Optional.of("nope")))
                .hasMessageContaining("--source").hasMessageContaining("'nope'");
    }

    @Test
    void aFilesDiffListsAddedRemovedAndChangedPathsFromTheTwoFileLists() {
        PointDiff d = services.history().diff("site/p1", "site/p4", Optional.empty());

        assertThat(d).isInstanceOfSatisfying(PointDiff.Files.class, f -> {
            assertThat(f.added()).containsExactly("/srv/www/up/b.jpg");
            assertThat(f.removed()).isEmpty();
            assertThat(f.changed()).containsExactly("/srv/www/index.php", "/srv/www/wp-config.php");
        });
        assertThat(services.history().diff("site/p2", "site/p3", Optional.of("www")))
                .isInstanceOfSatisfying(PointDiff.Files.class, f -> {
                    assertThat(f.removed()).containsExactly("/srv/www/wp-config.php");
                    assertThat(f.added()).isEmpty();
                    assertThat(f.changed()).isEmpty();
                });
    }

    @Test
    void aDatabaseDiffListsEveryTableWithTheRowsEachBackupRecorded() {
        dump("shop/p1", "{\"users\":3,\"orders\":10}");
        dump("shop/p2", "{\"users\":3,\"logs\":1}");

        PointDiff d = services.history().diff("shop/p1", "shop/p2", Optional.empty());

        assertThat(d).isInstanceOfSatisfying(PointDiff.Tables.class, t -> assertThat(t.tables()).containsExactly(
                new PointDiff.Table("logs", OptionalLong.empty(), OptionalLong.of(1)),
                new PointDiff.Table("orders", OptionalLong.of(10), OptionalLong.empty()),
                new PointDiff.Table("users", OptionalLong.of(3), OptionalLong.of(3))));
    }

    @Test
    void pointsWithSeveralSourcesNeedTheSourceNamed() {
        assertThatThrownBy(() -> services.history().diff("site/p1", "docs/p1", Optional.empty()))
                .hasMessageContaining("--source").hasMessageContaining("docs, www");
        assertThatThrownBy(() -> services.history().diff("site/p1", "docs/p1", Optional.of("www")))
                .hasMessageContaining("docs/p1").hasMessageContaining("no artifact of source 'www'");
    }

    private void tree(String id, int day, String source, Map<String, String> files) {
        Artifact a = new Artifact(source, SourceKind.FILES, source, 1, "00".repeat(32));
        catalog.points().record(new RecordedPoint(point(id, day, a), OptionalLong.empty(), PointKind.NORMAL, Map.of()));
        try (FileIndexWriter w = catalog.fileIndex().writer(id, source)) {
            w.add(new FileEntry("/srv".getBytes(StandardCharsets.UTF_8), FileType.DIRECTORY, 0755, 4096L * day, day,
                    null));
            files.forEach((path, content) -> w.add(new FileEntry(path.getBytes(StandardCharsets.UTF_8), FileType.FILE,
                    0644, content.length(), day, sha(content))));
            w.commit();
        }
    }

    private void dump(String id, String tables) {
        Artifact a = new Artifact("shopdb", SourceKind.POSTGRES, "shopdb.dump", 1, "00".repeat(32));
        catalog.points().record(new RecordedPoint(point(id, 5, a), OptionalLong.empty(), PointKind.NORMAL,
                Map.of("shopdb", Map.of("tables", tables))));
    }

    private static RestorePoint point(String id, int day, Artifact a) {
        String job = id.substring(0, id.indexOf('/'));
        return new RestorePoint(id, "web", job, "nas", Instant.parse("2026-11-0" + day + "T02:00:00Z"),
                RunStatus.SUCCEEDED, "web/" + id, List.of(a));
    }

    private static String sha(String content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
