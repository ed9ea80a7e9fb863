package app.mamori.ui.jobs;

import app.mamori.ui.fx.Dialogs;
import app.mamori.ui.fx.I18n;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** Asks why a job is paused (optional) before pausing it; Escape or Cancel pauses nothing. */
final class PauseJobDialog {
    private final Stage stage;

    PauseJobDialog(I18n text, String job, JobPauseViewModel vm, Runnable afterPause) {
        Label explain = new Label(text.t("jobs.pause.explain"));
        explain.setWrapText(true);
        Label label = new Label(text.t("jobs.pause.reason"));
        TextField reason = new TextField();
        reason.setId("pause-reason");
        reason.setPromptText(text.t("jobs.pause.reason.prompt"));
        label.setLabelFor(reason);
        Label message = new Label();
        message.setId("pause-message");
        message.setWrapText(true);
        message.getStyleClass().add("danger");
        message.textProperty().bind(vm.messageProperty());
        Button cancel = new Button(text.t("common.cancel"));
        cancel.setCancelButton(true);
        Button pause = new Button(text.t("jobs.pause"));
        pause.setId("pause-confirm");
        pause.setDefaultButton(true);
        HBox buttons = new HBox(10, cancel, pause);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(12, explain, label, reason, message, buttons);
        root.setPadding(new Insets(20));
        stage = Dialogs.modal(text.t("jobs.pause.title", job), root, 560, 300);
        cancel.setOnAction(e -> stage.close());
        pause.setOnAction(e -> vm.pause(reason.getText(), () -> {
            stage.close();
            afterPause.run();
        }));
    }

    void show() {
        stage.show();
    }
}
