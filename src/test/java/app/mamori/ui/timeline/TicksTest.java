package app.mamori.ui.timeline;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class TicksTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z"); // Wednesday 12:00 in Tokyo
    private static final Ticks.Labels EN = Ticks.Labels.of("Today", "Yesterday", "This week", "EEE d MMM", "MMM yyyy",
            "yyyy", Locale.ENGLISH);
    private static final Ticks.Labels JA = Ticks.Labels.of("今日", "昨日", "今週", "M月d日(E)", "yyyy年M月", "yyyy年",
            Locale.JAPANESE);

    private static List<String> labels(Duration span, Ticks.Labels labels) {
        return Ticks.of(TimeScale.endingAt(NOW, span), 1000, TOKYO, NOW, labels).stream().map(Ticks.Tick::label)
                .toList();
    }

    @Test
    void aWeekIsLabelledByDaysEndingWithYesterdayAndTodayOnTheLocalWallClock() {
        assertThat(labels(Duration.ofDays(7), EN)).endsWith("Mon 30 Nov", "Yesterday", "Today");
        assertThat(labels(Duration.ofDays(7), JA)).endsWith("11月30日(月)", "昨日", "今日");
    }

    @Test
    void aDayIsLabelledByHoursAndMidnightSaysWhichDay() {
        List<String> day = labels(Duration.ofHours(30), EN);

        assertThat(day).contains("Today", "06:00", "09:00").doesNotContain("00:00");
    }

    /** Zoomed out past decades, the labels thin out instead of running into each other. */
    @Test
    void aCenturyKeepsItsLabelsApart() {
        List<Ticks.Tick> ticks = Ticks.of(TimeScale.endingAt(NOW, Duration.ofDays(104 * 365)), 720, TOKYO, NOW, JA);
        TimeScale scale = TimeScale.endingAt(NOW, Duration.ofDays(104 * 365));

        assertThat(ticks).hasSizeBetween(2, 12);
        for (int i = 1; i < ticks.size(); i++) {
            assertThat(scale.x(ticks.get(i).time(), 720) - scale.x(ticks.get(i - 1).time(), 720))
                    .isGreaterThanOrEqualTo(Ticks.MIN_GAP_PX);
        }
    }

    @Test
    void monthsAndYearsLabelCoarserSpans() {
        assertThat(labels(Duration.ofDays(200), EN)).contains("Jul 2026", "Dec 2026");
        assertThat(labels(Duration.ofDays(20 * 365), JA)).contains("2010年", "2020年");
        assertThat(labels(Duration.ofDays(60), EN)).contains("This week");
    }

    @Test
    void zoomKeepsTheTimeUnderThePointerWhereItIsAndStopsAtMinutesAndDecades() {
        TimeScale s = TimeScale.of(NOW.minus(Duration.ofDays(10)), NOW);
        double pointer = s.time(250, 1000);

        TimeScale in = s.zoomed(0.5, 0.25);

        assertThat(in.x(pointer, 1000)).isEqualTo(250, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(in.span()).isEqualTo(s.span() / 2);
        assertThat(s.zoomed(1e-9, 0.5).span()).isEqualTo(TimeScale.MIN_SPAN);
        assertThat(s.zoomed(1e9, 0.5).span()).isEqualTo(TimeScale.MAX_SPAN);
    }
}
