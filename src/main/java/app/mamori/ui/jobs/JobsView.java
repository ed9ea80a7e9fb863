package app.mamori.ui.jobs;

import app.mamori.model.Job;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.Format;
import app.mamori.ui.runs.RunView;
import app.mamori.ui.runs.RunViewModel;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Jobs on the left; on the right the chosen job's sources, Back up now, and its current or last run. */
public final class JobsView {
    private final AppContext app;
    private final Format format;
    private final ObservableList<String> jobs = FXCollections.observableArrayList();
    private final ListView<String> list = new ListView<>(jobs);
    private final Label title = new Label();
    private final Label sources = new Label();
    private final StackPane run = new StackPane();
    private final Button backup;
    private final SplitPane root;
    private final Runnable onChanged;

    public JobsView(AppContext app, Format format, Runnable onChanged) {
        this.app = app;
        this.format = format;
        this.onChanged = onChanged;
        list.setId("jobs-list");
        title.getStyleClass().add("title-3");
        sources.setWrapText(true);
        backup = new Button(app.text().t("dashboard.backUpNow"), new FontIcon(Feather.UPLOAD_CLOUD));
        backup.setId("jobs-backup");
        backup.getStyleClass().add("accent");
        backup.setOnAction(e -> selected().ifPresent(j -> show(app.runs().start(j))));
        Button edit = new Button(app.text().t("jobs.edit"), new FontIcon(Feather.EDIT_2));
        edit.setId("jobs-edit");
        edit.disableProperty().bind(backup.disableProperty());
        edit.setOnAction(e -> selected().ifPresent(this::edit));
        VBox detail = new VBox(10, new HBox(12, title, backup, edit), sources, run);
        VBox.setVgrow(run, Priority.ALWAYS);
        detail.setPadding(new Insets(16));
        list.setMinWidth(140);
        list.setPrefWidth(180);
        root = new SplitPane(list, detail);
        SplitPane.setResizableWithParent(list, false);
        root.setDividerPositions(0.18);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, job) -> select(job));
        app.runs().byJob().addListener((MapChangeListener<String, RunViewModel>) c -> {
            if (c.wasAdded() && c.getKey().equals(list.getSelectionModel().getSelectedItem())) {
                show(c.getValueAdded());
            }
        });
        refresh();
    }

    private java.util.Optional<String> selected() {
        return java.util.Optional.ofNullable(list.getSelectionModel().getSelectedItem());
    }

    public void refresh() {
        app.executor().submit(() -> app.catalog().jobs().list(), all -> {
            String keep = list.getSelectionModel().getSelectedItem();
            jobs.setAll(all.stream().map(Job::name).toList());
            if (keep != null && jobs.contains(keep)) {
                list.getSelectionModel().select(keep);
            } else if (!jobs.isEmpty()) {
                list.getSelectionModel().select(0);
            }
        }, e -> {
        });
    }

    /** Shows {@code job}, selecting it in the list. */
    public void select(String job) {
        backup.setDisable(job == null);
        if (job == null) {
            title.setText(app.text().t("jobs.none"));
            sources.setText("");
            run.getChildren().clear();
            return;
        }
        if (!job.equals(list.getSelectionModel().getSelectedItem())) {
            list.getSelectionModel().select(job);
        }
        title.setText(job);
        app.catalog().jobs().find(job).ifPresent(j -> sources.setText(app.text().t("jobs.sources",
                String.join(", ", j.sources()), j.vault())));
        RunViewModel current = app.runs().byJob().get(job);
        if (current != null) {
            show(current);
        } else {
            run.getChildren().setAll(new Label(app.text().t("jobs.noRunYet")));
        }
    }

    /** Opens the job editor; saving refreshes this page and whoever shows schedules. */
    public JobEditorView edit(String job) {
        JobEditorView v = new JobEditorView(new JobEditorViewModel(app, job, java.time.ZoneId.systemDefault()),
                app.text(), () -> {
                    select(job);
                    onChanged.run();
                });
        v.show();
        return v;
    }

    private void show(RunViewModel vm) {
        run.getChildren().setAll(new RunView(vm, app.text(), format).root());
    }

    public Node root() {
        return root;
    }
}
