package app.mamori.ui.dashboard;

import app.mamori.engine.JobStatus;
import app.mamori.model.RunStatus;

import java.time.Duration;
import java.time.Instant;

/** A job's colour on the dashboard and in the tray. Worst last, so {@code max} finds the worst. */
public enum Health {
    GREEN, AMBER, RED;

    /** Expected interval of a job without a schedule: a daily backup. */
    static final Duration UNSCHEDULED_INTERVAL = Duration.ofHours(24);

    /**
     * Green while the last success is within one interval of the schedule (or a day, without
     * one), amber up to 1.5 intervals or when the last run failed, red beyond (overdue) or
     * when the job never succeeded. A paused job is amber at worst.
     */
    public static Health of(JobStatus s, Instant now) {
        Health h = unpaused(s, now);
        // paused on purpose: a reminder that no backup is being taken, never the red of an alarm
        return s.paused().isPresent() && h == RED ? AMBER : h;
    }

    private static Health unpaused(JobStatus s, Instant now) {
        if (s.lastSuccess().isEmpty() || s.overdue()) {
            return RED;
        }
        Duration interval = s.overdueAfter().map(d -> d.multipliedBy(2).dividedBy(3)).orElse(UNSCHEDULED_INTERVAL);
        Duration age = Duration.between(s.lastSuccess().get(), now);
        if (age.compareTo(interval.multipliedBy(3).dividedBy(2)) > 0) {
            return RED;
        }
        boolean lastFailed = s.lastRun().filter(r -> r != RunStatus.SUCCEEDED).isPresent();
        return age.compareTo(interval) > 0 || lastFailed ? AMBER : GREEN;
    }

    public String styleClass() {
        return "health-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
