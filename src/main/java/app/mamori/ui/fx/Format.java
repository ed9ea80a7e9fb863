package app.mamori.ui.fx;

import app.mamori.util.Bytes;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Times, ages, sizes and rates as the screens show them, in the bundle's words. */
public final class Format {
    private final I18n text;
    private final ZoneId zone;
    /**
     * Local time with seconds: two points of one job can share a minute, and an admin reading
     * a time aloud during an incident must name one of them. The same form in every language.
     */
    private final DateTimeFormatter when = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    public Format(I18n text, ZoneId zone) {
        this.text = text;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public String when(Optional<Instant> t, String noneKey) {
        return t.map(this::when).orElse(text.t(noneKey));
    }

    public String when(Instant t) {
        return when.format(t.atZone(zone));
    }

    /** "Paused (since 2026-11-24 14:00:00, moving db1)": a paused job, as the dashboard and the Jobs page say it. */
    public String paused(Instant since, Optional<String> reason) {
        return reason.map(r -> text.t("jobs.paused", when(since), r)).orElse(text.t("jobs.paused.noReason", when(since)));
    }

    /** "5 min ago", "3 h ago", "2 days ago". */
    public String ago(Instant t, Instant now) {
        Duration d = Duration.between(t, now);
        if (d.toMinutes() < 1) {
            return text.t("age.now");
        }
        if (d.toMinutes() < 120) {
            return text.t("age.minutes", d.toMinutes());
        }
        if (d.toHours() < 48) {
            return text.t("age.hours", d.toHours());
        }
        return text.t("age.days", d.toDays());
    }

    public String bytes(long n) {
        return Bytes.human(n);
    }

    public String rate(long bytesPerSecond) {
        return bytesPerSecond <= 0 ? "" : Bytes.human(bytesPerSecond) + "/s";
    }

    /** "1 min 05 s"; empty when unknown. */
    public String eta(long seconds) {
        if (seconds < 0) {
            return text.t("eta.unknown");
        }
        return seconds >= 60 ? text.t("eta.minutes", seconds / 60, String.format("%02d", seconds % 60))
                : text.t("eta.seconds", seconds);
    }
}
