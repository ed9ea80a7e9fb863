package app.mamori.ui.timeline;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the time axis puts its ticks and what they say, on the wall clock of the admin's zone:
 * hours at a close zoom (a midnight says which day), then days (Today, Yesterday), weeks (This
 * week), months and years. The step is the smallest that leaves {@link #MIN_GAP_PX} between labels.
 */
public final class Ticks {
    static final double MIN_GAP_PX = 84;

    /** The words and patterns the labels use, from the message bundle. */
    public record Labels(String today, String yesterday, String thisWeek, DateTimeFormatter time,
                         DateTimeFormatter day, DateTimeFormatter month, DateTimeFormatter year) {
        public static Labels of(String today, String yesterday, String thisWeek, String dayPattern,
                                String monthPattern, String yearPattern, Locale locale) {
            return new Labels(today, yesterday, thisWeek, DateTimeFormatter.ofPattern("HH:mm", locale),
                    DateTimeFormatter.ofPattern(dayPattern, locale), DateTimeFormatter.ofPattern(monthPattern, locale),
                    DateTimeFormatter.ofPattern(yearPattern, locale));
        }
    }

    /** One tick: its time, its label, and whether it starts a day or longer (drawn stronger). */
    public record Tick(long time, String label, boolean major) {
    }

    private enum Step {
        MIN_5(ChronoUnit.MINUTES, 5), MIN_15(ChronoUnit.MINUTES, 15), MIN_30(ChronoUnit.MINUTES, 30),
        HOUR_1(ChronoUnit.HOURS, 1), HOUR_3(ChronoUnit.HOURS, 3), HOUR_6(ChronoUnit.HOURS, 6),
        HOUR_12(ChronoUnit.HOURS, 12), DAY(ChronoUnit.DAYS, 1), WEEK(ChronoUnit.WEEKS, 1),
        MONTH(ChronoUnit.MONTHS, 1), QUARTER(ChronoUnit.MONTHS, 3), YEAR(ChronoUnit.YEARS, 1),
        YEAR_5(ChronoUnit.YEARS, 5), YEAR_10(ChronoUnit.YEARS, 10), YEAR_50(ChronoUnit.YEARS, 50);

        final ChronoUnit unit;
        final int amount;

        Step(ChronoUnit unit, int amount) {
            this.unit = unit;
            this.amount = amount;
        }

        double approxMillis() {
            return unit.getDuration().toMillis() * (double) amount;
        }
    }

    private Ticks() {
    }

    public static List<Tick> of(TimeScale scale, double width, ZoneId zone, Instant now, Labels labels) {
        Step step = Step.YEAR_50;
        for (Step s : Step.values()) {
            if (scale.x(scale.start() + s.approxMillis(), width) >= MIN_GAP_PX) {
                step = s;
                break;
            }
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        List<Tick> ticks = new ArrayList<>();
        ZonedDateTime t = first(scale.startInstant().atZone(zone), step);
        while (t.toInstant().toEpochMilli() <= scale.end()) {
            if (t.toInstant().toEpochMilli() >= scale.start()) {
                ticks.add(new Tick(t.toInstant().toEpochMilli(), label(t, step, today, labels),
                        step.ordinal() >= Step.DAY.ordinal() || t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)));
            }
            t = t.plus(step.amount, step.unit);
        }
        return ticks;
    }

    /** The first tick at or before {@code start}, on a round boundary of the step. */
    private static ZonedDateTime first(ZonedDateTime start, Step step) {
        ZonedDateTime day = start.truncatedTo(ChronoUnit.DAYS);
        return switch (step) {
            case MIN_5, MIN_15, MIN_30 -> start.truncatedTo(ChronoUnit.HOURS);
            case HOUR_1, HOUR_3, HOUR_6, HOUR_12, DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.withDayOfMonth(1).withMonth(((day.getMonthValue() - 1) / 3) * 3 + 1);
            case YEAR -> day.withDayOfYear(1);
            case YEAR_5, YEAR_10, YEAR_50 -> day.withDayOfYear(1).withYear(day.getYear()
                    - Math.floorMod(day.getYear(), step.amount));
        };
    }

    private static String label(ZonedDateTime t, Step step, LocalDate today, Labels labels) {
        LocalDate date = t.toLocalDate();
        return switch (step) {
            case MIN_5, MIN_15, MIN_30, HOUR_1, HOUR_3, HOUR_6, HOUR_12 -> t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                    ? day(date, today, labels) : labels.time().format(t);
            case DAY -> day(date, today, labels);
            case WEEK -> date.equals(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
                    ? labels.thisWeek() : labels.day().format(t);
            case MONTH, QUARTER -> labels.month().format(t);
            case YEAR, YEAR_5, YEAR_10, YEAR_50 -> labels.year().format(t);
        };
    }

    private static String day(LocalDate date, LocalDate today, Labels labels) {
        if (date.equals(today)) {
            return labels.today();
        }
        if (date.equals(today.minusDays(1))) {
            return labels.yesterday();
        }
        return labels.day().format(date);
    }
}
