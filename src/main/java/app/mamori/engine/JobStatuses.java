package app.mamori.engine;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.JobPause;
import app.mamori.catalog.JobSchedule;
import app.mamori.catalog.Run;
import app.mamori.model.Job;
import app.mamori.model.RunStatus;
import app.mamori.schedule.Due;
import app.mamori.schedule.Schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every job's last success, schedule, next due time and whether it is overdue, from the catalogue alone. */
public final class JobStatuses {
    private JobStatuses() {
    }

    public static List<JobStatus> collect(Catalog catalog, Instant now, ZoneId zone) {
        List<JobStatus> all = new ArrayList<>();
        for (Job job : catalog.jobs().list()) {
            all.add(of(catalog, job.name(), now, zone));
        }
        return all;
    }

    static JobStatus of(Catalog catalog, String job, Instant now, ZoneId zone) {
        Optional<Instant> lastSuccess = catalog.runs().latest(job, RunStatus.SUCCEEDED).map(Run::started);
        Optional<RunStatus> lastRun = catalog.runs().latestEnded(job).map(Run::status);
        Optional<JobSchedule> js = catalog.schedules().find(job);
        Optional<JobPause> paused = catalog.pauses().find(job);
        if (js.isEmpty()) {
            return new JobStatus(job, Optional.empty(), Optional.empty(), Optional.empty(), lastSuccess, lastRun,
                    Optional.empty(), false, 0, Optional.empty(), paused);
        }
        JobSchedule s = js.get();
        Schedule schedule;
        try {
            schedule = Schedule.parse(s.expression());
        } catch (IllegalArgumentException e) {
            return new JobStatus(job, Optional.of(s.expression()), Optional.empty(), Optional.empty(), lastSuccess,
                    lastRun, Optional.empty(), paused.isEmpty(), s.missedTotal(), Optional.of(e.getMessage()), paused);
        }
        Due due = Due.check(schedule, s.handledUntil(), s.retryAfter(), now, zone);
        Instant next = due.firstSlot().orElse(due.next());
        Instant reference = lastSuccess.orElse(s.since());
        // a paused job is behind on purpose: saying so is the "Paused" line's job, not an alarm's
        boolean overdue = paused.isEmpty() && reference.plus(schedule.overdueAfter()).isBefore(now);
        return new JobStatus(job, Optional.of(s.expression()), Optional.of(schedule.describe()), Optional.of(next),
                lastSuccess, lastRun, Optional.of(schedule.overdueAfter()), overdue, s.missedTotal(), Optional.empty(),
                paused);
    }
}
