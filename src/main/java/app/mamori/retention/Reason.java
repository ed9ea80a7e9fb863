package app.mamori.retention;

/**
 * Why a point is kept.
 *
 * @param rule   which rule
 * @param period the hour, day, week, month or year it stands for ("2026-W48"), or a short note; may be empty
 */
public record Reason(Rule rule, String period) {

    /** The rules, in the order a plan lists them. */
    public enum Rule {
        LAST("last"), HOURLY("hourly"), DAILY("daily"), WEEKLY("weekly"), MONTHLY("monthly"), YEARLY("yearly"),
        NEWEST_VERIFIED("newest verified"), NEWEST("newest"), SAFETY_POINT("pre-restore safety point"), HELD("held"),
        LAST_RUN_FAILED("last run failed"), NO_POLICY("no retention policy"), FUTURE("time in the future"),
        CHECK_FAILED_NEWEST("check failed, newer than every good point");

        private final String id;

        Rule(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    @Override
    public String toString() {
        return period.isEmpty() ? rule.id() : rule.id() + " " + period;
    }
}
