package app.mamori.engine.verify;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one check found.
 *
 * @param warnings differences a person should see although the check passed (approximate row counts)
 * @param recovery drills: how long the restore into the scratch target took
 */
record Outcome(boolean ok, String detail, List<String> warnings, Optional<Duration> recovery) {
    Outcome {
        warnings = List.copyOf(warnings);
    }

    static Outcome passed(String detail) {
        return new Outcome(true, detail, List.of(), Optional.empty());
    }

    static Outcome failed(String detail) {
        return new Outcome(false, detail, List.of(), Optional.empty());
    }
}
