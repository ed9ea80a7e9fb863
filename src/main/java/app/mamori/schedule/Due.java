package app.mamori.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Whether a scheduled job should run now, and which of its slots were missed.
 *
 * <p>A job's slots up to {@code handledUntil} are done. Every slot after it and at or before
 * now is pending, and however many there are, the job runs once. A slot more than
 * {@code grace} old was missed (the workstation was off or asleep); the newest slot, when
 * younger than that, is simply on time. After a failed run the job is tried again no sooner
 * than {@code retryAfter}, so an unreachable server is retried, not hammered.
 *
 * @param due        run now
 * @param pending    slots waiting, the newest of them included (0 when not due)
 * @param missed     pending slots that passed more than the grace time ago without a run
 * @param firstSlot  the oldest pending slot, when any
 * @param lastMissed the newest missed slot, when any
 * @param next       the next slot after now
 */
public record Due(boolean due, int pending, int missed, Optional<Instant> firstSlot, Optional<Instant> lastMissed,
                  Instant next) {

    /** run-due runs every five minutes; a slot older than this was not simply waiting for it. */
    public static final Duration GRACE = Duration.ofMinutes(15);
    /** Beyond this, slots are not counted one by one (a minutely job after months away): missed is at least this. */
    private static final int COUNT_LIMIT = 10_000;

    public static Due check(Schedule schedule, Instant handledUntil, Optional<Instant> retryAfter, Instant now,
                            ZoneId zone) {
        Instant next = schedule.next(handledUntil, zone);
        if (next.isAfter(now)) {
            return new Due(false, 0, 0, Optional.empty(), Optional.empty(), next);
        }
        Instant first = next;
        Instant newest = next;
        Instant beforeNewest = null;
        int pending = 0;
        while (!next.isAfter(now) && pending < COUNT_LIMIT) {
            pending++;
            beforeNewest = pending > 1 ? newest : null;
            newest = next;
            next = schedule.next(next, zone);
        }
        if (!next.isAfter(now)) {
            next = schedule.next(now, zone); // past the counting limit: the rest are missed too, uncounted
        }
        boolean retrying = retryAfter.isPresent();
        int missed = retrying ? 0 : newest.plus(GRACE).isBefore(now) ? pending : pending - 1;
        boolean due = retryAfter.map(r -> !now.isBefore(r)).orElse(true);
        Optional<Instant> lastMissed = missed == 0 ? Optional.empty()
                : Optional.of(missed == pending ? newest : beforeNewest);
        return new Due(due, pending, missed, Optional.of(first), lastMissed, next);
    }
}
