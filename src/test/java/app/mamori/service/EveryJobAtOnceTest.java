package app.mamori.service;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.PointKind;
import app.mamori.engine.JobStatus;
import app.mamori.engine.JobStatuses;
import app.mamori.engine.MamoriHome;
import app.mamori.engine.objective.ObjectiveStatuses;
import app.mamori.model.Artifact;
import app.mamori.model.CopySettings;
import app.mamori.model.Job;
import app.mamori.model.ObjectVault;
import app.mamori.model.Objectives;
import app.mamori.model.PointCopy;
import app.mamori.model.RestorePoint;
import app.mamori.model.RetentionPolicy;
import app.mamori.model.RunStatus;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.model.Vault;
import app.mamori.testenv.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard, {@code status} and {@code job list} read each kind of fact once for every job;
 * what they answer must be, field for field, what each job's own reads say, whatever state the
 * job is in.
 */
class EveryJobAtOnceTest {
    private static final Instant START = Instant.parse("2026-11-14T09:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    @Test
    void everyJobReadAtOnceIsWhatEachJobReadAloneSays(@TempDir Path tmp) {
        TestClock clock = new TestClock(START);
        try (Catalog c = Catalog.open(tmp.resolve("catalog.db"), clock)) {
            build(c, clock);
            Services services = Services.over(new MamoriHome(tmp), c, null, clock);
            Instant now = clock.instant();
            List<Job> jobs = services.jobs().list();

            List<JobStatus> all = JobStatuses.collect(c, now, ZONE);
            assertThat(all).isEqualTo(jobs.stream().map(j -> JobStatuses.of(c, j.name(), now, ZONE)).toList());
            assertThat(services.jobs().statuses(ZONE)).isEqualTo(all);
            // the states asked for are really there, or the comparison above proves little
            assertThat(all).extracting(JobStatus::job).containsExactly("broken", "failed", "never", "objective",
                    "offsite", "overdue", "paused");
            assertThat(status(all, "failed").lastRun()).contains(RunStatus.FAILED);
            assertThat(status(all, "failed").lastSuccess()).isPresent();
            assertThat(status(all, "overdue").overdue()).isTrue();
            assertThat(status(all, "never").lastRun()).isEmpty();
            assertThat(status(all, "paused").paused()).isPresent();
            assertThat(status(all, "broken").problem()).isPresent();

            assertThat(ObjectiveStatuses.collect(c, now)).isEqualTo(jobs.stream()
                    .flatMap(j -> ObjectiveStatuses.of(c, j, now).stream()).toList())
                    .extracting(o -> o.job()).containsExactly("objective", "offsite");
            assertThat(ObjectiveStatuses.collect(c, now)).allMatch(o -> o.offsiteRpo().isPresent());
            assertThat(ObjectiveStatuses.collect(c, now).get(0).rto().orElseThrow().measured())
                    .as("estimated from the drill").contains(Duration.ofMinutes(2));
            assertThat(services.jobs().objectiveStatus("offsite")).contains(ObjectiveStatuses.collect(c, now).get(1));

            var offsites = services.offsite().offsites();
            for (Job j : jobs) {
                assertThat(Optional.ofNullable(offsites.get(j.name()))).as(j.name())
                        .isEqualTo(services.offsite().offsiteOf(j.name()));
            }
            assertThat(offsites.get("offsite").newestCopy()).isPresent();
            assertThat(offsites).doesNotContainKey("failed");

            var servers = services.jobs().serversOf(jobs);
            jobs.forEach(j -> assertThat(servers.get(j.name())).as(j.name()).isEqualTo(services.jobs().serverOf(j)));
            assertThat(servers.values()).containsOnly("web", "db");

            assertThat(services.jobs().latestRuns()).isEqualTo(jobs.stream()
                    .flatMap(j -> c.runs().latestEnded(j.name()).stream()).toList()).hasSize(5);

            var listing = services.jobs().listing();
            assertThat(listing).isEqualTo(jobs.stream().map(j -> new JobService.Listed(j,
                    services.jobs().schedule(j.name()), services.jobs().retention(j.name()),
                    services.jobs().objectives(j.name()), services.jobs().drillSchedule(j.name()),
                    services.jobs().stallTimeout(j.name()), services.jobs().pause(j.name()))).toList());
            assertThat(listing.get(1).stallTimeout()).contains(Duration.ofHours(2));
            assertThat(listing.get(1).drillSchedule()).contains("weekly sun 04:00");
            assertThat(listing.get(1).retention()).isNotEqualTo(RetentionPolicy.KEEP_ALL);
        }
    }

    @Test
    void theRpoIsMeasuredOnTheNewestGoodPointHoweverManyNewerOnesAreDamaged(@TempDir Path tmp) {
        TestClock clock = new TestClock(START);
        try (Catalog c = Catalog.open(tmp.resolve("catalog.db"), clock)) {
            c.servers().add(new Server("web", "web.lan", 22, "root", Optional.empty(), Optional.empty()));
            c.vaults().add(new Vault("nas", "/mnt/nas", Optional.empty()));
            c.sources().add(new Source.Sqlite("shop-db", "web", "/srv/shop.db"));
            c.jobs().add(new Job("shop", List.of("shop-db"), "nas"));
            c.objectives().set("shop", new Objectives(Optional.of(Duration.ofDays(2)), Optional.empty()));
            List<RestorePoint> points = new java.util.ArrayList<>();
            for (int day = 0; day < 7; day++) {
                clock.advance(Duration.ofDays(1));
                points.add(0, backUp(c, "shop", clock.instant()));
            }
            clock.advance(Duration.ofHours(1));
            Instant now = clock.instant();

            damage(c, points.get(0), now);
            assertThat(rpoMeasured(c, now)).as("the second newest").contains(Duration.ofDays(1).plusHours(1));
            points.subList(1, 5).forEach(p -> damage(c, p, now));
            assertThat(rpoMeasured(c, now)).as("the sixth newest").contains(Duration.ofDays(5).plusHours(1));
        }
    }

    private static Optional<Duration> rpoMeasured(Catalog c, Instant now) {
        return ObjectiveStatuses.collect(c, now).get(0).rpo().orElseThrow().measured();
    }

    private static void damage(Catalog c, RestorePoint p, Instant now) {
        c.verifications().record(new app.mamori.catalog.Verification(p.id(), p.job() + "-db", p.job(), now,
                app.mamori.catalog.Verification.Method.CHECKSUM, app.mamori.catalog.Verification.Result.FAILED,
                "SHA-256 differs", Duration.ofSeconds(1), Optional.empty()));
    }

    private static JobStatus status(List<JobStatus> all, String job) {
        return all.stream().filter(s -> s.job().equals(job)).findFirst().orElseThrow();
    }

    /**
     * Seven jobs on two servers: one whose last run failed after a success, one overdue, one never
     * run, one paused, one with objectives, one with objectives and an offsite copy, one whose
     * schedule cannot be read. Ten days of history end at the clock's time.
     */
    private static void build(Catalog c, TestClock clock) {
        c.servers().add(new Server("web", "web.lan", 22, "root", Optional.empty(), Optional.empty()));
        c.servers().add(new Server("db", "db.lan", 22, "root", Optional.empty(), Optional.empty()));
        c.vaults().add(new Vault("nas", "/mnt/nas", Optional.empty()));
        c.copies().addVault(new ObjectVault("cloud", "office-backups", "", Optional.empty(), "eu-central-1", false,
                "AKIA", true));
        for (String job : List.of("broken", "failed", "never", "objective", "offsite", "overdue", "paused")) {
            String server = job.compareTo("o") < 0 ? "web" : "db";
            c.sources().add(new Source.Sqlite(job + "-db", server, "/srv/" + job + ".db"));
            c.jobs().add(new Job(job, List.of(job + "-db"), "nas"));
            if (!job.equals("never")) {
                c.schedules().set(job, job.equals("broken") ? "every blue moon" : "daily 02:00");
            }
        }
        c.retention().set("failed", new RetentionPolicy(3, 0, 7, 4, 0, 0));
        c.stalls().set("failed", Optional.of(Duration.ofHours(2)));
        c.drills().set("failed", "weekly sun 04:00");
        c.objectives().set("objective", new Objectives(Optional.of(Duration.ofHours(12)),
                Optional.of(Duration.ofHours(1))));
        c.objectives().set("offsite", new Objectives(Optional.of(Duration.ofDays(1)), Optional.empty()));
        c.copies().setCopy(new CopySettings("offsite", "cloud", RetentionPolicy.KEEP_ALL));
        c.copies().setCopy(new CopySettings("objective", "cloud", RetentionPolicy.KEEP_ALL));
        clock.advance(Duration.ofDays(1));
        for (String job : List.of("failed", "overdue", "objective", "offsite", "paused")) {
            RestorePoint p = backUp(c, job, clock.instant());
            if (job.equals("offsite") || job.equals("objective")) {
                c.copies().recordCopy(p, "cloud", PointCopy.Status.COPIED, clock.instant(), null);
            }
        }
        clock.advance(Duration.ofDays(8));
        RestorePoint drilled = backUp(c, "objective", clock.instant());
        c.verifications().record(new app.mamori.catalog.Verification(drilled.id(), "objective-db", "objective",
                clock.instant(), app.mamori.catalog.Verification.Method.DRILL,
                app.mamori.catalog.Verification.Result.VERIFIED, "12 tables", Duration.ofMinutes(3),
                Optional.of(Duration.ofMinutes(2))));
        long failed = c.runs().start("failed", 1);
        c.runs().finish(failed, RunStatus.FAILED, "pg_dump exited with 1", null);
        c.pauses().pause("paused", Optional.of("moving the server"));
        clock.advance(Duration.ofHours(20));
        // objectives changed after the job's only copy: the offsite RPO counts from now, on that copy
        c.objectives().set("objective", new Objectives(Optional.of(Duration.ofHours(13)),
                Optional.of(Duration.ofHours(1))));
    }

    private static RestorePoint backUp(Catalog c, String job, Instant t) {
        long run = c.runs().start(job, 1);
        c.runs().finish(run, RunStatus.SUCCEEDED, null, null);
        String id = job + "/" + t.toString().replace(":", "").replace("-", "");
        RestorePoint p = new RestorePoint(id, c.sources().get(job + "-db").server(), job, "nas", t,
                RunStatus.SUCCEEDED, id, List.of(new Artifact(job + "-db", SourceKind.SQLITE, job + "-db.sqlite.zst",
                100, "ab".repeat(32))));
        c.points().record(p, run, PointKind.NORMAL);
        return p;
    }
}
