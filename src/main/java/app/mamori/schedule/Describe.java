package app.mamori.schedule;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/** A cron expression in plain English words: "every day at 02:30", "Monday to Friday at 22:00". */
final class Describe {
    private static final int MAX_LISTED_TIMES = 6;

    private Describe() {
    }

    static String of(CronExpression c) {
        String days = days(c);
        String months = c.months().star() ? "" : " in " + join(names(c.months().values(), Describe::monthName));
        return (time(c, days) + months).strip();
    }

    private static String time(CronExpression c, String days) {
        BitSet min = c.minutes().values();
        BitSet hrs = c.hours().values();
        boolean allMinutes = min.cardinality() == 60;
        boolean allHours = hrs.cardinality() == 24;
        String on = days.isEmpty() ? "" : " " + days;
        if (allMinutes && allHours) {
            return "every minute" + on;
        }
        int step = step(min, 60);
        if (allHours && step > 1) {
            return "every " + step + " minutes" + on;
        }
        if (min.cardinality() == 1) {
            int m = min.nextSetBit(0);
            if (allHours) {
                return "every hour at :" + two(m) + on;
            }
            int hourStep = step(hrs, 24);
            if (hourStep > 1) {
                return "every " + hourStep + " hours at :" + two(m) + " (from 00:" + two(m) + ")" + on;
            }
        }
        if (min.cardinality() * hrs.cardinality() <= MAX_LISTED_TIMES) {
            List<String> times = new ArrayList<>();
            for (int h = hrs.nextSetBit(0); h >= 0; h = hrs.nextSetBit(h + 1)) {
                for (int m = min.nextSetBit(0); m >= 0; m = min.nextSetBit(m + 1)) {
                    times.add(two(h) + ":" + two(m));
                }
            }
            return (days.isEmpty() ? "every day" : days) + " at " + join(times);
        }
        return "at minute " + join(numbers(min)) + " of hour " + join(numbers(hrs))
                + (days.isEmpty() ? " every day" : on);
    }

    private static String days(CronExpression c) {
        boolean domStar = c.daysOfMonth().star();
        boolean dowStar = c.daysOfWeek().star();
        String dom = "on day " + join(numbers(c.daysOfMonth().values())) + " of the month";
        String dow = weekdays(c.daysOfWeek().values());
        if (domStar && dowStar) {
            return "";
        }
        if (domStar) {
            return dow;
        }
        if (dowStar) {
            return dom;
        }
        return dom + " and " + dow;
    }

    private static String weekdays(BitSet cronDays) {
        List<DayOfWeek> days = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            if (cronDays.get(i % 7)) {
                days.add(DayOfWeek.of(i));
            }
        }
        if (days.size() == 7) {
            return "every day";
        }
        if (days.size() == 1) {
            return "every " + dayName(days.get(0));
        }
        if (days.size() >= 3 && days.get(days.size() - 1).getValue() - days.get(0).getValue() == days.size() - 1) {
            return dayName(days.get(0)) + " to " + dayName(days.get(days.size() - 1));
        }
        return "on " + join(days.stream().map(Describe::dayName).toList());
    }

    /** The step of a set that is exactly 0, s, 2s... up to max, or 0 when it is not one. */
    private static int step(BitSet values, int max) {
        int second = values.nextSetBit(1);
        if (!values.get(0) || second < 0) {
            return 0;
        }
        for (int v = 0; v < max; v++) {
            if (values.get(v) != (v % second == 0)) {
                return 0;
            }
        }
        return second;
    }

    private static List<String> numbers(BitSet values) {
        return values.stream().mapToObj(Integer::toString).toList();
    }

    private static List<String> names(BitSet values, java.util.function.IntFunction<String> name) {
        return values.stream().mapToObj(name).toList();
    }

    private static String monthName(int m) {
        return Month.of(m).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String dayName(DayOfWeek d) {
        return d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    private static String join(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
