package app.mamori.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One check of one artifact and how it ended.
 *
 * @param detail   what was checked, or what failed and in which file, for the admin
 * @param took     how long the check ran
 * @param recovery drills only: how long the restore into the scratch target took
 */
public record Verification(String point, String source, String job, Instant time, Method method, Result result,
                           String detail, Duration took, Optional<Duration> recovery) {

    /** How an artifact was checked, weakest first. */
    public enum Method {
        CHECKSUM, FORMAT, DRILL;

        public String id() {
            return StoredNames.of(this);
        }

        public static Method fromId(String id) {
            return StoredNames.parse(Method.class, id);
        }
    }

    /** Whether the check proved the artifact good. */
    public enum Result {
        VERIFIED, FAILED;

        public String id() {
            return StoredNames.of(this);
        }

        public static Result fromId(String id) {
            return StoredNames.parse(Result.class, id);
        }
    }

    public Verification {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(took, "took");
        recovery = recovery == null ? Optional.empty() : recovery;
    }

    public boolean failed() {
        return result == Result.FAILED;
    }
}
