package app.mamori.ui.restore.wizard;

import app.mamori.engine.restore.RestoreResult;
import app.mamori.ui.fx.Format;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.restore.PlanWords;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The wizard's last step: the restore running, Cancel, then its result and what comes next. */
final class RunPage {
    private final I18n text;
    private final Format format;
    private final Node[] content;

    RunPage(I18n text, Format format, RestoreWizardModel model) {
        this.text = text;
        this.format = format;
        RestoreRun run = model.run();
        Label status = WizardCells.wrapped("");
        status.setId("wizard-run-status");
        status.textProperty().bind(run.statusProperty());
        status.getStyleClass().add("text-bold");
        ProgressBar bar = new ProgressBar();
        bar.setId("wizard-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(run.progressProperty());
        Label speed = new Label();
        speed.setId("wizard-speed");
        speed.textProperty().bind(run.speedProperty());
        ListView<String> log = new ListView<>(run.log());
        log.setId("wizard-log");
        log.setPrefHeight(140);
        log.setMinHeight(80);
        Button cancel = new Button(text.t("wizard.run.cancel"));
        cancel.setId("wizard-cancel");
        cancel.getStyleClass().add("danger");
        cancel.disableProperty().bind(run.runningProperty().not().or(run.cancellingProperty()));
        cancel.setOnAction(e -> run.cancel());
        TextArea result = new TextArea();
        result.setId("wizard-result");
        result.setEditable(false);
        result.setWrapText(true);
        result.setPrefRowCount(7);
        VBox.setVgrow(result, Priority.ALWAYS);
        result.visibleProperty().bind(run.resultProperty().isNotNull());
        result.managedProperty().bind(result.visibleProperty());
        result.textProperty().bind(Bindings.createStringBinding(() -> describe(run.resultProperty().get()),
                run.resultProperty()));
        Button copy = new Button(text.t("wizard.run.copyResult"));
        copy.setId("wizard-copy-result");
        copy.visibleProperty().bind(result.visibleProperty());
        copy.setOnAction(e -> WizardCells.copy(result.getText()));
        Button closeIncident = new Button(text.t("wizard.incident.close"));
        closeIncident.setId("wizard-close-incident");
        closeIncident.visibleProperty().bind(Bindings.createBooleanBinding(() -> run.resultProperty().get() != null
                && model.incidentProperty().get() != null && model.incidentProperty().get().open(),
                run.resultProperty(), model.incidentProperty()));
        closeIncident.managedProperty().bind(closeIncident.visibleProperty());
        closeIncident.setOnAction(e -> model.closeIncident());
        Button another = new Button(text.t("wizard.run.another"));
        another.setId("wizard-restore-another");
        another.visibleProperty().bind(run.resultProperty().isNotNull());
        another.managedProperty().bind(another.visibleProperty());
        another.setOnAction(e -> model.restoreAnother());
        ListView<String> copyCompared = new ListView<>(model.comparison().copyLines());
        copyCompared.setId("wizard-copy-comparison");
        copyCompared.setPrefHeight(120);
        WizardCells.wrapping(copyCompared, x -> x);
        copyCompared.visibleProperty().bind(Bindings.isNotEmpty(model.comparison().copyLines()));
        copyCompared.managedProperty().bind(copyCompared.visibleProperty());
        ListView<String> pass = new ListView<>(model.batch().results());
        pass.setId("wizard-server-results");
        pass.setPrefHeight(90);
        WizardCells.wrapping(pass, x -> x);
        pass.visibleProperty().bind(Bindings.isNotEmpty(model.batch().results()));
        pass.managedProperty().bind(pass.visibleProperty());
        content = new Node[]{status, bar, speed, new HBox(8, cancel, copy, another, closeIncident), pass, log, result,
                copyCompared};
    }

    Node[] content() {
        return content;
    }

    private String describe(RestoreResult r) {
        if (r == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        if (r.ok()) {
            s.append(text.t("wizard.result.ok", r.plan().source().name(), r.plan().pointId(),
                    PlanWords.target(text, r.plan())));
        } else {
            // the reason in the app's language where it has one (a refused name, a full folder, a lost server)
            s.append(text.t("wizard.result.failed", PlanWords.whyFailed(text, r)));
            if (!r.target().isEmpty()) {
                s.append('\n').append(PlanWords.afterFailure(text, r));
            }
        }
        r.safetyPoint().ifPresent(p -> s.append('\n').append(text.t("wizard.result.safety", p)));
        r.report().ifPresent(p -> s.append('\n').append(text.t("wizard.result.report", p)));
        s.append('\n').append(text.t("wizard.result.took", r.duration().toSeconds()));
        return s.toString();
    }

}
