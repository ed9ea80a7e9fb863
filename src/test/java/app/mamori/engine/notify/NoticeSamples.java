package app.mamori.engine.notify;

import app.mamori.engine.JobStatus;
import app.mamori.engine.RunResult;
import app.mamori.engine.SourceResult;
import app.mamori.engine.objective.Verdict;
import app.mamori.engine.verify.ScheduledDrills;
import app.mamori.model.RestorePoint;
import app.mamori.model.RunStatus;
import app.mamori.notify.Notice;
import app.mamori.vault.Manifest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One notice of every kind Mamori sends, about job web-db on server web1, in one language, for tests of words. */
final class NoticeSamples {
    static final Instant NOW = Instant.parse("2026-03-02T18:30:00Z");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private NoticeSamples() {
    }

    static Map<String, Notice> all(NoticeText t) {
        Map<String, Notice> all = new java.util.LinkedHashMap<>();
        all.put("success", RunNotices.of(t, succeeded(), "web1", NOW));
        all.put("failure", RunNotices.of(t, failedSource(), "web1", NOW));
        all.put("failureNoSource", RunNotices.of(t, new RunResult(43, "web-db", RunStatus.CANCELLED, Optional.empty(),
                List.of(), "cancelled by the admin"), "web1", NOW));
        all.put("notStarted", RunNotices.notStarted(t, "web-db", "vault nas does not exist", NOW));
        all.put("test", RunNotices.test(t, "office-mail", NOW));
        all.put("overdue", StatusNotices.overdue(t, overdue(Optional.of(NOW.minus(Duration.ofHours(50))),
                Optional.of(RunStatus.FAILED)), "web1", NOW, TOKYO));
        all.put("overdueNever", StatusNotices.overdue(t, overdue(Optional.empty(), Optional.empty()), "web1", NOW,
                TOKYO));
        all.put("rpo", StatusNotices.objectiveBreached(t, "web-db", verdict(Verdict.Objective.RPO, Optional.of(
                Duration.ofHours(30))), "web1", NOW, TOKYO));
        all.put("rto", StatusNotices.objectiveBreached(t, "web-db", verdict(Verdict.Objective.RTO, Optional.empty()),
                "web1", NOW, TOKYO));
        all.put("offsite", StatusNotices.objectiveBreached(t, "web-db", verdict(Verdict.Objective.OFFSITE_RPO,
                Optional.of(Duration.ofMinutes(1))), "web1", NOW, TOKYO));
        all.put("drillPassed", StatusNotices.drill(t, new ScheduledDrills.Outcome("web-db", Optional.of("web-db/p1"),
                true, Optional.of(Duration.ofSeconds(42)), "drill of web-db/p1 passed in 42 s", Optional.empty()),
                "web1", NOW));
        all.put("drillFailed", StatusNotices.drill(t, new ScheduledDrills.Outcome("web-db", Optional.of("web-db/p1"),
                false, Optional.empty(), "drill of web-db/p1 failed: pg_restore exited 1", Optional.empty()),
                "web1", NOW));
        all.put("digest", StatusNotices.digest(t, List.of(
                new JobStatus("web-db", Optional.of("0 2 * * *"), Optional.of("every day at 02:00"),
                        Optional.of(NOW.plus(Duration.ofHours(2))), Optional.of(NOW.minus(Duration.ofMinutes(90))),
                        Optional.of(RunStatus.SUCCEEDED), Optional.of(Duration.ofHours(36)), false, 0,
                        Optional.empty()),
                overdue(Optional.empty(), Optional.of(RunStatus.FAILED)),
                new JobStatus("files", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of(RunStatus.FAILED), Optional.empty(), false, 0, Optional.empty())),
                LocalDate.of(2026, 3, 3), NOW, TOKYO));
        all.put("digestOne", StatusNotices.digest(t, List.of(overdue(Optional.of(NOW.minus(Duration.ofMinutes(1))),
                Optional.of(RunStatus.SUCCEEDED))), LocalDate.of(2026, 3, 3), NOW, TOKYO));
        all.put("digestFine", StatusNotices.digest(t, List.of(), LocalDate.of(2026, 3, 3), NOW, TOKYO));
        return all;
    }

    static RunResult succeeded() {
        RestorePoint point = new RestorePoint("web-db/20260302T183000Z", "web1", "web-db", "nas", NOW,
                RunStatus.SUCCEEDED, "x", List.of());
        return new RunResult(42, "web-db", RunStatus.SUCCEEDED, Optional.of(point),
                List.of(new SourceResult("shop-db", entry(3_145_728), null, "")), "");
    }

    static RunResult failedSource() {
        return new RunResult(44, "web-db", RunStatus.FAILED, Optional.empty(), List.of(
                new SourceResult("shop-db", null, "pg_dump exited 1: connection refused", ""),
                new SourceResult("uploads", entry(10), null, "")), "source shop-db: pg_dump exited 1");
    }

    private static Manifest.Entry entry(long size) {
        return new Manifest.Entry("shop-db", "postgres", Map.of(), "a", "zstd", size, size, "ab", "pg_dump", "c",
                NOW, NOW, Map.of());
    }

    private static JobStatus overdue(Optional<Instant> lastSuccess, Optional<RunStatus> lastRun) {
        return new JobStatus("web-db", Optional.of("0 2 * * *"), Optional.of("every day at 02:00"),
                Optional.of(NOW.minus(Duration.ofHours(1))), lastSuccess, lastRun,
                Optional.of(Duration.ofHours(36)), true, 2, Optional.empty());
    }

    private static Verdict verdict(Verdict.Objective o, Optional<Duration> measured) {
        return new Verdict(o, Duration.ofHours(24), measured, Verdict.State.BREACHED,
                Optional.of(Duration.ofHours(-6)), Optional.of(NOW.minus(Duration.ofHours(6))),
                "measured on point web-db/p1");
    }
}
