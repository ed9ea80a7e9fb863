package app.mamori.ui.fx;

import app.mamori.schedule.ScheduleParts;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A schedule in the app's language, built from its cron fields: "毎日 02:30", "月曜日〜金曜日 22:00".
 * Follows the shapes of the engine's English description (schedule.Describe), which the CLI
 * keeps printing; only the words and their order come from the bundle.
 */
public final class ScheduleWords {
    private static final int MAX_LISTED_TIMES = 6;
    private final I18n text;

    public ScheduleWords(I18n text) {
        this.text = text;
    }

    public String of(ScheduleParts c) {
        String days = days(c);
        String when = time(c, days);
        return c.monthsStar() ? when
                : text.t("schedule.inMonths", when, join(c.months().stream().mapToObj(this::month).toList()));
    }

    private String time(ScheduleParts c, String days) {
        BitSet min = c.minutes();
        BitSet hrs = c.hours();
        boolean allHours = hrs.cardinality() == 24;
        String phrase = null;
        if (min.cardinality() == 60 && allHours) {
            phrase = text.t("schedule.everyMinute");
        } else if (allHours && step(min, 60) > 1) {
            phrase = text.t("schedule.everyMinutes", step(min, 60));
        } else if (min.cardinality() == 1 && allHours) {
            phrase = text.t("schedule.everyHourAt", two(min.nextSetBit(0)));
        } else if (min.cardinality() == 1 && step(hrs, 24) > 1) {
            phrase = text.t("schedule.everyHoursAt", step(hrs, 24), two(min.nextSetBit(0)));
        }
        if (phrase != null) {
            return days.isEmpty() ? phrase : text.t("schedule.onDays", phrase, days);
        }
        if (min.cardinality() * hrs.cardinality() <= MAX_LISTED_TIMES) {
            List<String> times = new ArrayList<>();
            hrs.stream().forEach(h -> min.stream().forEach(m -> times.add(two(h) + ":" + two(m))));
            return text.t("schedule.daysAt", days.isEmpty() ? text.t("schedule.everyDay") : days, join(times));
        }
        String minutes = text.t("schedule.minutesOfHours", join(numbers(min)), join(numbers(hrs)));
        return text.t("schedule.onDays", minutes, days.isEmpty() ? text.t("schedule.everyDay") : days);
    }

    private String days(ScheduleParts c) {
        String dom = text.t("schedule.daysOfMonth", join(numbers(c.daysOfMonth())));
        if (c.daysOfMonthStar() && c.daysOfWeekStar()) {
            return "";
        }
        if (c.daysOfMonthStar()) {
            return weekdays(c.daysOfWeek());
        }
        return c.daysOfWeekStar() ? dom : text.t("schedule.domAndDow", dom, weekdays(c.daysOfWeek()));
    }

    private String weekdays(BitSet cronDays) {
        List<DayOfWeek> days = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            if (cronDays.get(i % 7)) {
                days.add(DayOfWeek.of(i));
            }
        }
        if (days.size() == 7) {
            return text.t("schedule.everyDay");
        }
        if (days.size() == 1) {
            return text.t("schedule.everyWeekday", day(days.get(0)));
        }
        DayOfWeek first = days.get(0);
        DayOfWeek last = days.get(days.size() - 1);
        if (days.size() >= 3 && last.getValue() - first.getValue() == days.size() - 1) {
            return text.t("schedule.weekdayRange", day(first), day(last));
        }
        return text.t("schedule.onWeekdays", join(days.stream().map(this::day).toList()));
    }

    private String day(DayOfWeek d) {
        return d.getDisplayName(TextStyle.FULL, text.locale());
    }

    private String month(int m) {
        return Month.of(m).getDisplayName(TextStyle.FULL, text.locale());
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

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    /** "a, b and c" in English; Japanese lists with 、 and no word for the last one. */
    private String join(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return text.t("schedule.listLast", String.join(text.t("schedule.listSeparator"),
                items.subList(0, items.size() - 1)), items.get(items.size() - 1));
    }
}
