package app.mamori.service;

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
import app.mamori.schedule.Schedule;

import java.time.ZoneId;
import java.util.List;
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
        return job.sources().isEmpty() ? "" : services.catalog().sources().get(job.sources().get(0)).server();
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

    /** Forgets a job with its schedule and policy; its runs and restore points stay in the history and vault. */
    public void remove(String job) {
        services.catalog().jobs().remove(job);
    }
}
