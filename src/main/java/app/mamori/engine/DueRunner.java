package app.mamori.engine;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.Event;
import app.mamori.catalog.EventLevel;
import app.mamori.catalog.JobSchedule;
import app.mamori.schedule.Due;
import app.mamori.schedule.Schedule;
import app.mamori.util.CancelToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs every scheduled job that is due, once, one after the other: what {@code mamori run-due}
 * and an in-app scheduler call. Slots missed while the workstation was off are counted, logged
 * and caught up by that one run. A failed run keeps its slots pending and is tried again after
 * {@link #RETRY}, so a catch-up happens as soon as the server answers.
 */
public final class DueRunner {
    public static final Duration RETRY = Duration.ofMinutes(15);

    private final Catalog catalog;
    private final BackupEngine engine;
    private final Clock clock;
    private final ZoneId zone;

    public DueRunner(Catalog catalog, BackupEngine engine, Clock clock, ZoneId zone) {
        this.catalog = catalog;
        this.engine = engine;
        this.clock = clock;
        this.zone = zone;
    }

    /** Runs what is due now; returns one outcome per job that was due. Stops starting jobs once cancelled. */
    public List<DueOutcome> runDue(BackupListener listener, CancelToken cancel) {
        List<DueOutcome> outcomes = new ArrayList<>();
        for (JobSchedule js : catalog.schedules().list()) {
            if (cancel.isCancelled()) {
                break;
            }
            Instant now = clock.instant();
            Schedule schedule;
            try {
                schedule = Schedule.parse(js.expression());
            } catch (IllegalArgumentException e) {
                outcomes.add(new DueOutcome(js.job(), DueOutcome.Kind.BAD_SCHEDULE, 0, Optional.empty(),
                        "job " + js.job() + " has a schedule this Mamori cannot read (" + e.getMessage()
                                + "); set it again with mamori job set " + js.job() + " --schedule ..."));
                continue;
            }
            Due due = Due.check(schedule, js.handledUntil(), js.retryAfter(), now, zone);
            if (due.due()) {
                outcomes.add(runOne(js, due, now, listener, cancel));
            }
        }
        return outcomes;
    }

    private DueOutcome runOne(JobSchedule js, Due due, Instant now, BackupListener listener, CancelToken cancel) {
        String job = js.job();
        if (due.missed() > 0) {
            catalog.schedules().missed(job, due.missed(), due.lastMissed().orElseThrow());
            catalog.events().add(Event.at(now, EventLevel.WARNING, "run-missed", "job " + job + " missed "
                    + due.missed() + " scheduled run(s) while Mamori was not running (first "
                    + due.firstSlot().orElseThrow() + "); running it once now to catch up").withJob(job));
        }
        RunResult result;
        try {
            result = engine.execute(engine.plan(job), listener, cancel);
        } catch (JobBusyException e) {
            return new DueOutcome(job, DueOutcome.Kind.ALREADY_RUNNING, due.missed(), Optional.empty(), e.getMessage());
        } catch (RuntimeException e) {
            catalog.schedules().retryAfter(job, clock.instant().plus(RETRY));
            return new DueOutcome(job, DueOutcome.Kind.FAILED, due.missed(), Optional.empty(),
                    "job " + job + ": " + e.getMessage());
        }
        if (result.ok()) {
            catalog.schedules().handled(job, now);
            return new DueOutcome(job, DueOutcome.Kind.SUCCEEDED, due.missed(), Optional.of(result),
                    "backup of job " + job + " succeeded: restore point " + result.point().orElseThrow().id());
        }
        catalog.schedules().retryAfter(job, clock.instant().plus(RETRY));
        return new DueOutcome(job, DueOutcome.Kind.FAILED, due.missed(), Optional.of(result), result.error()
                + " (tried again from " + clock.instant().plus(RETRY) + ")");
    }
}
