package app.mamori.catalog;

import app.mamori.model.Note;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One check of one artifact and how it ended.
 *
 * @param said     what was checked, or what failed and in which file, for the admin: its English as the
 *                 command line prints it, and its key (under {@code check.}) for the app's language
 * @param took     how long the check ran
 * @param recovery drills only: how long the restore into the scratch target took
 */
public record Verification(String point, String source, String job, Instant time, Method method, Result result,
                           Note said, Duration took, Optional<Duration> recovery) {

    /** The key of a sentence that has only its English; no bundle holds {@code check.stored}. */
    static final String STORED = "stored";

    /** A detail with no sentence key (a check recorded before V021): the app shows its English as it is. */
    public static Note asStored(String english) {
        return new Note(STORED, java.util.List.of(), english);
    }

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
        Objects.requireNonNull(said, "said");
        Objects.requireNonNull(took, "took");
        recovery = recovery == null ? Optional.empty() : recovery;
    }

    /** A check whose detail has no sentence of its own: the app shows the English. */
    public Verification(String point, String source, String job, Instant time, Method method, Result result,
                        String detail, Duration took, Optional<Duration> recovery) {
        this(point, source, job, time, method, result, asStored(detail), took, recovery);
    }

    /** What was checked or what failed, in English, as the command line prints it and older rows hold it. */
    public String detail() {
        return said.english();
    }

    public boolean failed() {
        return result == Result.FAILED;
    }
}
