package app.mamori.engine.restore;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Which restore point a restore starts from. */
public sealed interface PointChoice {

    /** The newest succeeded job point holding the source. */
    record Latest() implements PointChoice {
    }

    /** Exactly this point ({@code job/20261124T153012Z}), which may be a pre-restore safety point. */
    record Id(String id) implements PointChoice {
    }

    /** The newest succeeded job point holding the source, taken at or before {@code time}. */
    record AtOrBefore(Instant time) implements PointChoice {
    }

    /**
     * Reads {@code --at}: an ISO-8601 instant or offset time ({@code 2026-11-24T14:00:00Z},
     * {@code 2026-11-24T14:00+01:00}), or a local time in {@code zone} written
     * {@code 2026-11-24 14:00} or {@code 2026-11-24T14:00[:ss]}.
     */
    static AtOrBefore at(String text, ZoneId zone) {
        String t = text.strip();
        try {
            return new AtOrBefore(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException notOffset) {
            // try the local forms
        }
        for (DateTimeFormatter f : new DateTimeFormatter[]{DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm"),
                DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"), DateTimeFormatter.ISO_LOCAL_DATE_TIME}) {
            try {
                return new AtOrBefore(LocalDateTime.parse(t, f).atZone(zone).toInstant());
            } catch (DateTimeParseException next) {
                // try the next form
            }
        }
        throw new IllegalArgumentException("--at: cannot read '" + text + "' as a time; write it as 2026-11-24 14:00"
                + " (local time) or 2026-11-24T14:00:00Z");
    }
}
