package app.mamori.retention;

import java.util.List;
import java.util.Optional;

/**
 * What a prune will do: every point kept with all its reasons, every point removed, both newest
 * first. {@code hold} says why nothing is removed at all, when that is so.
 */
public record PrunePlan(List<Kept> keep, List<Candidate> remove, Optional<String> hold) {
    public PrunePlan {
        keep = List.copyOf(keep);
        remove = List.copyOf(remove);
        hold = hold == null ? Optional.empty() : hold;
    }

    /** A point kept, and every rule that keeps it. */
    public record Kept(Candidate point, List<Reason> reasons) {
        public Kept {
            reasons = List.copyOf(reasons);
        }
    }
}
