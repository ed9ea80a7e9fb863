package app.mamori.engine.timeline;

import app.mamori.schedule.Due;
import app.mamori.schedule.Schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a job's schedule expected a run and there is none. A slot is answered by any run (however
 * it ended: a failed run is marked on its own) that started at or after the slot and before the
 * next one; a catch-up run late in the morning answers that night's slot. Slots before the
 * schedule was set, and the newest slot while it is still within {@link Due#GRACE}, are not
 * expected. Consecutive unanswered slots merge into one gap. Pure.
 */
public final class Gaps {
    /** A minutely schedule over a year is half a million slots: past this many, a window's gaps are not counted. */
    static final int SLOT_LIMIT = 5_000;

    private Gaps() {
    }

    /**
     * @param runStarts when the job's runs started, oldest first, including any that started up to one
     *                  interval after {@code to} (they answer the window's last slot)
     * @return the gaps, oldest first; {@link Result#cut()} when the window held more than {@value #SLOT_LIMIT} slots
     */
    public static Result find(String job, Schedule schedule, Instant since, List<Instant> runStarts, Instant from,
                              Instant to, Instant now, ZoneId zone) {
        List<Gap> gaps = new ArrayList<>();
        Instant start = from.isAfter(since) ? from : since;
        Instant end = to.isBefore(now) ? to : now;
        Instant slot = schedule.next(start.minusMillis(1), zone);
        int nextRun = 0;
        int counted = 0;
        Instant gapFrom = null;
        Instant gapTo = null;
        int gapSlots = 0;
        while (slot.isBefore(end)) {
            if (++counted > SLOT_LIMIT) {
                close(gaps, job, gapFrom, gapTo, gapSlots);
                return new Result(gaps, true);
            }
            Instant following = schedule.next(slot, zone);
            while (nextRun < runStarts.size() && runStarts.get(nextRun).isBefore(slot)) {
                nextRun++;
            }
            boolean answered = nextRun < runStarts.size() && runStarts.get(nextRun).isBefore(following);
            boolean stillDue = !slot.plus(Due.GRACE).isBefore(now);
            if (answered || stillDue) {
                close(gaps, job, gapFrom, gapTo, gapSlots);
                gapFrom = null;
                gapSlots = 0;
            } else {
                gapFrom = gapFrom == null ? slot : gapFrom;
                gapTo = following.isBefore(now) ? following : now;
                gapSlots++;
            }
            slot = following;
        }
        close(gaps, job, gapFrom, gapTo, gapSlots);
        return new Result(gaps, false);
    }

    private static void close(List<Gap> gaps, String job, Instant from, Instant to, int slots) {
        if (from != null) {
            gaps.add(new Gap(job, from, to, slots));
        }
    }

    /** The gaps found, and whether counting stopped at the slot limit. */
    public record Result(List<Gap> gaps, boolean cut) {
        public Result {
            gaps = List.copyOf(gaps);
        }
    }
}
