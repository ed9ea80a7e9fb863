package app.mamori.ui.vaults;

import app.mamori.model.RetentionPolicy;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.Dialogs;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * Which object vault a job's new points are copied to, and what is kept there (its own rules:
 * a week at the office, a year offsite), as {@code job set --copy-to ... --copy-keep-*} does.
 */
final class CopySettingsDialog {
    private final Stage stage;

    /** {@code current}: the line chosen in the table, to change it; null to set up a job's copy. */
    CopySettingsDialog(AppContext app, OffsiteViewModel vm, OffsiteViewModel.CopyLine current) {
        var t = app.text();
        ComboBox<String> job = new ComboBox<>(vm.jobs());
        job.setId("copy-job");
        ComboBox<String> vault = new ComboBox<>();
        vault.setId("copy-vault");
        vm.vaults().forEach(l -> vault.getItems().add(l.vault().name()));
        RetentionPolicy keep = current != null ? current.keep() : new RetentionPolicy(0, 0, 7, 4, 12, 0);
        Spinner<Integer> daily = spinner("copy-keep-daily", keep.daily());
        Spinner<Integer> weekly = spinner("copy-keep-weekly", keep.weekly());
        Spinner<Integer> monthly = spinner("copy-keep-monthly", keep.monthly());
        Spinner<Integer> yearly = spinner("copy-keep-yearly", keep.yearly());
        if (current != null) {
            job.setValue(current.job());
            job.setDisable(true);
            vault.setValue(current.vault());
        } else if (!vault.getItems().isEmpty()) {
            vault.setValue(vault.getItems().get(0));
        }
        Label help = new Label(t.t("copy.keep.help"));
        help.setWrapText(true);
        Label error = new Label();
        error.setId("copy-error");
        error.setWrapText(true);
        error.getStyleClass().add("danger");

        GridPane form = Dialogs.form();
        form.addRow(0, new Label(t.t("offsite.col.job")), job);
        form.addRow(1, new Label(t.t("offsite.col.to")), vault);
        form.addRow(2, new Label(t.t("copy.keep.daily")), daily);
        form.addRow(3, new Label(t.t("copy.keep.weekly")), weekly);
        form.addRow(4, new Label(t.t("copy.keep.monthly")), monthly);
        form.addRow(5, new Label(t.t("copy.keep.yearly")), yearly);

        Button cancel = new Button(t.t("common.cancel"));
        cancel.setId("copy-cancel");
        cancel.setCancelButton(true);
        Button save = new Button(t.t("common.save"));
        save.setId("copy-save");
        save.setDefaultButton(true);
        save.disableProperty().bind(job.valueProperty().isNull().or(vault.valueProperty().isNull()));
        HBox buttons = new HBox(10, cancel, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(14, form, help, error, buttons);
        root.setPadding(new Insets(20));
        stage = Dialogs.modal(t.t("copy.title"), root, 560, 440);
        cancel.setOnAction(e -> stage.close());
        save.setOnAction(e -> {
            error.setText("");
            RetentionPolicy chosen = new RetentionPolicy(0, 0, daily.getValue(), weekly.getValue(), monthly.getValue(),
                    yearly.getValue());
            vm.setCopy(job.getValue(), vault.getValue(), chosen, stage::close, error::setText);
        });
    }

    private static Spinner<Integer> spinner(String id, int value) {
        Spinner<Integer> s = new Spinner<>(0, 9999, value);
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(110);
        return s;
    }

    void show() {
        stage.show();
    }
}
