package app.mamori.schedule;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The longest time between consecutive runs of a cron expression, over eight calendar years. */
final class Interval {
    private static final int MINUTES_PER_DAY = 24 * 60;
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final int DAYS = 8 * 366;

    private Interval() {
    }

    /** Every day that runs has the same times, so the gaps are those inside a day and those between days. */
    static Duration longestGap(CronExpression cron) {
        List<Integer> times = new ArrayList<>();
        for (int h = cron.hours().values().nextSetBit(0); h >= 0; h = cron.hours().values().nextSetBit(h + 1)) {
            for (int m = cron.minutes().values().nextSetBit(0); m >= 0; m = cron.minutes().values().nextSetBit(m + 1)) {
                times.add(h * 60 + m);
            }
        }
        long longest = 0;
        for (int i = 1; i < times.size(); i++) {
            longest = Math.max(longest, times.get(i) - times.get(i - 1));
        }
        int first = times.get(0);
        int last = times.get(times.size() - 1);
        long previousDay = -1;
        for (int d = 0; d < DAYS; d++) {
            if (!cron.runsOn(FROM.plusDays(d))) {
                continue;
            }
            if (previousDay >= 0) {
                longest = Math.max(longest, (d - previousDay) * MINUTES_PER_DAY - last + first);
            }
            previousDay = d;
        }
        if (longest == 0) {
            longest = (long) DAYS * MINUTES_PER_DAY; // one run in eight years
        }
        return Duration.ofMinutes(longest);
    }
}
