package app.mamori.catalog;

import java.time.Instant;
import java.util.Optional;

/**
 * A job the admin paused: no scheduled run starts it until it is resumed.
 *
 * @param since  when it was paused
 * @param reason as the admin wrote it, when given
 */
public record JobPause(String job, Instant since, Optional<String> reason) {
    public JobPause {
        reason = reason == null ? Optional.empty() : reason;
    }
}
