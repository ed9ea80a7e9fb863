package app.mamori.ui.tray;

import app.mamori.engine.objective.JobObjectives;
import app.mamori.engine.objective.Verdict;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which breached recovery objectives deserve a desktop notification: each objective of each job
 * once when it becomes breached, and again only after it was met in between, as with
 * {@link OverdueSpells}.
 */
final class BreachSpells {
    private final Set<String> breached = new HashSet<>();

    /** A job and the objective it newly breaches. */
    record Breach(String job, Verdict verdict) {
    }

    List<Breach> newlyBreached(List<JobObjectives> objectives) {
        List<Breach> now = new ArrayList<>();
        for (JobObjectives o : objectives) {
            o.verdicts().filter(Verdict::breached).forEach(v -> now.add(new Breach(o.job(), v)));
        }
        List<Breach> fresh = now.stream().filter(b -> !breached.contains(key(b))).toList();
        breached.clear();
        now.forEach(b -> breached.add(key(b)));
        return fresh;
    }

    private static String key(Breach b) {
        return b.job() + "/" + b.verdict().objective().id();
    }
}
