package app.mamori.ui.tray;

import app.mamori.catalog.Run;
import app.mamori.model.RunStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which failed runs deserve a desktop notification: each failed run once, whichever process
 * ran it. The tray looks at every catalogue change and every minute, and a failure that the
 * OS timer's run-due recorded while the window was closed must reach the admin as surely as
 * one the app ran itself. A job that keeps failing is told once per failed run, by its id; a
 * run that was cancelled is a choice, not a failure. Pure.
 */
final class FailureSpells {
    private static final Set<RunStatus> FAILURES = Set.of(RunStatus.FAILED, RunStatus.INTERRUPTED);
    /** Per job, the newest failed run already told. */
    private final Map<String, Long> told = new HashMap<>();

    /** The runs in {@code latest} (each job's newest ended run) that failed and were not told yet. */
    List<Run> newlyFailed(List<Run> latest) {
        List<Run> fresh = latest.stream()
                .filter(r -> FAILURES.contains(r.status()))
                .filter(r -> told.getOrDefault(r.job(), Long.MIN_VALUE) < r.id())
                .toList();
        fresh.forEach(r -> told.put(r.job(), r.id()));
        return fresh;
    }
}
