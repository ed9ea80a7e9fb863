package app.mamori.engine;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.Verification;
import app.mamori.model.Artifact;
import app.mamori.model.Job;
import app.mamori.model.RestorePoint;
import app.mamori.model.RetentionPolicy;
import app.mamori.model.RunStatus;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.model.Vault;
import app.mamori.retention.PrunePlan;
import app.mamori.retention.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Prune planning keeps the newest point whose every artifact passed its newest verification. */
class PrunerVerifiedTest {
    private static final Instant DAY1 = Instant.parse("2026-11-20T02:00:00Z");

    @TempDir
    Path dir;
    Catalog catalog;
    Pruner pruner;

    @BeforeEach
    void setUp() {
        catalog = Catalog.open(dir.resolve("catalog.db"));
        catalog.servers().add(new Server("web", "web.lan", 22, "backup", Optional.empty(), Optional.empty()));
        catalog.sources().add(new Source.Sqlite("db", "web", "/srv/db.db"));
        catalog.vaults().add(new Vault("nas", "/mnt/nas", Optional.empty()));
        catalog.jobs().add(new Job("blog", List.of("db"), "nas"));
        catalog.retention().set("blog", new RetentionPolicy(1, 0, 0, 0, 0, 0));
        long run = catalog.runs().start("blog", 1);
        for (int day = 0; day < 4; day++) {
            Instant t = DAY1.plus(Duration.ofDays(day));
            catalog.points().record(new RestorePoint("blog/p" + day, "web", "blog", "nas", t, RunStatus.SUCCEEDED,
                    "web/blog/p" + day, List.of(new Artifact("db", SourceKind.SQLITE, "db.sqlite.zst", 1, "aa"))),
                    run, PointKind.NORMAL);
        }
        catalog.runs().finish(run, RunStatus.SUCCEEDED, null, null);
        pruner = new Pruner(catalog, null, Clock.fixed(DAY1.plus(Duration.ofDays(10)), ZoneOffset.UTC), ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    private void check(String point, Verification.Result result) {
        catalog.verifications().record(new Verification(point, "db", "blog", Instant.now(),
                Verification.Method.CHECKSUM, result, "test", Duration.ZERO, Optional.empty()));
    }

    private static List<String> keptFor(PrunePlan plan, Reason.Rule rule) {
        return plan.keep().stream().filter(k -> k.reasons().stream().anyMatch(r -> r.rule() == rule))
                .map(k -> k.point().id()).toList();
    }

    @Test
    void theNewestPointWhoseLastCheckPassedIsKeptBesidesTheLastOne() {
        check("blog/p1", Verification.Result.VERIFIED);
        check("blog/p2", Verification.Result.VERIFIED);
        check("blog/p2", Verification.Result.FAILED);

        PrunePlan plan = pruner.plan("blog").plan();

        assertThat(keptFor(plan, Reason.Rule.NEWEST_VERIFIED)).containsExactly("blog/p1");
        assertThat(keptFor(plan, Reason.Rule.LAST)).containsExactly("blog/p3");
        assertThat(plan.remove()).extracting(c -> c.id()).containsExactlyInAnyOrder("blog/p2", "blog/p0");
    }

    @Test
    void withoutAnyVerifiedPointTheNewestGoodPointIsProtected() {
        check("blog/p3", Verification.Result.FAILED);

        PrunePlan plan = pruner.plan("blog").plan();

        assertThat(keptFor(plan, Reason.Rule.NEWEST)).containsExactly("blog/p2");
        assertThat(keptFor(plan, Reason.Rule.NEWEST_VERIFIED)).isEmpty();
    }

    @Test
    void keepLastOneWithAFailedNewestPointStillKeepsTheNewestGoodPoint() {
        check("blog/p1", Verification.Result.VERIFIED);
        check("blog/p3", Verification.Result.FAILED);

        PrunePlan plan = pruner.plan("blog").plan();

        assertThat(keptFor(plan, Reason.Rule.LAST)).containsExactly("blog/p2");
        assertThat(keptFor(plan, Reason.Rule.NEWEST_VERIFIED)).containsExactly("blog/p1");
        assertThat(keptFor(plan, Reason.Rule.CHECK_FAILED_NEWEST)).containsExactly("blog/p3");
        assertThat(plan.remove()).extracting(c -> c.id()).containsExactly("blog/p0");
    }

    @Test
    void failedPointsOlderThanAGoodPointAreNotKeptByAnyRule() {
        catalog.retention().set("blog", new RetentionPolicy(3, 0, 0, 0, 0, 0));
        check("blog/p2", Verification.Result.FAILED);
        check("blog/p1", Verification.Result.FAILED);

        PrunePlan plan = pruner.plan("blog").plan();

        assertThat(keptFor(plan, Reason.Rule.LAST)).containsExactly("blog/p3", "blog/p0");
        assertThat(plan.remove()).extracting(c -> c.id()).containsExactlyInAnyOrder("blog/p2", "blog/p1");
    }
}
