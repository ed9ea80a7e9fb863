package app.mamori.ui.fx;

import app.mamori.retention.Reason;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Why retention keeps a point, in the app's language ("毎日 2026-12-06", "検証済みの最新"), from
 * the plan's rule and period; the CLI prints the rule's English id instead.
 */
public final class RetentionWords {
    private final I18n text;

    public RetentionWords(I18n text) {
        this.text = text;
    }

    public String reason(Reason r) {
        String rule = text.t("reason." + r.rule().name().toLowerCase(Locale.ROOT));
        // NEWEST's period is an English note ("(none verified yet)") that the key already says
        boolean periodIsWords = r.rule() == Reason.Rule.NEWEST;
        return r.period().isEmpty() || periodIsWords ? rule : rule + " " + r.period();
    }

    public String reasons(List<Reason> reasons) {
        return reasons.stream().map(this::reason).collect(Collectors.joining(text.t("schedule.listSeparator")));
    }

    /** Keep rules in words, e.g. "the newest 7 days, 12 months"; "everything" when none is set. */
    public String policy(app.mamori.model.RetentionPolicy p) {
        List<String> parts = new java.util.ArrayList<>();
        int[] counts = {p.last(), p.hourly(), p.daily(), p.weekly(), p.monthly(), p.yearly()};
        String[] keys = {"last", "hourly", "daily", "weekly", "monthly", "yearly"};
        for (int i = 0; i < keys.length; i++) {
            if (counts[i] > 0) {
                parts.add(text.t("offsite.keep." + keys[i], counts[i]));
            }
        }
        return parts.isEmpty() ? text.t("offsite.keep.all") : String.join(text.t("offsite.keep.separator"), parts);
    }
}
