package app.mamori.engine.restore;

import app.mamori.model.Note;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How a restore ended.
 *
 * @param safetyPoint   the pre-restore point taken first, if any
 * @param error         what failed, for a person; null on success
 * @param targetState   on failure, what state the target is in and how to get back; null on success
 * @param report        the Markdown report written into the vault, when it could be written
 */
public record RestoreResult(boolean ok, RestorePlan plan, Optional<String> safetyPoint, String error,
                            String targetState, Duration duration, Optional<Path> report, Optional<Note> reason) {

    /** A result whose error, if any, has no reason the app can say in its own words. */
    public RestoreResult(boolean ok, RestorePlan plan, Optional<String> safetyPoint, String error, String targetState,
                         Duration duration, Optional<Path> report) {
        this(ok, plan, safetyPoint, error, targetState, duration, report, Optional.empty());
    }
}
