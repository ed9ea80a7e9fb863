package app.mamori.service;

import app.mamori.engine.BackupListener;
import app.mamori.engine.BackupPlan;
import app.mamori.engine.DueOutcome;
import app.mamori.engine.DueRunner;
import app.mamori.engine.RunResult;
import app.mamori.engine.notify.Notifications;
import app.mamori.engine.notify.Watch;
import app.mamori.util.CancelToken;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Backups as the admin starts them and as the schedule does, with the notices that follow
 * each: a run's result, a job that could not start, overdue jobs and the daily digest.
 */
public final class RunService {
    private final Services services;

    RunService(Services services) {
        this.services = services;
    }

    /** A finished backup and what the notifiers said (an unreachable notifier does not fail the backup). */
    public record Backup(RunResult result, List<Notifications.Delivery> deliveries) {
    }

    /** Due runs that were started, and what the notifiers said. */
    public record Due(List<DueOutcome> outcomes, List<Notifications.Delivery> deliveries) {
    }

    /** Plans a backup; a job that cannot start is notified as such before the error is thrown. */
    public BackupPlan plan(String job) {
        try {
            return services.backupEngine().plan(job);
        } catch (RuntimeException e) {
            if (services.catalog().jobs().find(job).isPresent()) {
                services.notifications().notStarted(job, e.getMessage());
            }
            throw e;
        }
    }

    public Backup execute(BackupPlan plan, BackupListener listener, CancelToken cancel) {
        RunResult result = services.backupEngine().execute(plan, listener, cancel);
        return new Backup(result, services.notifications().afterRun(result));
    }

    /**
     * Runs every job that is due, jobs of different servers side by side (at most {@code parallel}
     * at a time, one per server), then notifies about them, about overdue jobs and the digest.
     *
     * @param listeners one listener for each run
     */
    public Due runDue(ZoneId zone, java.util.function.Supplier<BackupListener> listeners, CancelToken cancel,
                      int parallel) {
        List<DueOutcome> outcomes = new DueRunner(services.catalog(), services.backupEngine(), services.clock(), zone)
                .runDue(listeners, cancel, parallel);
        Notifications notifications = services.notifications();
        List<Notifications.Delivery> deliveries = new ArrayList<>(notifications.afterDue(outcomes));
        deliveries.addAll(new Watch(services.catalog(), notifications).check(services.clock().instant(), zone));
        return new Due(outcomes, deliveries);
    }
}
