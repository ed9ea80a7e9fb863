package app.mamori.retention;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A restore point as retention sees it.
 *
 * @param safetyHeld  a pre-restore safety point not yet released: never removed, and not counted by the rules
 * @param hold        why the point is held (by hand, or by an incident), when it is: never removed, and not
 *                    counted by the rules, exactly as a safety point
 * @param verified    a verification proved it good
 * @param checkFailed the newest check of one of its artifacts found damage: it never counts toward a rule
 */
public record Candidate(String id, Instant time, boolean safetyHeld, Optional<String> hold, boolean verified,
                        boolean checkFailed) {
    public Candidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        hold = hold == null ? Optional.empty() : hold;
    }

    /** A point with no hold. */
    public Candidate(String id, Instant time, boolean safetyHeld, boolean verified, boolean checkFailed) {
        this(id, time, safetyHeld, Optional.empty(), verified, checkFailed);
    }

    public static Candidate of(String id, Instant time) {
        return new Candidate(id, time, false, false, false);
    }

    /** Kept whatever the rules say, and passed over by them: a safety point not released, or a held point. */
    public boolean held() {
        return safetyHeld || hold.isPresent();
    }

    public Candidate withHold(String reason) {
        return new Candidate(id, time, safetyHeld, Optional.of(reason), verified, checkFailed);
    }
}
