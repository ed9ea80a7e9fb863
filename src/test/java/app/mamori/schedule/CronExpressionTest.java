package app.mamori.schedule;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parsing, matching, words and intervals of cron expressions and presets. */
class CronExpressionTest {

    @Test
    void listsRangesStepsAndNamesAreParsed() {
        CronExpression c = CronExpression.parse("0,30 9-17/2 1-7 jan,JUL MON-FRI");

        assertThat(c.minutes().values().stream()).containsExactly(0, 30);
        assertThat(c.hours().values().stream()).containsExactly(9, 11, 13, 15, 17);
        assertThat(c.months().values().stream()).containsExactly(1, 7);
        assertThat(c.daysOfWeek().values().stream()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void sevenIsSundayAsIsZero() {
        assertThat(CronExpression.parse("0 0 * * 7").daysOfWeek().values().stream()).containsExactly(0);
        assertThat(CronExpression.parse("0 0 * * 5-7").daysOfWeek().values().stream()).containsExactly(0, 5, 6);
    }

    @Test
    void bothDayFieldsRestrictedRunOnEitherAsVixieCronDoes() {
        List<LocalDate> days = daysIn2026("0 0 13 * FRI");

        assertThat(days).contains(LocalDate.of(2026, 1, 13), LocalDate.of(2026, 1, 2), LocalDate.of(2026, 2, 13));
        assertThat(days).allMatch(d -> d.getDayOfMonth() == 13 || d.getDayOfWeek() == DayOfWeek.FRIDAY);
        assertThat(days).hasSize(12 + 52 - 3); // 13ths, Fridays, minus the three Fridays the 13th of 2026
    }

    @Test
    void aStarredDayFieldLeavesTheOtherAlone() {
        assertThat(daysIn2026("0 0 13 * *")).hasSize(12);
        assertThat(daysIn2026("0 0 * * FRI")).hasSize(52);
        assertThat(daysIn2026("0 0 */2 * FRI")).allMatch(d -> d.getDayOfWeek() == DayOfWeek.FRIDAY
                && d.getDayOfMonth() % 2 == 1);
    }

    @Test
    void wrongExpressionsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Schedule.parse("61 * * * *")).hasMessageContaining("minute '61'");
        assertThatThrownBy(() -> Schedule.parse("* * * *")).hasMessageContaining("has 4 field(s)");
        assertThatThrownBy(() -> Schedule.parse("0 0 30 2 *")).hasMessageContaining("never happens");
        assertThatThrownBy(() -> Schedule.parse("0 0 * * FUNDAY")).hasMessageContaining("'FUNDAY'");
        assertThatThrownBy(() -> Schedule.parse("daily 25:00")).hasMessageContaining("hour 25");
        assertThatThrownBy(() -> Schedule.parse("weekly xyz 02:00")).hasMessageContaining("not a day");
        assertThatThrownBy(() -> Schedule.parse("*/0 * * * *")).hasMessageContaining("step");
    }

    @Test
    void presetsBecomeCronExpressions() {
        assertThat(Schedule.parse("hourly").cron()).isEqualTo("0 * * * *");
        assertThat(Schedule.parse("daily 02:30").cron()).isEqualTo("30 2 * * *");
        assertThat(Schedule.parse("Weekly Monday 2:05").cron()).isEqualTo("5 2 * * MON");
        assertThat(Schedule.parse("@monthly").cron()).isEqualTo("0 0 1 * *");
    }

    @Test
    void schedulesAreDescribedInPlainWords() {
        assertThat(Schedule.parse("daily 02:30").describe()).isEqualTo("every day at 02:30");
        assertThat(Schedule.parse("weekly mon 02:30").describe()).isEqualTo("every Monday at 02:30");
        assertThat(Schedule.parse("hourly").describe()).isEqualTo("every hour at :00");
        assertThat(Schedule.parse("*/15 * * * *").describe()).isEqualTo("every 15 minutes");
        assertThat(Schedule.parse("0 22 * * 1-5").describe()).isEqualTo("Monday to Friday at 22:00");
        assertThat(Schedule.parse("0 3 1 * *").describe()).isEqualTo("on day 1 of the month at 03:00");
        assertThat(Schedule.parse("0 */6 * * *").describe()).isEqualTo("every 6 hours at :00 (from 00:00)");
        assertThat(Schedule.parse("0 4 1 1,7 *").describe()).isEqualTo("on day 1 of the month at 04:00 in January and July");
        assertThat(Schedule.parse("0 8,20 * * *").describe()).isEqualTo("every day at 08:00 and 20:00");
    }

    @Test
    void theIntervalIsTheLongestGapBetweenRuns() {
        assertThat(Schedule.parse("hourly").interval()).isEqualTo(Duration.ofHours(1));
        assertThat(Schedule.parse("daily 02:30").interval()).isEqualTo(Duration.ofDays(1));
        assertThat(Schedule.parse("weekly mon 02:30").interval()).isEqualTo(Duration.ofDays(7));
        assertThat(Schedule.parse("0 2 * * 1-5").interval()).as("Friday to Monday").isEqualTo(Duration.ofDays(3));
        assertThat(Schedule.parse("0 8,20 * * *").interval()).isEqualTo(Duration.ofHours(12));
        assertThat(Schedule.parse("daily 02:30").overdueAfter()).isEqualTo(Duration.ofHours(36));
    }

    private static List<LocalDate> daysIn2026(String expression) {
        Schedule s = Schedule.parse(expression);
        List<LocalDate> days = new ArrayList<>();
        Instant end = Instant.parse("2027-01-01T00:00:00Z");
        for (Instant t = s.next(Instant.parse("2025-12-31T23:59:00Z"), ZoneOffset.UTC); t.isBefore(end);
             t = s.next(t, ZoneOffset.UTC)) {
            days.add(t.atZone(ZoneOffset.UTC).toLocalDate());
        }
        return days;
    }
}
