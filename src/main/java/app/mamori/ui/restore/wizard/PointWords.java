package app.mamori.ui.restore.wizard;

import app.mamori.engine.restore.LastKnownGood;
import app.mamori.ui.fx.Format;
import app.mamori.ui.fx.I18n;

import java.time.Instant;
import java.util.Optional;

/** What the point step says of a backup: why the wizard chose it. */
final class PointWords {
    private PointWords() {
    }

    /** Why {@code c} was chosen, before {@code incident} when the admin gave a time. */
    static String reason(I18n text, Format format, LastKnownGood.Choice c, Optional<Instant> incident) {
        String before = incident.map(format::when).orElse(null);
        return switch (c.why()) {
            case VERIFIED -> before == null ? text.t("wizard.point.why.verifiedNewest")
                    : text.t("wizard.point.why.verified", before, c.skipped());
            case NOT_CHECKED -> before == null ? text.t("wizard.point.why.uncheckedNewest")
                    : text.t("wizard.point.why.unchecked", before);
            case NONE -> before == null ? text.t("wizard.point.why.noneAtAll")
                    : text.t("wizard.point.why.none", before);
        };
    }
}
