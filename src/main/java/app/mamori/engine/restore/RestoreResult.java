package app.mamori.engine.restore;

import app.mamori.model.Note;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a restore ended.
 *
 * @param safetyPoint   the pre-restore point taken first, if any
 * @param error         what failed, for a person; null on success
 * @param target        on failure, what state the target is in and how to get back, sentence by sentence;
 *                      empty on success
 * @param report        the Markdown report written into the vault, when it could be written
 */
public record RestoreResult(boolean ok, RestorePlan plan, Optional<String> safetyPoint, String error,
                            List<Note> target, Duration duration, Optional<Path> report, Optional<Note> reason) {
    public RestoreResult {
        target = List.copyOf(target);
    }

    /** A result whose error, if any, has no reason the app can say in its own words. */
    public RestoreResult(boolean ok, RestorePlan plan, Optional<String> safetyPoint, String error, String targetState,
                         Duration duration, Optional<Path> report) {
        // free text has no sentence to look up: the app shows its English as it is
        this(ok, plan, safetyPoint, error, targetState == null ? List.of()
                : List.of(new Note("targetText", List.of(), targetState)), duration, report, Optional.empty());
    }

    /** On failure, what state the target is in and how to get back, in English; null on success. */
    public String targetState() {
        return target.isEmpty() ? null : TargetState.english(target);
    }
}
