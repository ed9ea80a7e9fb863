package app.mamori.model;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A job's recovery objectives: at most {@code rpo} of data lost (the age of its newest good
 * point), and a restore of all its sources within {@code rto}. Empty: no objective of that kind.
 */
public record Objectives(Optional<Duration> rpo, Optional<Duration> rto) {

    public static final Objectives NONE = new Objectives(Optional.empty(), Optional.empty());

    private static final Pattern PART = Pattern.compile("(\\d{1,6})([dhm])");

    public Objectives {
        rpo = rpo == null ? Optional.empty() : rpo;
        rto = rto == null ? Optional.empty() : rto;
        rpo.ifPresent(d -> requirePositive("--rpo", d));
        rto.ifPresent(d -> requirePositive("--rto", d));
    }

    public boolean isEmpty() {
        return rpo.isEmpty() && rto.isEmpty();
    }

    public Objectives withRpo(Optional<Duration> d) {
        return new Objectives(d, rto);
    }

    public Objectives withRto(Optional<Duration> d) {
        return new Objectives(rpo, d);
    }

    /**
     * Reads {@code 24h}, {@code 30m}, {@code 7d} or {@code 1h30m} ({@code none}: no objective), as
     * {@code job set} and the job editor take it; a mistake names {@code field} and the right form.
     */
    public static Optional<Duration> parse(String field, String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("none") || t.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int at = 0;
        while (m.find() && m.start() == at) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofMinutes(n);
            });
            at = m.end();
        }
        if (at != t.length() || at == 0) {
            throw new IllegalArgumentException(field + ": '" + text.strip() + "' is not a duration; write it as 30m,"
                    + " 4h, 24h, 7d or 1h30m, or none to remove the objective");
        }
        requirePositive(field, total);
        return Optional.of(total);
    }

    /** The shortest form {@link #parse} reads back: {@code 1d12h}, {@code 4h}, {@code 90m} as {@code 1h30m}. */
    public static String format(Duration d) {
        long minutes = d.toMinutes();
        if (minutes == 0) {
            return d.toSeconds() + "s";
        }
        StringBuilder b = new StringBuilder();
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            b.append(days).append('d');
        }
        if (hours > 0) {
            b.append(hours).append('h');
        }
        if (mins > 0) {
            b.append(mins).append('m');
        }
        return b.toString();
    }

    private static void requirePositive(String field, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + ": give a duration longer than zero, as in 4h, or none to"
                    + " remove the objective");
        }
    }
}
