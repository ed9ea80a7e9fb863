package app.mamori.schedule;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * next() against the rules applied the slow way: walk real time minute by minute through the
 * weeks of both clock changes and decide for each minute, from its wall time alone, whether
 * a run happens then.
 */
class NextAgainstMinuteWalkTest {
    private static final List<String> EXPRESSIONS = List.of("hourly", "daily 02:30", "daily 01:30", "*/15 2 * * *",
            "*/20 * * * *", "0 2 * * SUN", "45 2,3 * * *", "0 0-3 * * *", "59 23 * * *");

    @Test
    void nextMatchesAMinuteByMinuteWalkAroundEveryClockChange() {
        for (ZoneId zone : List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"))) {
            for (String week : List.of("2026-03-05T00:00:00Z", "2026-03-26T00:00:00Z", "2026-10-22T00:00:00Z",
                    "2026-10-29T00:00:00Z")) {
                Instant from = Instant.parse(week);
                Instant to = from.plus(Duration.ofDays(5));
                for (String e : EXPRESSIONS) {
                    Schedule s = Schedule.parse(e);
                    assertThat(viaNext(s, zone, from, to)).as(e + " in " + zone + " from " + week)
                            .isEqualTo(viaWalk(CronExpression.parse(s.cron()), zone, from, to));
                }
            }
        }
    }

    private static List<Instant> viaNext(Schedule s, ZoneId zone, Instant from, Instant to) {
        List<Instant> runs = new ArrayList<>();
        for (Instant t = s.next(from, zone); t.isBefore(to); t = s.next(t, zone)) {
            runs.add(t);
        }
        return runs;
    }

    private static List<Instant> viaWalk(CronExpression c, ZoneId zone, Instant from, Instant to) {
        List<Instant> runs = new ArrayList<>();
        for (Instant m = from.plus(Duration.ofMinutes(1)); m.isBefore(to); m = m.plus(Duration.ofMinutes(1))) {
            LocalDateTime local = LocalDateTime.ofInstant(m, zone);
            boolean run = matches(c, local) && (c.hours().star() || !secondTime(zone, m));
            ZoneOffsetTransition change = zone.getRules().previousTransition(m.plusSeconds(1));
            if (change != null && change.getInstant().equals(m) && change.isGap()) {
                // the first minute after a skipped stretch also runs what the stretch skipped
                for (LocalDateTime g = change.getDateTimeBefore(); g.isBefore(change.getDateTimeAfter());
                     g = g.plusMinutes(1)) {
                    run |= matches(c, g);
                }
            }
            if (run) {
                runs.add(m);
            }
        }
        return runs;
    }

    private static boolean matches(CronExpression c, LocalDateTime t) {
        return c.runsOn(t.toLocalDate()) && c.hours().allows(t.getHour()) && c.minutes().allows(t.getMinute());
    }

    /** This wall time already happened an hour earlier: the repeated hour after clocks went back. */
    private static boolean secondTime(ZoneId zone, Instant m) {
        LocalDateTime local = LocalDateTime.ofInstant(m, zone);
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        return offsets.size() == 2 && local.toInstant(offsets.get(0)).isBefore(m);
    }

    @Test
    void theWalkItselfSeesTheChanges() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        CronExpression daily = CronExpression.parse("30 2 * * *");
        Instant from = Instant.parse("2026-03-28T00:00:00Z");

        assertThat(viaWalk(daily, berlin, from, from.plus(Duration.ofDays(2))))
                .containsExactly(Instant.parse("2026-03-28T01:30:00Z"), Instant.parse("2026-03-29T01:00:00Z"));
    }
}
