package app.mamori.catalog;

import java.time.Instant;

/**
 * What one lane holds in one stretch of time, summed up instead of listed: what a timeline zoomed
 * out too far to tell its marks apart draws as one bar. Each point is counted in exactly one of
 * {@code failed}, {@code safety}, {@code unchecked}, {@code verified} and {@code drilled}, in that
 * order of precedence: a safety point whose check failed counts as failed.
 *
 * @param index     which bucket: {@code (time - origin) / width} of the query that read it
 * @param first     the oldest point's time
 * @param last      the newest point's time
 * @param points    how many points (artifacts of this lane) it holds
 * @param failed    points whose newest check failed
 * @param safety    pre-restore safety points (whose check did not fail)
 * @param held      pre-restore safety points not yet released to retention, whatever their check
 * @param unchecked other points never checked
 * @param verified  other points whose newest check (checksum or format) passed
 * @param drilled   other points whose newest check was a passed restore drill
 */
public record TimelineBucket(String job, String source, long index, Instant first, Instant last, int points,
                             int failed, int safety, int held, int unchecked, int verified, int drilled,
                             long minSize, long maxSize) {

    /** What a bar of the bucket shows: the most urgent state any of its points is in. */
    public State worst() {
        return failed > 0 ? State.FAILED : unchecked > 0 ? State.UNCHECKED : safety > 0 ? State.SAFETY
                : verified > 0 ? State.VERIFIED : State.DRILLED;
    }

    /** The state of one point as a bucket counts it, least urgent first (the order the timeline's looks follow). */
    public enum State {
        DRILLED, VERIFIED, SAFETY, UNCHECKED, FAILED;

        /** The state {@code p} is counted in. */
        public static State of(TimelinePoint p) {
            if (p.check() == TimelinePoint.Check.FAILED) {
                return FAILED;
            }
            if (p.safetyPoint()) {
                return SAFETY;
            }
            return switch (p.check()) {
                case DRILLED -> DRILLED;
                case VERIFIED -> VERIFIED;
                default -> UNCHECKED;
            };
        }
    }
}
