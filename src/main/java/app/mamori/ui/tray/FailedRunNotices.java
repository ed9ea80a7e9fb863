package app.mamori.ui.tray;

import app.mamori.catalog.Run;
import app.mamori.model.RunStatus;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    /** Per job, the newest run already taken into account. */
    private final Map<String, Long> seen = new HashMap<>();

    /**
     * Each job's newest ended run, as the tray's look at the catalogue found them: the runs not
     * seen before end in the order they started (run ids grow with time), so the offer goes to
     * the job that failed last whichever process ran it.
     */
    void saw(List<Run> latest) {
        latest.stream().filter(r -> seen.getOrDefault(r.job(), Long.MIN_VALUE) < r.id())
                .sorted(Comparator.comparingLong(Run::id))
                .forEach(r -> {
                    seen.put(r.job(), r.id());
                    ended(r.job(), r.status() != RunStatus.FAILED && r.status() != RunStatus.INTERRUPTED);
                });
    }

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
