package app.mamori.engine.objective;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One objective of one job, checked.
 *
 * @param target   what the admin set
 * @param measured RPO: the newest good point's age; offsite RPO: the newest copied point's age; RTO: the
 *                 estimated restore time; empty when unknown
 * @param margin   target minus what counts against it: positive is headroom, negative the breach
 * @param since    met or breached since then; empty when unknown
 * @param detail   what it was measured on, for a person
 */
public record Verdict(Objective objective, Duration target, Optional<Duration> measured, State state,
                      Optional<Duration> margin, Optional<Instant> since, String detail) {

    public enum Objective {
        RPO("rpo", "RPO"), RTO("rto", "RTO"), OFFSITE_RPO("offsite-rpo", "offsite RPO");

        private final String id;
        private final String label;

        Objective(String id, String label) {
            this.id = id;
            this.label = label;
        }

        public String id() {
            return id;
        }

        /** As a person reads it: RPO, RTO, offsite RPO. */
        public String label() {
            return label;
        }

        /** Whether it is about how much data may be lost (local or offsite), not how long a restore takes. */
        public boolean isRpo() {
            return this != RTO;
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
