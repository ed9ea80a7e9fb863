package app.mamori.model;

import java.time.Instant;
import java.util.Optional;

/**
 * The newest attempt to copy restore point {@code point} to object vault {@code vault};
 * {@code lockedUntil}: until when its objects are under Object Lock, empty when they are not.
 */
public record PointCopy(String point, String vault, Status status, Instant time, Optional<String> error,
                        Optional<Instant> lockedUntil) {

    public PointCopy(String point, String vault, Status status, Instant time, Optional<String> error) {
        this(point, vault, status, time, error, Optional.empty());
    }

    /** Whether the copy is still locked at {@code now}: the bucket refuses to delete it. */
    public boolean lockedAt(Instant now) {
        return lockedUntil.filter(now::isBefore).isPresent();
    }

    public enum Status {
        COPIED("copied"), FAILED("failed");

        private final String id;

        Status(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Status fromId(String id) {
            for (Status s : values()) {
                if (s.id.equals(id)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown copy status '" + id + "'");
        }
    }
}
