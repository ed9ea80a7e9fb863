package app.mamori.engine;

import java.util.List;

/**
 * What a prune did.
 *
 * @param removed   ids of the points deleted from their vault and the catalogue
 * @param bytesFreed bytes no remaining point shares, now free
 * @param failures  one line per point that could not be deleted (it stays in the catalogue)
 */
public record PruneResult(String job, List<String> removed, long bytesFreed, List<String> failures) {
    public PruneResult {
        removed = List.copyOf(removed);
        failures = List.copyOf(failures);
    }

    public boolean ok() {
        return failures.isEmpty();
    }
}
