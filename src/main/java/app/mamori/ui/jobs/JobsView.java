package app.mamori.ui.jobs;

import app.mamori.model.Job;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.Dialogs;
import app.mamori.ui.fx.ErrorWords;
import app.mamori.ui.fx.Format;
import app.mamori.ui.fx.Live;
import app.mamori.ui.fx.UiErrors;
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
    private final Label recovery = new Label();
    private final JobRecoveryViewModel readiness;
    private final JobPauseViewModel pause;
    private final Label paused = new Label();
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
        readiness = new JobRecoveryViewModel(app, java.time.ZoneId.systemDefault());
        recovery.setId("jobs-recovery");
        recovery.setWrapText(true);
        recovery.textProperty().bind(readiness.textProperty());
        backup = new Button(app.text().t("dashboard.backUpNow"), new FontIcon(Feather.UPLOAD_CLOUD));
        backup.setId("jobs-backup");
        backup.getStyleClass().add("accent");
        backup.setOnAction(e -> selected().ifPresent(j -> show(app.runs().start(j))));
        Button edit = new Button(app.text().t("jobs.edit"), new FontIcon(Feather.EDIT_2));
        edit.setId("jobs-edit");
        edit.disableProperty().bind(backup.disableProperty());
        edit.setOnAction(e -> selected().ifPresent(this::edit));
        Button remove = new Button(app.text().t("jobs.remove"), new FontIcon(Feather.TRASH_2));
        remove.setId("jobs-remove");
        remove.disableProperty().bind(backup.disableProperty());
        remove.setOnAction(e -> selected().ifPresent(this::remove));
        pause = new JobPauseViewModel(app, java.time.ZoneId.systemDefault());
        Button pauseButton = new Button(app.text().t("jobs.pause.button"), new FontIcon(Feather.PAUSE));
        pauseButton.setId("jobs-pause");
        pauseButton.setOnAction(e -> selected().ifPresent(j -> new PauseJobDialog(app.text(), j, pause,
                onChanged).show()));
        Button resume = new Button(app.text().t("jobs.resume"), new FontIcon(Feather.PLAY));
        resume.setId("jobs-resume");
        resume.setOnAction(e -> pause.resume(onChanged));
        // one of the two at a time: the button says what a click will do
        javafx.beans.binding.BooleanBinding isPaused = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> pause.pausedProperty().get().isPresent(), pause.pausedProperty());
        pauseButton.visibleProperty().bind(isPaused.not());
        pauseButton.managedProperty().bind(pauseButton.visibleProperty());
        pauseButton.disableProperty().bind(backup.disableProperty());
        resume.visibleProperty().bind(isPaused);
        resume.managedProperty().bind(resume.visibleProperty());
        paused.setId("jobs-paused");
        paused.setWrapText(true);
        paused.getStyleClass().add("warning");
        paused.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> pause.pausedProperty().get()
                .map(p -> format.paused(p.since(), p.reason()) + " " + app.text().t("jobs.paused.what"))
                .orElse(pause.messageProperty().get()), pause.pausedProperty(), pause.messageProperty()));
        paused.managedProperty().bind(paused.textProperty().isNotEmpty());
        paused.visibleProperty().bind(paused.managedProperty());
        Button create = new Button(app.text().t("jobs.new"), new FontIcon(Feather.PLUS));
        create.setId("jobs-new");
        create.setOnAction(e -> create());
        VBox detail = new VBox(10, new HBox(12, title, backup, edit, pauseButton, resume, remove), paused, sources,
                recovery, run);
        VBox.setVgrow(run, Priority.ALWAYS);
        // the run's table and log take what is left: they scroll, while a squeezed label would hide its lines
        for (Label l : java.util.List.of(paused, sources, recovery)) {
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        detail.setPadding(new Insets(16));
        list.setMinWidth(140);
        list.setPrefWidth(180);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox side = new VBox(8, create, list);
        side.setPadding(new Insets(8));
        root = new SplitPane(side, detail);
        SplitPane.setResizableWithParent(side, false);
        root.setDividerPositions(0.18);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, job) -> select(job));
        app.runs().byJob().addListener((MapChangeListener<String, RunViewModel>) c -> {
            if (c.wasAdded() && c.getKey().equals(list.getSelectionModel().getSelectedItem())) {
                show(c.getValueAdded());
            }
        });
        refresh();
        Live.reloadWhileShown(root, this::refresh, app.changes().count());
    }

    private java.util.Optional<String> selected() {
        return java.util.Optional.ofNullable(list.getSelectionModel().getSelectedItem());
    }

    public void refresh() {
        app.executor().submit(() -> app.services().jobs().list(), all -> {
            String keep = list.getSelectionModel().getSelectedItem();
            java.util.List<String> names = all.stream().map(Job::name).toList();
            if (!jobs.equals(names)) {
                jobs.setAll(names);
            }
            if (keep != null && jobs.contains(keep)) {
                list.getSelectionModel().select(keep);
            } else if (!jobs.isEmpty()) {
                list.getSelectionModel().select(0);
            }
            // the same job stays chosen when another process paused or resumed it: read its state again
            pause.load(list.getSelectionModel().getSelectedItem());
        }, UiErrors.logged("loading the jobs"));
    }

    /** Shows {@code job}, selecting it in the list. */
    public void select(String job) {
        backup.setDisable(job == null);
        if (job == null) {
            title.setText(app.text().t("jobs.none"));
            sources.setText("");
            readiness.load(null);
            pause.load(null);
            run.getChildren().clear();
            return;
        }
        if (!job.equals(list.getSelectionModel().getSelectedItem())) {
            list.getSelectionModel().select(job);
        }
        title.setText(job);
        readiness.load(job);
        pause.load(job);
        app.executor().submit(() -> app.services().jobs().find(job), found -> found.ifPresent(j -> sources.setText(
                app.text().t("jobs.sources", String.join(", ", j.sources()), j.vault()))),
                UiErrors.logged("loading job " + job));
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

    /** Opens the editor for a new job; saving selects it. */
    public JobEditorView create() {
        JobEditorViewModel vm = JobEditorViewModel.forNewJob(app, java.time.ZoneId.systemDefault());
        JobEditorView v = new JobEditorView(vm, app.text(), () -> {
            refresh();
            onChanged.run();
        });
        v.show();
        return v;
    }

    private void remove(String job) {
        if (!Dialogs.confirm(app.text().t("jobs.remove.title"), app.text().t("jobs.remove.header", job),
                app.text().t("jobs.remove.details"), app.text().t("jobs.remove"), app.text().t("common.cancel"))) {
            return;
        }
        app.executor().submit(() -> {
            app.services().jobs().remove(job);
            return job;
        }, j -> {
            refresh();
            onChanged.run();
        }, e -> sources.setText(ErrorWords.say(app.text(), e)));
    }

    private void show(RunViewModel vm) {
        run.getChildren().setAll(new RunView(vm, app.text(), format).root());
    }

    public Node root() {
        return root;
    }
}
