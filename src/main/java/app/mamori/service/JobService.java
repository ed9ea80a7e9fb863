package app.mamori.service;

import app.mamori.catalog.Event;
import app.mamori.catalog.EventLevel;
import app.mamori.catalog.JobPause;
import app.mamori.catalog.ObjectiveStore;
import app.mamori.catalog.Run;
import app.mamori.catalog.VerificationStore;
import app.mamori.engine.JobStatus;
import app.mamori.engine.JobStatuses;
import app.mamori.engine.PruneJobPlan;
import app.mamori.engine.objective.JobObjectives;
import app.mamori.engine.objective.ObjectiveStatuses;
import app.mamori.engine.Pruner;
import app.mamori.model.Job;
import app.mamori.model.Objectives;
import app.mamori.model.RetentionPolicy;
import app.mamori.schedule.Due;
import app.mamori.schedule.Schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Jobs: their sources and vault, schedule and retention policy. */
public final class JobService {
    private final Services services;

    JobService(Services services) {
        this.services = services;
    }

    public List<Job> list() {
        return services.catalog().jobs().list();
    }

    public Optional<Job> find(String name) {
        return services.catalog().jobs().find(name);
    }

    public Job get(String name) {
        return services.catalog().jobs().get(name);
    }

    /** The server a job backs up (all its sources are on one). */
    public String serverOf(Job job) {
        return serverOf(job, Map.of());
    }

    /** {@link #serverOf} each of {@code jobs}, by job, from one read of every source. */
    public Map<String, String> serversOf(List<Job> jobs) {
        Map<String, String> ofSource = new HashMap<>();
        services.catalog().sources().list().forEach(s -> ofSource.put(s.name(), s.server()));
        Map<String, String> out = new HashMap<>();
        jobs.forEach(j -> out.put(j.name(), serverOf(j, ofSource)));
        return out;
    }

    private String serverOf(Job job, Map<String, String> serverOfSource) {
        return job.sources().isEmpty() ? "" : Optional.ofNullable(serverOfSource.get(job.sources().get(0)))
                .orElseGet(() -> services.catalog().sources().get(job.sources().get(0)).server());
    }

    /** A job with its settings, as {@code mamori job list} prints it. */
    public record Listed(Job job, Optional<String> schedule, RetentionPolicy retention, Objectives objectives,
                         Optional<String> drillSchedule, Optional<Duration> stallTimeout, Optional<JobPause> pause) {
    }

    /**
     * Every job with what {@link #schedule}, {@link #retention}, {@link #objectives},
     * {@link #drillSchedule}, {@link #stallTimeout} and {@link #pause} say of it, each kind read
     * once for all jobs.
     */
    public List<Listed> listing() {
        var c = services.catalog();
        Map<String, String> schedules = new HashMap<>();
        c.schedules().list().forEach(s -> schedules.put(s.job(), s.expression()));
        Map<String, RetentionPolicy> retention = c.retention().all();
        Map<String, ObjectiveStore.Stored> objectives = c.objectives().all();
        Map<String, String> drills = new HashMap<>();
        c.drills().list().forEach(d -> drills.put(d.job(), d.expression()));
        Map<String, Duration> stalls = c.stalls().all();
        Map<String, JobPause> pauses = new HashMap<>();
        c.pauses().list().forEach(p -> pauses.put(p.job(), p));
        return list().stream().map(j -> new Listed(j, Optional.ofNullable(schedules.get(j.name())),
                retention.getOrDefault(j.name(), RetentionPolicy.KEEP_ALL),
                Optional.ofNullable(objectives.get(j.name())).map(ObjectiveStore.Stored::objectives)
                        .orElse(Objectives.NONE), Optional.ofNullable(drills.get(j.name())),
                Optional.ofNullable(stalls.get(j.name())), Optional.ofNullable(pauses.get(j.name())))).toList();
    }

    /**
     * Adds a job; the schedule and policy, when given, are set with it. Both were parsed and
     * checked by the caller's types already, so nothing is half stored by a typo. Without a
     * policy the job takes the default policy from Settings.
     */
    public void add(Job job, Optional<Schedule> schedule, Optional<RetentionPolicy> retention) {
        services.catalog().jobs().add(job);
        schedule.ifPresent(s -> services.catalog().schedules().set(job.name(), s.text()));
        retention.ifPresent(p -> services.catalog().retention().set(job.name(), p));
    }

    /** Changes a job's sources and vault; its runs, points, schedule and policy stay. */
    public void update(Job job) {
        services.catalog().jobs().update(job);
    }

    /** The schedule's expression, or empty when the job runs only when started. */
    public Optional<String> schedule(String job) {
        return services.catalog().schedules().find(job).map(s -> s.expression());
    }

    /** Sets the schedule; empty means none (the job runs when started). */
    public void setSchedule(String job, Optional<Schedule> schedule) {
        get(job);
        if (schedule.isPresent()) {
            services.catalog().schedules().set(job, schedule.get().text());
        } else {
            services.catalog().schedules().clear(job);
        }
    }

    public RetentionPolicy retention(String job) {
        return services.catalog().retention().get(job);
    }

    public void setRetention(String job, RetentionPolicy policy) {
        get(job);
        services.catalog().retention().set(job, policy);
    }

    public RetentionPolicy defaultRetention() {
        return services.catalog().retention().defaultPolicy();
    }

    public void setDefaultRetention(RetentionPolicy policy) {
        services.catalog().retention().setDefault(policy);
    }

