package app.mamori.model;

/**
 * How many restore points a job keeps: the newest {@code last}, and the newest point of each of
 * the newest {@code hourly} hours, {@code daily} days, {@code weekly} ISO weeks, {@code monthly}
 * months and {@code yearly} years that have a point (see docs/retention.md). 0 turns a rule off;
 * a policy with every rule off keeps everything.
 */
public record RetentionPolicy(int last, int hourly, int daily, int weekly, int monthly, int yearly) {

    public static final RetentionPolicy KEEP_ALL = new RetentionPolicy(0, 0, 0, 0, 0, 0);

    public RetentionPolicy {
        check("--keep-last", last);
        check("--keep-hourly", hourly);
        check("--keep-daily", daily);
        check("--keep-weekly", weekly);
        check("--keep-monthly", monthly);
        check("--keep-yearly", yearly);
    }

    private static void check(String option, int n) {
        if (n < 0) {
            throw Refused.of("keepNegative", option + ": " + n + " is negative; give 0 or more (0 turns the rule off)", n);
        }
    }

    /** True when no rule is on: nothing is ever pruned. */
    public boolean keepsAll() {
        return last == 0 && hourly == 0 && daily == 0 && weekly == 0 && monthly == 0 && yearly == 0;
    }

    /** As the CLI writes it: {@code --keep-last 3 --keep-daily 7}. */
    @Override
    public String toString() {
        if (keepsAll()) {
            return "keep everything";
        }
        StringBuilder b = new StringBuilder();
        append(b, "last", last);
        append(b, "hourly", hourly);
        append(b, "daily", daily);
        append(b, "weekly", weekly);
        append(b, "monthly", monthly);
        append(b, "yearly", yearly);
        return b.toString().strip();
    }

    private static void append(StringBuilder b, String rule, int n) {
        if (n > 0) {
            b.append(" --keep-").append(rule).append(' ').append(n);
        }
    }
}
