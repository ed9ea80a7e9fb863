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
                "file_index", "events", "holds", "incidents", "incident_sources");
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
        Path file = dir.resolve("catalog.db");
        // one transaction: a sync per migration would cost seconds
        StringBuilder version20 = new StringBuilder("BEGIN;\n");
        for (String name : Migrations.FILES.subList(0, 20)) {
            try (InputStream in = Migrations.class.getResourceAsStream("/app/mamori/catalog/migrations/" + name)) {
                version20.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        execute(file, version20.append("PRAGMA user_version = 20;\nCOMMIT;").toString());
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
