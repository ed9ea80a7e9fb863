package app.mamori.schedule;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Due times on the days clocks change, in Berlin and New York, for presets and cron expressions. */
class ScheduleDstTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aDailyTimeSkippedBySpringForwardRunsOnceAtTheEndOfTheGap() {
        Schedule daily = Schedule.parse("daily 02:30");
        Instant before = local("2026-03-28T02:30", BERLIN);

        Instant gapDay = daily.next(before, BERLIN);
        Instant dayAfter = daily.next(gapDay, BERLIN);

        assertThat(gapDay).isEqualTo(Instant.parse("2026-03-29T01:00:00Z")); // 03:00 CEST, the first minute after the gap
        assertThat(dayAfter).isEqualTo(Instant.parse("2026-03-30T00:30:00Z")); // 02:30 CEST
    }

    @Test
    void aDailyTimeRepeatedByFallBackRunsOnceTheFirstTime() {
        Schedule daily = Schedule.parse("30 2 * * *");
        Instant before = local("2026-10-24T02:30", BERLIN);

        Instant repeatDay = daily.next(before, BERLIN);
        Instant dayAfter = daily.next(repeatDay, BERLIN);

        assertThat(repeatDay).isEqualTo(Instant.parse("2026-10-25T00:30:00Z")); // 02:30 CEST
        assertThat(dayAfter).isEqualTo(Instant.parse("2026-10-26T01:30:00Z")); // 02:30 CET, a day later: not 01:30Z the same day
    }

    @Test
    void newYorkRunsTheRepeated0130OnceAndTheSkipped0230AtThreeOClock() {
        Instant fallBack = Schedule.parse("daily 01:30").next(local("2026-10-31T12:00", NEW_YORK), NEW_YORK);
        Instant after = Schedule.parse("daily 01:30").next(fallBack, NEW_YORK);
        Instant springForward = Schedule.parse("daily 02:30").next(local("2026-03-07T12:00", NEW_YORK), NEW_YORK);

        assertThat(fallBack).isEqualTo(Instant.parse("2026-11-01T05:30:00Z")); // 01:30 EDT
        assertThat(after).isEqualTo(Instant.parse("2026-11-02T06:30:00Z"));
        assertThat(springForward).isEqualTo(Instant.parse("2026-03-08T07:00:00Z")); // 03:00 EDT
    }

    @Test
    void aWeeklyPresetOnTheSpringForwardSundayRunsAfterTheGap() {
        Instant next = Schedule.parse("weekly sun 02:30").next(local("2026-03-23T00:00", BERLIN), BERLIN);

        assertThat(next).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    }

    @Test
    void hourlyRunsEveryRealHourAcrossBothChanges() {
        Schedule hourly = Schedule.parse("hourly");

        List<Instant> spring = runsOnLocalDay(hourly, LocalDate.of(2026, 3, 29), BERLIN);
        List<Instant> autumn = runsOnLocalDay(hourly, LocalDate.of(2026, 10, 25), BERLIN);

        assertThat(spring).hasSize(23);
        assertThat(autumn).hasSize(25);
        assertThat(gaps(spring)).containsOnly(Duration.ofHours(1));
        assertThat(gaps(autumn)).containsOnly(Duration.ofHours(1));
    }

    @Test
    void quarterHoursInsideTheGapCollapseIntoOneRun() {
        Schedule s = Schedule.parse("*/15 2 * * *");

        List<Instant> runs = runsOnLocalDay(s, LocalDate.of(2026, 3, 29), BERLIN);

        assertThat(runs).containsExactly(Instant.parse("2026-03-29T01:00:00Z"));
    }

    @Test
    void quarterHoursInTheRepeatedHourRunOnlyInTheFirst() {
        Schedule s = Schedule.parse("*/15 2 * * *");

        List<Instant> runs = runsOnLocalDay(s, LocalDate.of(2026, 10, 25), BERLIN);

        assertThat(runs).containsExactly(Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-25T00:15:00Z"),
                Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-25T00:45:00Z"));
    }

    @Test
    void aFullYearOfDailyRunsInBerlinIsOnePerCalendarDay() {
        Schedule daily = Schedule.parse("daily 02:30");
        Instant t = local("2025-12-31T12:00", BERLIN);
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < 365; i++) {
            t = daily.next(t, BERLIN);
            days.add(LocalDateTime.ofInstant(t, BERLIN).toLocalDate());
        }

        assertThat(days).doesNotHaveDuplicates();
        assertThat(days.get(0)).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(days.get(364)).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    private static List<Instant> runsOnLocalDay(Schedule s, LocalDate day, ZoneId zone) {
        Instant start = day.atStartOfDay(zone).toInstant().minusSeconds(1);
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<Instant> runs = new ArrayList<>();
        for (Instant t = s.next(start, zone); t.isBefore(end); t = s.next(t, zone)) {
            runs.add(t);
        }
        return runs;
    }

    private static List<Duration> gaps(List<Instant> runs) {
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < runs.size(); i++) {
            gaps.add(Duration.between(runs.get(i - 1), runs.get(i)));
        }
        return gaps;
    }

    private static Instant local(String t, ZoneId zone) {
        return LocalDateTime.parse(t).atZone(zone).toInstant();
    }
}
