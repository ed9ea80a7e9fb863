package app.mamori.ui.tray;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which job the tray offers to restore after a failed run: the one whose failure was noticed
 * last, as long as its latest run failed. A later success of that job takes the offer back
 * (the failure is over), and the offer falls back to the job that failed before it. Pure.
 */
final class FailedRunNotices {
    /** Jobs whose latest run failed, oldest failure first. */
    private final Set<String> failing = new LinkedHashSet<>();

    /** A run of {@code job} ended. */
    void ended(String job, boolean ok) {
        failing.remove(job);
        if (!ok) {
            failing.add(job);
        }
    }

    /** The job to offer a restore of: the latest to fail of those still failing. */
    Optional<String> offered() {
        String last = null;
        for (String job : failing) {
            last = job;
        }
        return Optional.ofNullable(last);
    }
}
