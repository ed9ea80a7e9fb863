package app.mamori.schedule;

import app.mamori.model.Refused;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/** One of the five fields of a cron expression: the values it allows, parsed from its text. */
record CronField(String name, int min, int max, BitSet values, boolean star) {

    static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final List<String> FIELDS = List.of("minute", "hour", "day of month", "month", "day of week");

    boolean allows(int value) {
        return values.get(value);
    }

    /**
     * Parses {@code *}, {@code N}, {@code N-M}, lists joined by commas, steps ({@code *}/S,
     * {@code N-M/S}, {@code N/S} meaning N to the maximum) and, for months and days of the week,
     * three-letter English names. {@code star} records Vixie cron's test for the day rule: the
     * field's text starts with {@code *}.
     */
    static CronField parse(String name, String text, int min, int max, List<String> names, int namesFrom) {
        BitSet values = new BitSet(max + 1);
        for (String part : text.split(",", -1)) {
            parsePart(name, part, min, max, names, namesFrom, values);
        }
        return new CronField(name, min, max, values, text.startsWith("*"));
    }

    private static void parsePart(String name, String part, int min, int max, List<String> names, int namesFrom,
                                  BitSet values) {
        String range = part;
        int step = 1;
        int slash = part.indexOf('/');
        if (slash >= 0) {
            range = part.substring(0, slash);
            step = number(name, part.substring(slash + 1), names, namesFrom, part);
            if (step < 1) {
                throw bad("cronStep", name, part, "a step must be 1 or more");
            }
        }
        int from;
        int to;
        if (range.equals("*")) {
            from = min;
            to = max;
        } else if (range.indexOf('-') > 0) {
            from = number(name, range.substring(0, range.indexOf('-')), names, namesFrom, part);
            to = number(name, range.substring(range.indexOf('-') + 1), names, namesFrom, part);
        } else {
            from = number(name, range, names, namesFrom, part);
            to = slash >= 0 ? max : from;
        }
        if (from < min || to > max || from > to) {
            String allowed = min + "-" + max
                    + (names.isEmpty() ? "" : " or " + names.get(0) + "-" + names.get(names.size() - 1));
            throw bad("cronRange", name, part, "allowed values are " + allowed, allowed);
        }
        for (int v = from; v <= to; v += step) {
            values.set(v);
        }
    }

    private static int number(String name, String token, List<String> names, int namesFrom, String part) {
        int named = names.indexOf(token.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return named + namesFrom;
        }
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw bad("cronNumber", name, part, "'" + token + "' is not a number"
                    + (names.isEmpty() ? "" : " or a name such as " + names.get(0)), token);
        }
    }

    /**
     * The field goes into the app's sentence as its place in the expression (1 for the minute to 5
     * for the day of the week), which every language can say; its English name is only for the CLI.
     */
    private static IllegalArgumentException bad(String key, String name, String part, String why, String... more) {
        List<Object> args = new ArrayList<>(List.of(part, FIELDS.indexOf(name) + 1));
        args.addAll(List.of(more));
        return Refused.of(key, "--schedule: " + name + " '" + part + "': " + why, args.toArray());
    }
}
