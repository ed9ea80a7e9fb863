package app.mamori.retention;

import java.time.Instant;
import java.util.Objects;

/**
 * A restore point as retention sees it.
 *
 * @param safetyHeld a pre-restore safety point not yet released: never removed, and not counted by the rules
 * @param verified    a verification proved it good
 * @param checkFailed the newest check of one of its artifacts found damage: it never counts toward a rule
 */
public record Candidate(String id, Instant time, boolean safetyHeld, boolean verified, boolean checkFailed) {
    public Candidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
    }

    public static Candidate of(String id, Instant time) {
        return new Candidate(id, time, false, false, false);
    }
}
