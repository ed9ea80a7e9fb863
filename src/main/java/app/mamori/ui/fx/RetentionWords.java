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
}
