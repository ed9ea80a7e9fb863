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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Every job's last success, schedule, next due time and whether it is overdue, from the catalogue alone. */
public final class JobStatuses {
    private JobStatuses() {
    }

    /**
     * Every job's status, in the catalogue's job order: each kind of fact (last success, last
     * ended run, schedule, pause) read once for all jobs, so the cost does not grow by a
     * statement per job.
     */
    public static List<JobStatus> collect(Catalog catalog, Instant now, ZoneId zone) {
        Map<String, Run> succeeded = catalog.runs().latestOfEachJob(RunStatus.SUCCEEDED);
        Map<String, Run> ended = catalog.runs().latestEndedOfEachJob();
        Map<String, JobSchedule> schedules = new HashMap<>();
        catalog.schedules().list().forEach(s -> schedules.put(s.job(), s));
        Map<String, JobPause> pauses = new HashMap<>();
        catalog.pauses().list().forEach(p -> pauses.put(p.job(), p));
        // most jobs share a handful of schedules, and parsing one costs more than the rest of a status
        Map<String, Read> read = new HashMap<>();
        List<JobStatus> all = new ArrayList<>();
        for (Job job : catalog.jobs().list()) {
            String name = job.name();
            all.add(of(name, Optional.ofNullable(succeeded.get(name)), Optional.ofNullable(ended.get(name)),
                    Optional.ofNullable(schedules.get(name)), Optional.ofNullable(pauses.get(name)), now, zone,
                    expression -> read.computeIfAbsent(expression, Read::of)));
        }
        return all;
    }

    /** One job's status, read for that job alone: the same answer as its row of {@link #collect}. */
    public static JobStatus of(Catalog catalog, String job, Instant now, ZoneId zone) {
        return of(job, catalog.runs().latest(job, RunStatus.SUCCEEDED), catalog.runs().latestEnded(job),
                catalog.schedules().find(job), catalog.pauses().find(job), now, zone, Read::of);
    }

    /** A schedule as written, parsed and described, or why it cannot be read. */
    private record Read(Optional<Schedule> schedule, String words) {
        static Read of(String expression) {
            try {
                Schedule s = Schedule.parse(expression);
                return new Read(Optional.of(s), s.describe());
            } catch (IllegalArgumentException e) {
                return new Read(Optional.empty(), e.getMessage());
            }
        }
    }

    private static JobStatus of(String job, Optional<Run> succeeded, Optional<Run> ended, Optional<JobSchedule> js,
                                Optional<JobPause> paused, Instant now, ZoneId zone,
                                Function<String, Read> schedules) {
        Optional<Instant> lastSuccess = succeeded.map(Run::started);
        Optional<RunStatus> lastRun = ended.map(Run::status);
        if (js.isEmpty()) {
            return new JobStatus(job, Optional.empty(), Optional.empty(), Optional.empty(), lastSuccess, lastRun,
                    Optional.empty(), false, 0, Optional.empty(), paused);
        }
        JobSchedule s = js.get();
        Read read = schedules.apply(s.expression());
        if (read.schedule().isEmpty()) {
            return new JobStatus(job, Optional.of(s.expression()), Optional.empty(), Optional.empty(), lastSuccess,
                    lastRun, Optional.empty(), paused.isEmpty(), s.missedTotal(), Optional.of(read.words()), paused);
        }
        Schedule schedule = read.schedule().get();
        Due due = Due.check(schedule, s.handledUntil(), s.retryAfter(), now, zone);
        Instant next = due.firstSlot().orElse(due.next());
        Instant reference = lastSuccess.orElse(s.since());
        // a paused job is behind on purpose: saying so is the "Paused" line's job, not an alarm's
        boolean overdue = paused.isEmpty() && reference.plus(schedule.overdueAfter()).isBefore(now);
        return new JobStatus(job, Optional.of(s.expression()), Optional.of(read.words()), Optional.of(next),
                lastSuccess, lastRun, Optional.of(schedule.overdueAfter()), overdue, s.missedTotal(), Optional.empty(),
                paused);
    }
}
