package app.mamori.engine;

import java.util.List;

/**
 * What a prune did.
 *
 * @param removed   ids of the points deleted from their vault and the catalogue
 * @param bytesFreed bytes no remaining point shares, now free
 * @param failures  one line per point that could not be removed, saying whether its folder or its rows stay
 * @param spared    ids of the points the plan removed but that were held (by hand or by an incident) by the
 *                  time the prune reached them: kept, as every hold wins over a prune
 */
public record PruneResult(String job, List<String> removed, long bytesFreed, List<String> failures,
                          List<String> spared) {
    public PruneResult {
        removed = List.copyOf(removed);
        failures = List.copyOf(failures);
        spared = List.copyOf(spared);
    }

    public boolean ok() {
        return failures.isEmpty();
    }
}
