package app.mamori.engine.timeline;

import app.mamori.schedule.Schedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GapsTest {
    private static final Instant NOV1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Schedule DAILY = Schedule.parse("daily 02:30");

    private static Instant day(int n, String time) {
        return Instant.parse("2026-11-" + String.format("%02d", n) + "T" + time + ":00Z");
    }

    private static List<Instant> nightlyRunsExcept(int first, int last, int... skipped) {
        List<Instant> runs = new ArrayList<>();
        outer:
        for (int d = first; d <= last; d++) {
            for (int s : skipped) {
                if (s == d) {
                    continue outer;
                }
            }
            runs.add(day(d, "02:31"));
        }
        return runs;
    }

    @Test
    void twoNightsWithoutARunAreOneGapFromTheFirstMissedSlotToTheNextAnsweredOne() {
        Gaps.Result r = Gaps.find("blog", DAILY, NOV1, nightlyRunsExcept(1, 10, 4, 5), NOV1, day(11, "00:00"),
                day(20, "00:00"), ZoneOffset.UTC);

        assertThat(r.gaps()).containsExactly(new Gap("blog", day(4, "02:30"), day(6, "02:30"), 2));
        assertThat(r.cut()).isFalse();
    }

    @Test
    void aLateCatchUpRunAnswersThatNightsSlotAndAFailedRunCountsAsARun() {
        List<Instant> runs = List.of(day(1, "02:31"), day(2, "09:12"), day(3, "02:30"));

        Gaps.Result r = Gaps.find("blog", DAILY, NOV1, runs, NOV1, day(4, "00:00"), day(20, "00:00"), ZoneOffset.UTC);

        assertThat(r.gaps()).isEmpty();
    }

    @Test
    void slotsBeforeTheScheduleWasSetAndTheNewestSlotWithinItsGraceAreNotExpected() {
        Instant now = day(10, "02:40");

        Gaps.Result r = Gaps.find("blog", DAILY, day(9, "12:00"), List.of(), NOV1, day(11, "00:00"), now,
                ZoneOffset.UTC);

        assertThat(r.gaps()).isEmpty();
        Gaps.Result later = Gaps.find("blog", DAILY, day(9, "12:00"), List.of(), NOV1, day(11, "00:00"),
                now.plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        assertThat(later.gaps()).containsExactly(new Gap("blog", day(10, "02:30"), day(10, "02:50"), 1));
    }

    @Test
    void aMinutelyScheduleOverMonthsStopsCountingAndSaysSo() {
        Gaps.Result r = Gaps.find("blog", Schedule.parse("* * * * *"), NOV1, List.of(), NOV1, day(30, "00:00"),
                day(30, "00:00"), ZoneOffset.UTC);

        assertThat(r.cut()).isTrue();
        assertThat(r.gaps()).hasSize(1);
        assertThat(r.gaps().get(0).slots()).isEqualTo(Gaps.SLOT_LIMIT);
    }
}
