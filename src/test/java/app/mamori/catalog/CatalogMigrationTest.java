package app.mamori.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.mamori.model.Note;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogMigrationTest {
    @TempDir
    Path dir;

    @Test
    void openingAFreshFileCreatesEveryTableAndRecordsTheSchemaVersion() throws SQLException {
        Path file = dir.resolve("home/catalog.db");
        try (Catalog catalog = Catalog.open(file)) {
            assertThat(catalog.schemaVersion()).isEqualTo(Migrations.latestVersion());
        }
        assertThat(query(file, "SELECT name FROM sqlite_master WHERE type = 'table'")).contains(
                "servers", "sources", "jobs", "job_sources", "vaults", "runs", "restore_points", "artifacts",
                "file_lists", "file_paths", "file_entries", "events", "holds", "incidents", "incident_sources");
        assertThat(query(file, "PRAGMA journal_mode")).containsExactly("wal");
    }

    @Test
    void reopeningAnUpToDateCatalogueKeepsItsDataAndVersion() {
        Path file = dir.resolve("catalog.db");
        try (Catalog catalog = Catalog.open(file)) {
            catalog.servers().add(Fixtures.server("web"));
        }
        try (Catalog catalog = Catalog.open(file)) {
            assertThat(catalog.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(catalog.servers().get("web")).isEqualTo(Fixtures.server("web"));
        }
    }

    @Test
    void foreignKeysAreEnforcedOnTheOpenConnection() {
        try (Catalog catalog = Catalog.open(dir.resolve("catalog.db"))) {
            CatalogConnection db = catalog.connection();
            assertThatThrownBy(() -> db.write(c -> Rows.update(c,
                    "INSERT INTO sources (name, server, kind, settings, created) VALUES ('s', 'nowhere', 'sqlite', '{}', 0)")))
                    .isInstanceOf(CatalogException.class)
                    .hasMessageContaining("FOREIGN KEY");
        }
    }

    @Test
    void aCatalogueWrittenByANewerMamoriIsRefusedWithAClearMessage() throws SQLException {
        Path file = dir.resolve("catalog.db");
        int newer = Migrations.latestVersion() + 1;
        execute(file, "PRAGMA user_version = " + newer);

        assertThatThrownBy(() -> Catalog.open(file))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("newer Mamori")
                .hasMessageContaining("schema " + newer)
                .hasMessageContaining("Update Mamori");
        assertThat(query(file, "PRAGMA user_version")).containsExactly(String.valueOf(newer));
    }

    /** V021: checks recorded before it keep their English; new ones keep their sentence's key and arguments. */
    @Test
    void checksRecordedBeforeTheirSentencesWereKeptStillSayTheirEnglish() throws Exception {
        Path file = atVersion(20);
        String old = "/vault/blog-db.sql is missing from the vault";
        execute(file, "INSERT INTO verifications (point, source, job, time, method, result, detail, duration_ms)"
                + " VALUES ('blog/p1', 'blog-db', 'blog', 0, 'checksum', 'failed', '" + old + "', 5)");
        execute(file, "INSERT INTO copy_checks (point, vault, source, job, time, method, result, detail, duration_ms)"
                + " VALUES ('blog/p1', 'offsite', 'blog-db', 'blog', 0, 'checksum', 'failed', '" + old + "', 5)");
        Note keyed = Note.of("checksumMissing", "/copy/blog-db.sql is missing from the vault", "/copy/blog-db.sql");

        try (Catalog catalog = Catalog.open(file)) {
            assertThat(catalog.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(catalog.verifications().forPoint("blog/p1")).singleElement()
                    .satisfies(v -> assertThat(v.said()).isEqualTo(Verification.asStored(old)));
            catalog.copies().recordCheck("offsite", new Verification("blog/p1", "blog-db", "blog", Instant.EPOCH,
                    Verification.Method.CHECKSUM, Verification.Result.FAILED, keyed, Duration.ZERO, Optional.empty()));
            assertThat(catalog.copies().checksOf("blog/p1", "offsite")).extracting(Verification::said)
                    .containsExactly(Verification.asStored(old), keyed);
        }
        // a hand-edited catalogue whose arguments no longer read: the stored English still says it
        execute(file, "UPDATE copy_checks SET detail_args = '[\"unclosed' WHERE detail_key IS NOT NULL");
        try (Catalog catalog = Catalog.open(file)) {
            assertThat(catalog.copies().checksOf("blog/p1", "offsite").get(1).said())
                    .isEqualTo(Verification.asStored(keyed.english()));
        }
    }

    /** V023: the file index moves to lists, paths and entries, with every row as it was and each path once. */
    @Test
    void fileIndexRowsRecordedBeforeTheCompactTablesReadTheSame() throws Exception {
        Path file = atVersion(22);
        StringBuilder rows = new StringBuilder("BEGIN;\n");
        for (String point : List.of("blog/p1", "blog/p2")) {
            rows.append("INSERT INTO restore_points (id, job, server, vault, time, status, location, kind) VALUES ('")
                    .append(point).append("', 'blog', 'web', 'nas', 0, 'succeeded', 'x', 'normal');\n");
            for (String source : List.of("uploads", "empty")) {
                rows.append("INSERT INTO artifacts (point, source, kind, path, size, sha256, files) VALUES ('")
                        .append(point).append("', '").append(source).append("', 'files', 'tree', 1, 'ab', ")
                        .append(source.equals("empty") ? 0 : 3).append(");\n");
            }
            String only = point.equals("blog/p1") ? "x'2f73727606ff'" : "x'2f7372762f6e6577'";
            rows.append("INSERT INTO file_index VALUES ('").append(point).append("', 'uploads', x'2f737276',")
                    .append(" 'directory', 493, 4096, 7, NULL), ('").append(point).append("', 'uploads',")
                    .append(" x'2f7372762f61', 'file', 420, 5, 9, '").append("0a".repeat(32)).append("'), ('")
                    .append(point).append("', 'uploads', ").append(only).append(", 'symlink', 511, 3, 1, NULL);\n");
        }
        execute(file, rows.append("COMMIT;").toString());
        String all = "SELECT concat_ws(' ', point, source, hex(path), type, mode, size, mtime_ns, sha256) FROM file_index"
                + " ORDER BY point, source, path";
        List<String> before = query(file, all);

        try (Catalog catalog = Catalog.open(file)) {
            assertThat(query(file, all)).hasSize(6).isEqualTo(before);
            assertThat(query(file, "SELECT hex(path) FROM file_paths ORDER BY id")).as("each path once, in byte order")
                    .containsExactly("2F737276", "2F73727606FF", "2F7372762F61", "2F7372762F6E6577");
            assertThat(catalog.fileIndex().entry("blog/p1", "uploads", new byte[] {'/', 's', 'r', 'v', '/', 'a'}))
                    .get().extracting(FileEntry::sha256, FileEntry::type).containsExactly("0a".repeat(32), FileType.FILE);
            assertThat(catalog.fileIndex().count("blog/p2", "empty")).isZero();
            assertThat(catalog.history().diff("blog/p1", "blog/p2", "empty").added()).isEmpty();

            catalog.points().remove("blog/p1");

            assertThat(query(file, "SELECT hex(path) FROM file_paths ORDER BY id")).as("paths only p1 held go with it")
                    .containsExactly("2F737276", "2F7372762F61", "2F7372762F6E6577");
            assertThat(query(file, "SELECT count(*) FROM file_lists")).containsExactly("2");
        }
    }

    /** V024: notifiers added before notices had a language keep sending English. */
    @Test
    void notifiersAddedBeforeTheirLanguageWasKeptStayEnglish() throws Exception {
        Path file = atVersion(23);
        execute(file, "INSERT INTO notifiers (name, channel, settings, events, job, created) VALUES ('ops', 'webhook',"
                + " '{\"format\":\"json\",\"shownAs\":\"https://hooks.office.test/…\"}', 'failure', NULL, 0)");

        try (Catalog catalog = Catalog.open(file)) {
            assertThat(catalog.notifiers().find("ops")).get().extracting(n -> n.language()).isEqualTo("en");
        }
        assertThatThrownBy(() -> execute(file, "UPDATE notifiers SET language = 'fr'"))
                .hasMessageContaining("CHECK");
    }

    @Test
    void everyMigrationFileInTheBuildIsListedInOrder() throws IOException, URISyntaxException {
        Path folder = Path.of(Migrations.class.getResource("/app/mamori/catalog/migrations/").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(Migrations.FILES).isEqualTo(names);
        }
        for (int i = 0; i < Migrations.FILES.size(); i++) {
            assertThat(Migrations.FILES.get(i)).startsWith(String.format("V%03d__", i + 1));
        }
    }

    /** A catalogue at schema {@code version}, in one transaction: a sync per migration would cost seconds. */
    private Path atVersion(int version) throws Exception {
        Path file = dir.resolve("catalog.db");
        StringBuilder sql = new StringBuilder("BEGIN;\n");
        for (String name : Migrations.FILES.subList(0, version)) {
            try (InputStream in = Migrations.class.getResourceAsStream("/app/mamori/catalog/migrations/" + name)) {
                sql.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        execute(file, sql.append("PRAGMA user_version = ").append(version).append(";\nCOMMIT;").toString());
        return file;
    }

    private static void execute(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = c.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static List<String> query(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = c.createStatement();
             var rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
