package app.mamori.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SourceStoreTest {
    @TempDir
    Path dir;
    Catalog catalog;

    @BeforeEach
    void open() {
        catalog = Catalog.open(dir.resolve("catalog.db"));
        catalog.servers().add(Fixtures.server("web"));
        catalog.servers().add(Fixtures.server("db"));
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    static Stream<Source> everyKind() {
        return Stream.of(
                new Source.Database("shop-pg", "db", SourceKind.POSTGRES, "shop", Optional.of("127.0.0.1"),
                        Optional.of(5433), Optional.of("backup"), Optional.of("shop-postgres-1"), true),
                new Source.Database("blog-mysql", "web", SourceKind.MYSQL, "wordpress", Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), false),
                new Source.Sqlite("tool-db", "web", "/srv/tool/data.sqlite"),
                new Source.Files("uploads", "web", List.of("/srv/www/wp-content", "/etc/nginx"),
                        List.of("cache/", "*.tmp")),
                new Source.Files("home", "web", List.of("/home"), List.of()),
                new Source.DockerVolume("minio-data", "db", "minio_data"));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void everySourceKindReadsBackEqualToWhatWasAdded(Source source) {
        catalog.sources().add(source);

        assertThat(catalog.sources().get(source.name())).isEqualTo(source);
    }

    @Test
    void updateChangesSettingsButNotTheServerOrKind() {
        catalog.sources().add(new Source.Sqlite("tool-db", "web", "/srv/tool/data.sqlite"));

        catalog.sources().update(new Source.Sqlite("tool-db", "web", "/srv/tool/v2.sqlite"));

        assertThat(catalog.sources().get("tool-db")).isEqualTo(new Source.Sqlite("tool-db", "web", "/srv/tool/v2.sqlite"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        catalog.sources().update(new Source.Sqlite("tool-db", "db", "/x.sqlite")))
                .hasMessageContaining("add a new source");
    }

    @Test
    void allKindsListTogetherByNameAndByServer() {
        everyKind().forEach(catalog.sources()::add);

        assertThat(catalog.sources().list()).containsExactlyElementsOf(
                everyKind().sorted((a, b) -> a.name().compareTo(b.name())).toList());
        assertThat(catalog.sources().onServer("db")).extracting(Source::name).containsExactly("minio-data", "shop-pg");
    }

    @Test
    void storedSettingsSayAPasswordExistsButNeverHoldOne() {
        catalog.sources().add(everyKind().findFirst().orElseThrow());

        String settings = catalog.connection().autocommit(c -> Rows.queryOne(c,
                "SELECT settings FROM sources WHERE name = 'shop-pg'", row -> row.getString(1))).orElseThrow();
        assertThat(settings).contains("\"hasPassword\":true").doesNotContainIgnoringCase("\"password\"");
    }

    @Test
    void findOfAnUnknownSourceIsEmpty() {
        assertThat(catalog.sources().find("nothing")).isEmpty();
    }
}
