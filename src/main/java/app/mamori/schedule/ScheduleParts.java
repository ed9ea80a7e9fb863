package app.mamori.schedule;

import java.util.BitSet;

/**
 * The values a schedule's cron fields allow, for a caller that says the schedule in words of its
 * own language (the app in Japanese); {@link Schedule#describe()} stays the CLI's English.
 * Days of the week count from 0 = Sunday, as cron does. A {@code *Star} flag is cron's "the
 * field starts with *", which decides how the two day fields combine.
 */
public record ScheduleParts(BitSet minutes, BitSet hours, BitSet daysOfMonth, boolean daysOfMonthStar,
                            BitSet months, boolean monthsStar, BitSet daysOfWeek, boolean daysOfWeekStar) {
    public ScheduleParts {
        minutes = (BitSet) minutes.clone();
        hours = (BitSet) hours.clone();
        daysOfMonth = (BitSet) daysOfMonth.clone();
        months = (BitSet) months.clone();
        daysOfWeek = (BitSet) daysOfWeek.clone();
    }

    @Override
    public BitSet minutes() {
        return (BitSet) minutes.clone();
    }

    @Override
    public BitSet hours() {
        return (BitSet) hours.clone();
    }

    @Override
    public BitSet daysOfMonth() {
        return (BitSet) daysOfMonth.clone();
    }

    @Override
    public BitSet months() {
        return (BitSet) months.clone();
    }

    @Override
    public BitSet daysOfWeek() {
        return (BitSet) daysOfWeek.clone();
    }

    static ScheduleParts of(CronExpression c) {
        return new ScheduleParts(c.minutes().values(), c.hours().values(), c.daysOfMonth().values(),
                c.daysOfMonth().star(), c.months().values(), c.months().star(), c.daysOfWeek().values(),
                c.daysOfWeek().star());
    }
}
