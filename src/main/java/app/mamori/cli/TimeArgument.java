package app.mamori.cli;

import app.mamori.engine.restore.PointChoice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** A time given on the command line: a local date (its midnight), a local date and time, or ISO-8601. */
final class TimeArgument {
    private TimeArgument() {
    }

    static Instant parse(String option, String text, ZoneId zone) {
        try {
            return LocalDate.parse(text.strip()).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException notADate) {
            // the forms --at reads
        }
        try {
            return PointChoice.at(text, zone).time();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": cannot read '" + text + "' as a time; write it as"
                    + " 2026-11-24, 2026-11-24 14:00 (local time) or 2026-11-24T14:00:00Z");
        }
    }
}
