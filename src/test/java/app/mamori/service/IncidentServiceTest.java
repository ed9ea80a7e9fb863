package app.mamori.service;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.EventFilter;
import app.mamori.catalog.Fixtures;
import app.mamori.catalog.Incident;
import app.mamori.catalog.IncidentKind;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.RecordedPoint;
import app.mamori.engine.MamoriHome;
import app.mamori.model.Artifact;
import app.mamori.model.RestorePoint;
import app.mamori.model.RunStatus;
import app.mamori.model.SourceKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What release lets go of, and the held points the app shows, on a real catalogue file. */
class IncidentServiceTest {
    @TempDir
    Path tmp;
    Services services;

    @BeforeEach
    void open() throws Exception {
        MamoriHome home = new MamoriHome(tmp.resolve("home")).ensureExists();
        services = Services.over(home, Catalog.open(home.catalogFile()), null, Clock.systemUTC());
        Fixtures.addBlogJob(services.catalog());
        record("blog/normal", PointKind.NORMAL);
        record("blog/safety", PointKind.PRE_RESTORE);
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void releaseLetsGoOfTheHandHoldFirstThenOfTheSafetyPoint() {
        IncidentService incidents = services.incidents();
        incidents.hold("blog/safety", "look at it on Monday");

        assertThat(incidents.holdsOfJob("blog")).containsEntry("blog/safety",
                "pre-restore safety point, not released; look at it on Monday");
        assertThat(incidents.release("blog/safety")).isEqualTo(IncidentService.Released.HOLD);
        assertThat(incidents.release("blog/safety")).isEqualTo(IncidentService.Released.SAFETY_POINT);
        assertThat(incidents.holdsOfJob("blog")).isEmpty();
        assertThatThrownBy(() -> incidents.release("blog/safety")).hasMessageContaining("'blog/safety'")
                .hasMessageContaining("nothing to release");
    }

    @Test
    void aPointHeldOnlyByAnIncidentIsReleasedByClosingIt() {
        IncidentService incidents = services.incidents();
        Incident i = incidents.open(new Incident.Opening(IncidentKind.OLD_COPY, List.of("uploads"), Optional.empty(),
                "old invoice"));

        assertThat(incidents.holdsOfSource("uploads")).containsOnlyKeys("blog/normal", "blog/safety");
        assertThatThrownBy(() -> incidents.release("blog/normal")).hasMessageContaining("incident " + i.id())
                .hasMessageContaining("mamori incident close");

        incidents.close(i.id());

        assertThat(incidents.holdsOf("blog/normal")).isEmpty();
        assertThat(services.catalog().events().list(EventFilter.all().kind("incident-closed"), 5)).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("incident " + i.id()).contains("2 point(s)"));
    }

    private void record(String id, PointKind kind) {
        services.catalog().points().record(new RecordedPoint(new RestorePoint(id, "web", "blog", "nas",
                Instant.parse("2026-11-01T02:00:00Z"), RunStatus.SUCCEEDED, "web/" + id, List.of(
                new Artifact("uploads", SourceKind.FILES, "uploads", 1, "00".repeat(32)))),
                OptionalLong.empty(), kind, Map.of()));
    }
}
