package app.mamori.retention;

import java.time.Instant;
import java.util.Objects;

/**
 * A restore point as retention sees it.
 *
 * @param safetyHeld a pre-restore safety point not yet released: never removed, and not counted by the rules
 * @param verified   a verification proved it good
 */
public record Candidate(String id, Instant time, boolean safetyHeld, boolean verified) {
    public Candidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
    }

    public static Candidate of(String id, Instant time) {
        return new Candidate(id, time, false, false);
    }
}
