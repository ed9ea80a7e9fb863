package app.mamori.engine.objective;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One objective of one job, checked.
 *
 * @param target   what the admin set
 * @param measured RPO: the newest good point's age; RTO: the estimated restore time; empty when unknown
 * @param margin   target minus what counts against it: positive is headroom, negative the breach
 * @param since    met or breached since then; empty when unknown
 * @param detail   what it was measured on, for a person
 */
public record Verdict(Objective objective, Duration target, Optional<Duration> measured, State state,
                      Optional<Duration> margin, Optional<Instant> since, String detail) {

    public enum Objective {
        RPO, RTO;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum State {
        MET, BREACHED, UNKNOWN;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean breached() {
        return state == State.BREACHED;
    }
}
