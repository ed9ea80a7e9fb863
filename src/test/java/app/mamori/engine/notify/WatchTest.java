package app.mamori.engine.notify;

import app.mamori.catalog.Catalog;
import app.mamori.model.Job;
import app.mamori.model.Notifier;
import app.mamori.model.NotifyChannel;
import app.mamori.model.NotifyEvent;
import app.mamori.model.RunStatus;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.Vault;
import app.mamori.secret.SecretStore;
import app.mamori.testenv.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Overdue once per lapse and one digest a day, delivered to a real HTTP receiver on loopback. */
class WatchTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** 2026-11-24 07:00 in Tokyo. */
    private static final Instant START = Instant.parse("2026-11-23T22:00:00Z");

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final TestClock clock = new TestClock(START);
    private HttpServer http;
    private Catalog catalog;
    private Watch watch;
    private SecretStore secrets;

    @BeforeEach
    void setUp(@TempDir Path tmp) throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", x -> {
            received.add(new ObjectMapper().readTree(x.getRequestBody().readAllBytes()));
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        http.start();
        catalog = Catalog.open(tmp.resolve("catalog.db"), clock);
        catalog.servers().add(new Server("web1", "web1.office.lan", 22, "backup", Optional.empty(), Optional.empty()));
        catalog.sources().add(new Source.Sqlite("blog-db", "web1", "/srv/blog.db"));
        catalog.vaults().add(new Vault("nas", "/mnt/nas", Optional.empty()));
        catalog.jobs().add(new Job("blog", List.of("blog-db"), "nas"));
        catalog.schedules().set("blog", "daily 02:30");
        secrets = new SecretStore(tmp.resolve("secrets.json"));
        secrets.put(Notifications.urlKey("ops"), "http://127.0.0.1:" + http.getAddress().getPort() + "/hook");
        catalog.notifiers().add(new Notifier("ops", new NotifyChannel.Webhook(NotifyChannel.WebhookFormat.JSON,
                "http://127.0.0.1/…"), Set.of(NotifyEvent.OVERDUE, NotifyEvent.DIGEST), Optional.empty()));
        watch = new Watch(catalog, new Notifications(catalog, secrets, clock));
    }

    @AfterEach
    void tearDown() {
        http.stop(0);
        catalog.close();
    }

    private void succeededRun() {
        long run = catalog.runs().start("blog", ProcessHandle.current().pid());
        catalog.runs().finish(run, RunStatus.SUCCEEDED, null, null);
    }

    private List<String> events() {
        return received.stream().map(n -> n.get("event").asText()).toList();
    }

    @Test
    void anOverdueJobIsReportedOncePerLapseAndAgainAfterItLapsesAnew() {
        succeededRun();
        clock.advance(Duration.ofHours(30));
        watch.check(clock.instant(), TOKYO);
        assertThat(events()).as("30 h after a daily job's success").doesNotContain("overdue");

        clock.advance(Duration.ofHours(8)); // 38 h since the last success: beyond 1.5 x 24 h
        watch.check(clock.instant(), TOKYO);
        watch.check(clock.instant().plusSeconds(300), TOKYO);

        assertThat(events()).filteredOn("overdue"::equals).hasSize(1);
        JsonNode n = received.stream().filter(r -> r.get("event").asText().equals("overdue")).findFirst().orElseThrow();
        assertThat(n.get("job").asText()).isEqualTo("blog");
        assertThat(n.get("server").asText()).isEqualTo("web1");
        assertThat(n.get("text").asText()).contains("38 hours ago").contains("mamori backup blog");

        succeededRun();
        clock.advance(Duration.ofHours(40));
        watch.check(clock.instant(), TOKYO);
        assertThat(events()).filteredOn("overdue"::equals).hasSize(2);
    }

    @Test
    void theDigestGoesOutOnceADayFromEightLocalTime() {
        succeededRun();
        watch.check(clock.instant(), TOKYO); // 07:00 in Tokyo
        assertThat(events()).doesNotContain("digest");

        clock.advance(Duration.ofHours(1)); // 08:00
        watch.check(clock.instant(), TOKYO);
        clock.advance(Duration.ofHours(5));
        watch.check(clock.instant(), TOKYO);
        assertThat(events()).containsExactly("digest");
        JsonNode digest = received.get(0);
        assertThat(digest.get("title").asText()).isEqualTo("Mamori digest for 2026-11-24: 1 job, all fine");
        assertThat(digest.get("jobs").get(0).get("state").asText()).isEqualTo("ok");

        clock.advance(Duration.ofHours(19)); // 08:00 the next day
        watch.check(clock.instant(), TOKYO);
        assertThat(events()).containsExactly("digest", "digest");
        assertThat(received.get(1).get("day").asText()).isEqualTo("2026-11-25");
    }

    /** One overdue job, two notifiers: each gets the notice in its own language, with the same data. */
    @Test
    void eachNotifierIsToldInItsOwnLanguage() throws IOException {
        secrets.put(Notifications.urlKey("jimu"), secrets.get(Notifications.urlKey("ops")).orElseThrow());
        catalog.notifiers().add(new Notifier("jimu", new NotifyChannel.Webhook(NotifyChannel.WebhookFormat.JSON,
                "http://127.0.0.1/…"), Set.of(NotifyEvent.OVERDUE), Optional.empty(), "ja"));
        clock.advance(Duration.ofDays(3).plusHours(2)); // 09:00 in Tokyo: the digest goes out too, to ops alone

        watch.check(clock.instant(), TOKYO);

        List<JsonNode> overdue = received.stream().filter(r -> r.get("event").asText().equals("overdue")).toList();
        assertThat(overdue).extracting(r -> r.get("title").asText()).containsExactlyInAnyOrder(
                "Job blog on server web1 is overdue", "バックアップ期限切れ: ジョブ blog (サーバー web1)");
        assertThat(overdue.get(0).get("job")).isEqualTo(overdue.get(1).get("job"));
        assertThat(overdue.get(0).get("hint")).isEqualTo(overdue.get(1).get("hint"));
        assertThat(events()).containsExactlyInAnyOrder("overdue", "overdue", "digest");
        assertThat(received.stream().filter(r -> r.get("event").asText().equals("digest")).findFirst().orElseThrow()
                .get("title").asText()).startsWith("Mamori digest for ");
    }

    @Test
    void aNotifierThatDoesNotWantOverdueIsNotTold() {
        catalog.notifiers().remove("ops");
        catalog.notifiers().add(new Notifier("ops", new NotifyChannel.Webhook(NotifyChannel.WebhookFormat.JSON,
                "http://127.0.0.1/…"), Set.of(NotifyEvent.FAILURE), Optional.empty()));
        clock.advance(Duration.ofDays(3));
        watch.check(clock.instant(), TOKYO);
        assertThat(received).isEmpty();
    }
}
