package app.mamori.catalog;

import app.mamori.model.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Incidents hold the points of their sources, and closing one lets go of exactly its own holds. */
class IncidentStoreTest {
    @TempDir
    Path dir;
    Catalog catalog;

    @BeforeEach
    void open() {
        catalog = Catalog.open(dir.resolve("catalog.db"));
        Fixtures.addBlogJob(catalog);
        catalog.points().record(new RecordedPoint(Fixtures.blogPoint("blog/1", Instant.parse("2026-11-01T02:00:00Z"),
                RunStatus.SUCCEEDED), java.util.OptionalLong.empty(), PointKind.NORMAL, java.util.Map.of()));
        catalog.points().record(new RecordedPoint(Fixtures.blogPoint("blog/2", Instant.parse("2026-11-02T02:00:00Z"),
                RunStatus.SUCCEEDED), java.util.OptionalLong.empty(), PointKind.PRE_RESTORE, java.util.Map.of()));
        catalog.points().record(new RecordedPoint(Fixtures.blogPoint("blog/3", Instant.parse("2026-11-03T02:00:00Z"),
                RunStatus.FAILED), java.util.OptionalLong.empty(), PointKind.NORMAL, java.util.Map.of()));
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    private Incident open(String... sources) {
        return catalog.incidents().open(new Incident.Opening(IncidentKind.DATABASE_CHANGED, List.of(sources),
                Optional.of(Instant.parse("2026-11-02T10:00:00Z")), null));
    }

    @Test
    void openingHoldsEverySucceededPointOfItsSourcesAsTheyAreThen() {
        Incident i = open("blog-db");
        catalog.points().record(new RecordedPoint(Fixtures.blogPoint("blog/4", Instant.parse("2026-11-04T02:00:00Z"),
                RunStatus.SUCCEEDED), java.util.OptionalLong.empty(), PointKind.NORMAL, java.util.Map.of()));

        assertThat(i.held()).isEqualTo(2);
        assertThat(i.title()).isEqualTo("database-changed on blog-db");
        assertThat(catalog.holds().ofJob("blog")).containsOnlyKeys("blog/1", "blog/2")
                .containsValue("incident " + i.id() + ": database-changed on blog-db");
        assertThat(catalog.incidents().list(false)).singleElement().satisfies(x -> {
            assertThat(x.sources()).containsExactly("blog-db");
            assertThat(x.wentWrong()).hasValue(Instant.parse("2026-11-02T10:00:00Z"));
            assertThat(x.open()).isTrue();
        });
    }

    @Test
    void closingReleasesOnlyItsOwnHoldsAndAPointStaysHeldWhileAnyRemains() {
        Incident first = open("blog-db");
        Incident second = open("uploads");
        catalog.holds().hold("blog/2", "keep for the auditors");

        Incident closed = catalog.incidents().close(first.id());

        assertThat(closed.open()).isFalse();
        assertThat(closed.held()).isZero();
        assertThat(catalog.holds().of("blog/1")).extracting(h -> h.incident().getAsLong()).containsExactly(second.id());
        assertThat(catalog.holds().of("blog/2")).extracting(Hold::reason).containsExactly(
                "incident " + second.id() + ": database-changed on uploads", "keep for the auditors");
        assertThat(catalog.incidents().list(false)).extracting(Incident::id).containsExactly(second.id());
        assertThat(catalog.incidents().list(true)).extracting(Incident::id).containsExactly(second.id(), first.id());

        catalog.incidents().close(second.id());

        assertThat(catalog.holds().ofJob("blog")).containsOnlyKeys("blog/2");
        assertThat(catalog.holds().releaseByHand("blog/2")).isTrue();
        assertThat(catalog.holds().ofJob("blog")).isEmpty();
    }

    @Test
    void aHeldPointIsNotRemovedAndAnUnheldOneIs() {
        catalog.holds().hold("blog/1", "by hand");
        catalog.points().release("blog/2");

        assertThat(catalog.points().removeUnlessHeld("blog/1")).isFalse();
        assertThat(catalog.points().find("blog/1")).isPresent();
        assertThat(catalog.points().removeUnlessHeld("blog/2")).isTrue();
        assertThat(catalog.points().find("blog/2")).isEmpty();
    }

    @Test
    void anUnreleasedSafetyPointIsNotRemovedEither() {
        assertThat(catalog.points().removeUnlessHeld("blog/2")).isFalse();
        assertThat(catalog.holds().safetyOfJob("blog")).containsOnlyKeys("blog/2");
    }

    @Test
    void closingTwiceAndUnknownSourcesAreRefusedByName() {
        Incident i = open("blog-db");
        catalog.incidents().close(i.id());

        assertThatThrownBy(() -> catalog.incidents().close(i.id())).hasMessageContaining("incident " + i.id())
                .hasMessageContaining("already closed");
        assertThatThrownBy(() -> catalog.incidents().close(99)).hasMessageContaining("no incident 99");
        assertThatThrownBy(() -> open("nope")).hasMessageContaining("--sources").hasMessageContaining("'nope'");
        assertThatThrownBy(() -> catalog.holds().hold("blog/9", "x")).hasMessageContaining("'blog/9'");
    }

    @Test
    void rebuildingAVaultKeepsTheHoldsOnItsPoints() {
        catalog.holds().hold("blog/1", "by hand");
        RecordedPoint p = catalog.points().find("blog/1").orElseThrow();

        catalog.points().rebuildVault("nas", List.of(p));

        assertThat(catalog.holds().ofJob("blog")).containsEntry("blog/1", "by hand");
    }
}
