package app.mamori.schedule;

import app.mamori.model.Refused;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a job runs: a preset ({@code hourly}, {@code daily HH:MM}, {@code weekly DAY HH:MM},
 * {@code monthly} and {@code quarterly}, both at 03:00 on the 1st, meant for restore drills), a
 * cron macro ({@code @daily}...) or a five-field cron expression. Kept as the admin wrote it;
 * every preset is a cron expression underneath.
 */
public final class Schedule {
    private static final Pattern DAILY = Pattern.compile("daily\\s+(\\d{1,2}):(\\d{2})");
    private static final Pattern WEEKLY = Pattern.compile("weekly\\s+([a-z]{3})[a-z]*\\s+(\\d{1,2}):(\\d{2})");

    private final String text;
    private final CronExpression cron;
    private Duration interval;

    private Schedule(String text, CronExpression cron) {
        this.text = text;
        this.cron = cron;
    }

    /** Parses what {@code --schedule} takes; the message of a refusal says what is accepted. */
    public static Schedule parse(String text) {
        if (text == null || text.isBlank()) {
            throw Refused.of("scheduleEmpty", "--schedule: give hourly, 'daily 02:30', 'weekly mon 02:30' or a cron"
                    + " expression such as '30 2 * * *'");
        }
        String t = text.trim().replaceAll("\\s+", " ");
        String lower = t.toLowerCase(Locale.ROOT);
        String cron = toCron(lower);
        return new Schedule(t, CronExpression.parse(cron.equals(lower) ? t : cron));
    }

    private static String toCron(String lower) {
        switch (lower) {
            case "hourly", "@hourly":
                return "0 * * * *";
            case "@daily", "@midnight":
                return "0 0 * * *";
            case "@weekly":
                return "0 0 * * 0";
            case "@monthly":
                return "0 0 1 * *";
            case "monthly":
                return "0 3 1 * *";
            case "quarterly":
                return "0 3 1 1,4,7,10 *";
            case "@yearly", "@annually":
                return "0 0 1 1 *";
            default:
                break;
        }
        Matcher daily = DAILY.matcher(lower);
        if (daily.matches()) {
            return minute(daily.group(2)) + " " + hour(daily.group(1)) + " * * *";
        }
        Matcher weekly = WEEKLY.matcher(lower);
        if (weekly.matches()) {
            String day = weekly.group(1).toUpperCase(Locale.ROOT);
            if (!CronField.DAYS.contains(day)) {
                throw Refused.of("scheduleDay", "--schedule: '" + weekly.group(1) + "' is not a day; use mon, tue,"
                        + " wed, thu, fri, sat or sun", weekly.group(1));
            }
            return minute(weekly.group(3)) + " " + hour(weekly.group(2)) + " * * " + day;
        }
        if (lower.startsWith("daily") || lower.startsWith("weekly")) {
            throw Refused.of("scheduleTime", "--schedule: write 'daily HH:MM' or 'weekly DAY HH:MM', e.g."
                    + " 'daily 02:30' or 'weekly mon 02:30'");
        }
        return lower;
    }

    private static int hour(String h) {
        int v = Integer.parseInt(h);
        if (v > 23) {
            throw Refused.of("scheduleHour", "--schedule: hour " + h + " is not 00-23", h);
        }
        return v;
    }

    private static int minute(String m) {
        int v = Integer.parseInt(m);
        if (v > 59) {
            throw Refused.of("scheduleMinute", "--schedule: minute " + m + " is not 00-59", m);
        }
        return v;
    }

    /** As the admin wrote it (spaces tidied), which is what the catalogue keeps. */
    public String text() {
        return text;
    }

    /** The five-field cron expression underneath. */
    public String cron() {
        return cron.text();
    }

    /** In plain words: "every day at 02:30". */
    public String describe() {
        return Describe.of(cron);
    }

    /** The fields' values, for saying the schedule in another language than {@link #describe()}'s English. */
    public ScheduleParts parts() {
        return ScheduleParts.of(cron);
    }

    /** The first run strictly after {@code after}, on the wall clock of {@code zone}. */
    public Instant next(Instant after, ZoneId zone) {
        return cron.next(after, zone).orElseThrow(() -> new IllegalStateException("schedule '" + text
                + "' has no run in the next eight years"));
    }

    /**
     * The longest time between two runs (a weekday schedule: the weekend), which overdue is
     * measured against. Counted on a calendar without clock changes.
     */
    public synchronized Duration interval() {
        if (interval == null) {
            interval = Interval.longestGap(cron);
        }
        return interval;
    }

    /** A job is overdue when its last success is older than 1.5 times the interval. */
    public Duration overdueAfter() {
        return interval().multipliedBy(3).dividedBy(2);
    }

    @Override
    public String toString() {
        return text;
    }
}
