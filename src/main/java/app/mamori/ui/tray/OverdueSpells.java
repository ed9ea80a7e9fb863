package app.mamori.ui.tray;

import app.mamori.engine.JobStatus;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which overdue jobs deserve a desktop notification: each job once when it becomes overdue,
 * and again only after a success ended that spell and a new one began. The tray looks every
 * minute and at every catalogue change; a notification each time would be noise the admin
 * learns to ignore. Overdue means what {@code mamori status} and the overdue notifiers mean:
 * a scheduled job whose last success is older than its schedule allows.
 */
final class OverdueSpells {
    private final Set<String> overdue = new HashSet<>();

    /** The jobs that are overdue in {@code statuses} and were not at the previous look. */
    List<JobStatus> newlyOverdue(List<JobStatus> statuses) {
        List<JobStatus> now = statuses.stream().filter(s -> s.overdue() && s.schedule().isPresent()).toList();
        List<JobStatus> fresh = now.stream().filter(s -> !overdue.contains(s.job())).toList();
        overdue.clear();
        now.forEach(s -> overdue.add(s.job()));
        return fresh;
    }
}
