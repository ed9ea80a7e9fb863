package app.mamori.schedule;

import app.mamori.model.Refused;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A five-field cron expression (minute, hour, day of month, month, day of week) with Vixie
 * cron's meaning, evaluated on the wall clock of a time zone.
 *
 * <p>Daylight-saving changes: a wall-clock time that does not exist that day (02:30 when clocks
 * jump from 02:00 to 03:00) runs once, at the end of the gap; a time that happens twice (01:30
 * when clocks go back) runs once, the first time, unless the hour field is {@code *}: an
 * every-hour schedule runs in both of the repeated hours, as Vixie cron does, so that its
 * runs stay an hour apart in real time.
 */
final class CronExpression {
    /** Long enough for the rarest expression that can match at all: 29 February on a given weekday. */
    private static final int MAX_DAYS = 8 * 366 + 30;
    private static final int SEARCH_BACK_HOURS = 3;
    private static final java.time.Duration CHANGE_WINDOW = java.time.Duration.ofHours(6);

    private final String text;
    private final CronField minutes;
    private final CronField hours;
    private final CronField daysOfMonth;
    private final CronField months;
    private final CronField daysOfWeek;

    private CronExpression(String text, CronField minutes, CronField hours, CronField daysOfMonth, CronField months,
                           CronField daysOfWeek) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
    }

    static CronExpression parse(String text) {
        String[] f = text.trim().split("\\s+");
        if (f.length != 5) {
            throw Refused.of("cronFields", "--schedule: '" + text + "' has " + f.length + " field(s); a cron"
                    + " expression has 5 (minute hour day-of-month month day-of-week, e.g. '30 2 * * *'),"
                    + " or use hourly, 'daily 02:30', 'weekly mon 02:30'", text.trim(), f.length);
        }
        CronField dow = CronField.parse("day of week", f[4], 0, 7, CronField.DAYS, 0);
        if (dow.allows(7)) {
            dow.values().set(0);
            dow.values().clear(7);
        }
        CronExpression e = new CronExpression(String.join(" ", f),
                CronField.parse("minute", f[0], 0, 59, List.of(), 0),
                CronField.parse("hour", f[1], 0, 23, List.of(), 0),
                CronField.parse("day of month", f[2], 1, 31, List.of(), 0),
                CronField.parse("month", f[3], 1, 12, CronField.MONTHS, 1),
                dow);
        if (e.next(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC).isEmpty()) {
            throw Refused.of("cronNever", "--schedule: '" + text + "' never happens (no such day)", text.trim());
        }
        return e;
    }

    String text() {
        return text;
    }

    CronField minutes() {
        return minutes;
    }

    CronField hours() {
        return hours;
    }

    CronField daysOfMonth() {
        return daysOfMonth;
    }

    CronField months() {
        return months;
    }

    CronField daysOfWeek() {
        return daysOfWeek;
    }

    /** Vixie cron: when both day fields are restricted, a day matching either runs. */
    boolean runsOn(LocalDate day) {
        if (!months.allows(day.getMonthValue())) {
            return false;
        }
        boolean dom = daysOfMonth.allows(day.getDayOfMonth());
        boolean dow = daysOfWeek.allows(day.getDayOfWeek().getValue() % 7);
        if (daysOfMonth.star() || daysOfWeek.star()) {
            return dom && dow;
        }
        return dom || dow;
    }

    /** The first run strictly after {@code after}, on the wall clock of {@code zone}; empty if none in 8 years. */
    Optional<Instant> next(Instant after, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        // Near a clock change, start a little earlier on the wall clock: when clocks go back, a
        // wall time before after's own can still come later in real time.
        LocalDateTime start = LocalDateTime.ofInstant(after, zone)
                .minusHours(nearChange(rules, after) ? SEARCH_BACK_HOURS : 0).truncatedTo(ChronoUnit.MINUTES);
        Instant best = null;
        LocalDateTime bestLocal = null;
        boolean bestNearChange = false;
        LocalDate day = start.toLocalDate();
        for (int d = 0; d < MAX_DAYS; d++, day = day.plusDays(1)) {
            if (bestLocal != null && day.isAfter(bestLocal.toLocalDate().plusDays(1))) {
                break;
            }
            if (!runsOn(day)) {
                continue;
            }
            for (int h = hours.values().nextSetBit(0); h >= 0; h = hours.values().nextSetBit(h + 1)) {
                for (int m = minutes.values().nextSetBit(0); m >= 0; m = minutes.values().nextSetBit(m + 1)) {
                    LocalDateTime t = day.atTime(h, m);
                    if (t.isBefore(start)) {
                        continue;
                    }
                    if (bestLocal != null && (!bestNearChange || t.isAfter(bestLocal.plusHours(SEARCH_BACK_HOURS)))) {
                        return Optional.of(best);
                    }
                    for (Instant i : instants(t, rules)) {
                        if (i.isAfter(after) && (best == null || i.isBefore(best))) {
                            best = i;
                            bestLocal = t;
                            bestNearChange = nearChange(rules, i);
                        }
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Away from a clock change, wall time and real time run in the same order and the first match is the answer. */
    private static boolean nearChange(ZoneRules rules, Instant t) {
        ZoneOffsetTransition change = rules.nextTransition(t.minus(CHANGE_WINDOW));
        return change != null && change.getInstant().isBefore(t.plus(CHANGE_WINDOW));
    }

    /** When wall time {@code t} happens: once, at the end of a gap, or in one or both repeated hours. */
    private List<Instant> instants(LocalDateTime t, ZoneRules rules) {
        List<ZoneOffset> offsets = rules.getValidOffsets(t);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(t);
            return List.of(gap.getInstant());
        }
        if (offsets.size() == 1) {
            return List.of(t.toInstant(offsets.get(0)));
        }
        if (!hours.star()) {
            Instant a = t.toInstant(offsets.get(0));
            Instant b = t.toInstant(offsets.get(1));
            return List.of(a.isBefore(b) ? a : b);
        }
        List<Instant> both = new ArrayList<>();
        offsets.forEach(o -> both.add(t.toInstant(o)));
        return both;
    }
}
