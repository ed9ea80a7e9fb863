package app.mamori.ui.restore;

import app.mamori.engine.restore.RestorePlan;
import app.mamori.source.RestoreCommand;
import app.mamori.ui.fx.I18n;

import java.util.List;

/**
 * A restore plan as the admin reviews it before confirming: what, from when, to where, the
 * safety backup, every remote command and the warnings. Plain data, shared by the dialog
 * and the coming wizard.
 */
public record RestorePlanViewModel(String source, String pointId, String target, String safetyBackup,
                                   List<String> commands, List<String> warnings, boolean overwrites) {

    public static RestorePlanViewModel of(RestorePlan p, I18n text) {
        return new RestorePlanViewModel(p.source().name(), p.pointId(), PlanWords.target(text, p),
                PlanWords.safety(text, p), p.commands().stream().map(RestoreCommand::command).toList(),
                p.warnings().stream().map(w -> PlanWords.warning(text, w)).toList(), p.target().inPlace());
    }

    /** The plan as text for the review pane. */
    public String describe(String fromLabel, String toLabel, String safetyLabel, String commandsLabel,
                           String warningsLabel) {
        StringBuilder s = new StringBuilder()
                .append(fromLabel).append(' ').append(source).append(" @ ").append(pointId).append('\n')
                .append(toLabel).append(' ').append(target).append('\n')
                .append(safetyLabel).append(' ').append(safetyBackup).append("\n\n")
                .append(commandsLabel).append('\n');
        commands.forEach(c -> s.append("  $ ").append(c).append('\n'));
        if (!warnings.isEmpty()) {
            s.append('\n').append(warningsLabel).append('\n');
            warnings.forEach(w -> s.append("  ! ").append(w).append('\n'));
        }
        return s.toString();
    }
}