    /** What a prune under {@code policy} would keep and remove; nothing is removed. */
    public PruneJobPlan prunePreview(String job, RetentionPolicy policy, ZoneId zone) {
        return new Pruner(services.catalog(), services.ssh(), services.clock(), zone).plan(job, policy);
    }

    /** Every job's health: last success, last result, next run, overdue. */
    public List<JobStatus> statuses(ZoneId zone) {
        return JobStatuses.collect(services.catalog(), services.clock().instant(), zone);
    }

    /**
     * Each job's newest ended run, for the jobs that have one, whichever process ran it (this
     * app, the command line, the OS timer's run-due): how the tray learns of a failure.
     */
    public List<Run> latestRuns() {
        Map<String, Run> ended = services.catalog().runs().latestEndedOfEachJob();
        List<Run> latest = new ArrayList<>();
        for (Job job : list()) {
            Optional.ofNullable(ended.get(job.name())).ifPresent(latest::add);
        }
        return latest;
    }

    /** How long the job's dumps may send nothing before they are stopped as stalled; empty: the default. */
    public Optional<Duration> stallTimeout(String job) {
        return services.catalog().stalls().find(job);
    }

    /** Sets that limit; empty goes back to the default ({@link app.mamori.catalog.StallStore#DEFAULT}). */
    public void setStallTimeout(String job, Optional<Duration> limit) {
        services.catalog().stalls().set(job, limit);
    }

    /** The job's recovery objectives; {@link Objectives#NONE} when it has none. */
    public Objectives objectives(String job) {
        return services.catalog().objectives().get(job);
    }

    /** Sets the job's recovery objectives; {@link Objectives#NONE} removes them. */
    public void setObjectives(String job, Objectives objectives) {
        get(job);
        services.catalog().objectives().set(job, objectives);
    }

    /** The drill schedule's expression, or empty when the job is drilled only by hand. */
    public Optional<String> drillSchedule(String job) {
        return services.catalog().drills().find(job).map(d -> d.expression());
    }

    /** Sets when the job's newest good point is drilled by run-due; empty stops it. */
    public void setDrillSchedule(String job, Optional<Schedule> schedule) {
        get(job);
        if (schedule.isPresent()) {
            services.catalog().drills().set(job, schedule.get().text());
        } else {
            services.catalog().drills().clear(job);
        }
    }

    /** Drill history, newest first: time to restore, size, result; of one job or source, or all (null). */
    public List<VerificationStore.DrillRecord> drills(String job, String source) {
        return services.catalog().verifications().drills(job, source);
    }

    /** Every job with objectives, each checked now: met or breached, by how much, since when. */
    public List<JobObjectives> objectiveStatuses() {
        return ObjectiveStatuses.collect(services.catalog(), services.clock().instant());
    }

    /** One job's objectives checked now, reading only that job; empty when it has none. */
    public Optional<JobObjectives> objectiveStatus(String job) {
        return ObjectiveStatuses.of(services.catalog(), get(job), services.clock().instant());
    }

    /**
     * Pauses a job: run-due and the app's scheduler leave it alone and it is not reported
     * overdue, until {@link #resume}. A backup started by hand still runs it. A blank reason
     * counts as none.
     */
    public JobPause pause(String job, Optional<String> reason) {
        Optional<String> why = reason.map(String::strip).filter(r -> !r.isEmpty());
        if (why.isPresent() && why.get().length() > REASON_LIMIT) {
            throw new IllegalArgumentException("--reason: at most " + REASON_LIMIT + " characters, not "
                    + why.get().length() + "; say why in a few words");
        }
        JobPause pause = services.catalog().pauses().pause(job, why);
        // who paused what, and why, belongs in the log: a paused job takes no backups
        services.catalog().events().add(Event.at(services.clock().instant(), EventLevel.WARNING, "job-paused",
                "job " + job + " paused: run-due and the app's scheduler leave it alone until it is resumed"
                        + why.map(r -> " (" + r + ")").orElse("")).withJob(job)
                .withPhrase("jobPaused", job, why.orElse("")));
        return pause;
    }

    /** Longer than a line on the dashboard is a note, not a reason. */
    static final int REASON_LIMIT = 200;

    /**
     * Resumes a paused job. When a slot passed while it was paused, the next run-due (or the
     * app within a minute) runs it once at once, not N times, and does not count those slots as
     * missed while the workstation was off: a pause is not an outage.
     *
     * @return the pause it ended; empty when the job was not paused
     */
    public Optional<JobPause> resume(String job, ZoneId zone) {
        Optional<JobPause> was = services.catalog().pauses().resume(job);
        Instant now = services.clock().instant();
        if (was.isPresent()) {
            services.catalog().events().add(Event.at(now, EventLevel.INFO, "job-resumed", "job " + job
                    + " resumed: its schedule runs it again").withJob(job).withPhrase("jobResumed", job));
        }
        services.catalog().schedules().find(job).ifPresent(js -> {
            try {
                Due due = Due.check(Schedule.parse(js.expression()), js.handledUntil(), js.retryAfter(), now, zone);
                if (due.pending() > 0 && was.isPresent()) {
                    // a retry time makes the pending slots one run now, counted as no missed slot (see Due)
                    services.catalog().schedules().retryAfter(job, now);
                }
            } catch (IllegalArgumentException unreadable) {
                // status and run-due report an unreadable schedule on their own
            }
        });
        return was;
    }

    /** Whether and since when the job is paused. */
    public Optional<JobPause> pause(String job) {
        get(job);
        return services.catalog().pauses().find(job);
    }

    /** Forgets a job with its schedule and policy; its runs and restore points stay in the history and vault. */
    public void remove(String job) {
        services.catalog().jobs().remove(job);
    }
}
