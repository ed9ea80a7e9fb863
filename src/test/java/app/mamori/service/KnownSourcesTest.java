package app.mamori.service;

import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KnownSourcesTest {

    private static Source.Database pg(String name, String db, Optional<Integer> port, Optional<String> container) {
        return new Source.Database(name, "db1", SourceKind.POSTGRES, db, Optional.empty(), port, Optional.empty(),
                container, false);
    }

    @Test
    void aDatabaseIsKnownByWhatIsBackedUpNotByItsSourceName() {
        List<Source> have = List.of(pg("blog", "wordpress", Optional.of(5432), Optional.empty()));

        assertThat(KnownSources.covered(have, pg("wordpress", "wordpress", Optional.empty(), Optional.empty())))
                .isTrue();
        assertThat(KnownSources.covered(have, pg("blog", "shop", Optional.of(5432), Optional.empty()))).isFalse();
        assertThat(KnownSources.covered(have, pg("wordpress", "wordpress", Optional.of(5433), Optional.empty())))
                .as("another database server on the same host").isFalse();
        assertThat(KnownSources.covered(have, pg("wordpress", "wordpress", Optional.empty(), Optional.of("app"))))
                .as("the same name inside a container is another database").isFalse();
    }

    @Test
    void aFolderInsideOneBackedUpIsKnownButAFolderBesideItIsNot() {
        List<Source> have = List.of(new Source.Files("srv", "db1", List.of("/srv"), List.of()));

        assertThat(KnownSources.covered(have, new Source.Files("www", "db1", List.of("/srv/www"), List.of()))).isTrue();
        assertThat(KnownSources.covered(have, new Source.Files("srv", "db1", List.of("/srv"), List.of()))).isTrue();
        assertThat(KnownSources.covered(have, new Source.Files("srv2", "db1", List.of("/srv2"), List.of()))).isFalse();
        assertThat(KnownSources.covered(have, new Source.Sqlite("x", "db1", "/srv/x.db")))
                .as("a SQLite file is dumped online, not copied as a file: a kind of its own").isFalse();
    }

    @Test
    void volumesAndSqliteFilesAreKnownByTheirNameAndPath() {
        List<Source> have = List.of(new Source.DockerVolume("data", "db1", "app_data"),
                new Source.Sqlite("tool", "db1", "/var/lib/tool/db.sqlite"));

        assertThat(KnownSources.covered(have, new Source.DockerVolume("app_data-volume", "db1", "app_data"))).isTrue();
        assertThat(KnownSources.covered(have, new Source.DockerVolume("logs-volume", "db1", "logs"))).isFalse();
        assertThat(KnownSources.covered(have, new Source.Sqlite("db.sqlite", "db1", "/var/lib/tool/db.sqlite")))
                .isTrue();
    }
}
