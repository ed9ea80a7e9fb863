package app.mamori.engine.offsite;

import java.util.Optional;

/**
 * One point's copy.
 *
 * @param sent    bytes sent to the vault by this copy
 * @param resumed bytes an interrupted earlier copy had already sent and this one kept
 * @param error   why it failed; empty when the copy is complete
 */
public record CopyResult(String point, String vault, long sent, long resumed, Optional<String> error) {
    public boolean ok() {
        return error.isEmpty();
    }
}
