package app.mamori.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {
    static final Instant T0 = Instant.parse("2026-11-24T02:00:00Z");

    @TempDir
    Path dir;
    Catalog catalog;

    @BeforeEach
    void open() {
        catalog = Catalog.open(dir.resolve("catalog.db"));
        EventLog log = catalog.events();
        log.add(Event.at(T0, EventLevel.INFO, "run-started", "blog started").withServer("web").withJob("blog").withRun(1));
        log.add(Event.at(T0.plusSeconds(60), EventLevel.ERROR, "run-failed", "pg_dump failed").withServer("web")
                .withJob("blog").withRun(1));
        log.add(Event.at(T0.plusSeconds(120), EventLevel.WARNING, "host-key-changed", "mail's key changed")
                .withServer("mail"));
        log.add(Event.at(T0.plusSeconds(180), EventLevel.INFO, "app-started", "Mamori started"));
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    /** The app says an event in the admin's language from its key and arguments; old rows have only the English text. */
    @Test
    void aMessageKeyAndItsArgumentsComeBackBesideTheEnglishText() {
        catalog.events().add(Event.at(T0.plusSeconds(240), EventLevel.INFO, "run-succeeded", "backup of job blog"
                + " succeeded: restore point blog/1").withPhrase("runSucceeded", "blog", "blog/1 \"quoted\", comma")
                .withJob("blog"));

        Event newest = catalog.events().list(EventFilter.all(), 1).get(0);
        assertThat(newest.phrase()).contains(new Event.Phrase("runSucceeded", java.util.List.of("blog",
                "blog/1 \"quoted\", comma")));
        assertThat(newest.message()).isEqualTo("backup of job blog succeeded: restore point blog/1");
        assertThat(catalog.events().list(EventFilter.all().kind("app-started"), 1).get(0).phrase()).isEmpty();
    }

    @Test
    void allEventsComeNewestFirstUpToTheLimit() {
        assertThat(catalog.events().list(EventFilter.all(), 10)).extracting(Event::kind)
                .containsExactly("app-started", "host-key-changed", "run-failed", "run-started");
        assertThat(catalog.events().list(EventFilter.all(), 2)).extracting(Event::kind)
                .containsExactly("app-started", "host-key-changed");
    }

    @Test
    void eachFilterCriterionNarrowsTheResult() {
        assertThat(kinds(EventFilter.all().atLeast(EventLevel.WARNING))).containsExactly("host-key-changed", "run-failed");
        assertThat(kinds(EventFilter.all().server("web"))).containsExactly("run-failed", "run-started");
        assertThat(kinds(EventFilter.all().job("blog").atLeast(EventLevel.ERROR))).containsExactly("run-failed");
        assertThat(kinds(EventFilter.all().run(1))).containsExactly("run-failed", "run-started");
        assertThat(kinds(EventFilter.all().kind("app-started"))).containsExactly("app-started");
        assertThat(kinds(EventFilter.all().since(T0.plusSeconds(120)))).containsExactly("app-started", "host-key-changed");
        assertThat(kinds(EventFilter.all().server("nobody"))).isEmpty();
    }

    @Test
    void anEventReadsBackWithAllItsFields() {
        Event failed = catalog.events().list(EventFilter.all().kind("run-failed"), 1).get(0);

        assertThat(failed).isEqualTo(Event.at(T0.plusSeconds(60), EventLevel.ERROR, "run-failed", "pg_dump failed")
                .withServer("web").withJob("blog").withRun(1));
    }

    private java.util.List<String> kinds(EventFilter filter) {
        return catalog.events().list(filter, 100).stream().map(Event::kind).toList();
    }
}
