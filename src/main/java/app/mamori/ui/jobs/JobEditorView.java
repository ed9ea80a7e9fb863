package app.mamori.ui.jobs;

import app.mamori.ui.fx.Dialogs;
import app.mamori.ui.fx.I18n;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The job editor: sources, vault, schedule in plain words, retention with its prune preview. */
public final class JobEditorView {
    private final Stage stage;

    public JobEditorView(JobEditorViewModel vm, I18n text, Runnable afterSave) {
        ListView<JobEditorViewModel.SourceChoice> sources = new ListView<>(vm.sources);
        sources.setId("editor-sources");
        sources.setCellFactory(CheckBoxListCell.forListView(JobEditorViewModel.SourceChoice::chosen));
        sources.setPrefHeight(110);
        sources.setMinHeight(90);
        ComboBox<String> vault = new ComboBox<>(vm.vaults);
        vault.setId("editor-vault");
        vault.valueProperty().bindBidirectional(vm.vault);
        TextField schedule = field(vm.schedule, "editor-schedule");
        schedule.setPromptText(text.t("editor.schedule.prompt"));
        Label words = new Label();
        words.setId("editor-schedule-words");
        words.textProperty().bind(vm.scheduleWords);
        words.setWrapText(true);
        words.setPrefWidth(420);
        words.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label scheduleError = error(vm.scheduleError, "editor-schedule-error");

        GridPane keep = new GridPane();
        keep.setHgap(8);
        keep.setVgap(6);
        for (int i = 0; i < JobEditorViewModel.RULES.size(); i++) {
            String rule = JobEditorViewModel.RULES.get(i);
            TextField f = field(vm.keep.get(i), "editor-keep-" + rule);
            f.setPrefColumnCount(4);
            keep.add(new Label(text.t("editor.keep." + rule)), (i % 3) * 2, i / 3);
            keep.add(f, (i % 3) * 2 + 1, i / 3);
        }
        Label keepError = error(vm.keepError, "editor-keep-error");
        ListView<String> preview = new ListView<>(vm.preview);
        preview.setId("editor-preview");
        preview.getStyleClass().add("run-log");
        VBox.setVgrow(preview, Priority.ALWAYS);

        // two columns side by side: one column of every row is taller than a 1280x720 screen
        GridPane form = column();
        GridPane recovery = column();
        int row = 0;
        if (vm.isNew()) {
            TextField name = field(vm.name, "editor-name");
            name.setPromptText(text.t("editor.name.prompt"));
            ComboBox<String> server = new ComboBox<>(vm.servers);
            server.setId("editor-server");
            server.valueProperty().bindBidirectional(vm.server);
            form.addRow(row++, new Label(text.t("editor.name")), name);
            form.addRow(row++, new Label(text.t("editor.server")), server);
        }
        form.addRow(row++, new Label(text.t("editor.sources")), sources);
        form.addRow(row++, new Label(text.t("editor.vault")), vault);
        form.addRow(row++, new Label(text.t("editor.schedule")), new VBox(4, schedule, words, scheduleError));
        form.addRow(row, new Label(text.t("editor.keep")), new VBox(4, keep, keepError));
        row = 0;
        TextField rpo = field(vm.rpo, "editor-rpo");
        rpo.setPrefColumnCount(6);
        rpo.setPromptText(text.t("editor.objective.prompt"));
        TextField rto = field(vm.rto, "editor-rto");
        rto.setPrefColumnCount(6);
        rto.setPromptText(text.t("editor.objective.prompt"));
        // one objective a line: each label keeps its whole text in any language
        GridPane objectives = new GridPane();
        objectives.setHgap(8);
        objectives.setVgap(6);
        objectives.addRow(0, whole(new Label(text.t("editor.rpo"))), rpo);
        objectives.addRow(1, whole(new Label(text.t("editor.rto"))), rto);
        recovery.addRow(row++, new Label(text.t("editor.objectives")), new VBox(4, objectives,
                help(new Label(text.t("editor.objectives.help"))),
                error(vm.objectivesError, "editor-objectives-error")));
        TextField drill = field(vm.drill, "editor-drill");
        drill.setPromptText(text.t("editor.drill.prompt"));
        Label drillWords = help(new Label());
        drillWords.textProperty().bind(vm.drillWords);
        recovery.addRow(row++, new Label(text.t("editor.drill")), new VBox(4, drill, drillWords,
                error(vm.drillError, "editor-drill-error")));
        TextField stall = field(vm.stall, "editor-stall");
        stall.setPrefColumnCount(6);
        stall.setPromptText(text.t("editor.stall.prompt"));
        recovery.addRow(row, new Label(text.t("editor.stall")), new VBox(4, stall,
                help(new Label(text.t("editor.stall.help"))),
                error(vm.stallError, "editor-stall-error")));

        Label message = new Label();
        message.setId("editor-message");
        message.textProperty().bind(vm.message);
        Button save = new Button(text.t("editor.save"));
        save.setId("editor-save");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.valid().not());
        form.disableProperty().bind(vm.loadedProperty().not());
        recovery.disableProperty().bind(vm.loadedProperty().not());
        Button cancel = new Button(text.t("editor.cancel"));
        cancel.setId("editor-cancel");
        cancel.setCancelButton(true);
        VBox left = new VBox(12, form, new Label(text.t("editor.preview")), preview);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(recovery, Priority.ALWAYS);
        left.setPrefWidth(540);
        recovery.setPrefWidth(540);
        HBox columns = new HBox(24, left, recovery);
        VBox.setVgrow(columns, Priority.ALWAYS);
        VBox root = new VBox(12, columns, new HBox(10, save, cancel, message));
        root.setPadding(new Insets(16));
        root.setId("job-editor");
        stage = Dialogs.modal(vm.isNew() ? text.t("editor.newTitle") : text.t("editor.title", vm.job()), root, 1180,
                680);
        cancel.setOnAction(e -> stage.close());
        save.setOnAction(e -> {
            vm.save(saved -> {
                if (saved) {
                    afterSave.run();
                    stage.close();
                }
            });
        });
    }

    /** A column of the form: labels keep their whole text (in any language); the fields take the rest. */
    private static GridPane column() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        return grid;
    }

    /** A muted line under a field that wraps within the field column rather than widening it past the window. */
    private static Label help(Label l) {
        l.setWrapText(true);
        l.setPrefWidth(420);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.getStyleClass().add("text-muted");
        return l;
    }

    private static Label whole(Label l) {
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static TextField field(StringProperty p, String id) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private static Label error(StringProperty p, String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("field-error");
        l.textProperty().bind(p);
        l.setWrapText(true);
        return l;
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
    }
}
