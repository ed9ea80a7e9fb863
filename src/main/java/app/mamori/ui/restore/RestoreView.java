package app.mamori.ui.restore;

import app.mamori.catalog.RecordedPoint;
import app.mamori.catalog.TimelineScope;
import app.mamori.catalog.Verification;
import app.mamori.engine.verify.VerifyListener;
import app.mamori.engine.verify.VerifyPlan;
import app.mamori.engine.verify.VerifyPlanner;
import app.mamori.service.IncidentService;
import app.mamori.service.PointService;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.CheckWords;
import app.mamori.ui.fx.Columns;
import app.mamori.ui.fx.ErrorWords;
import app.mamori.ui.fx.Format;
import app.mamori.ui.fx.Live;
import app.mamori.ui.fx.UiErrors;
import app.mamori.ui.restore.wizard.RestoreWizard;
import app.mamori.ui.timeline.TimelineControl;
import app.mamori.ui.timeline.TimelineText;
import app.mamori.ui.timeline.TimelineViewModel;
import app.mamori.util.CancelToken;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.function.Function;

/**
 * A job's restore points, newest first, with what their checks found; the buttons that open
 * the restore dialog for one and that verify one (checksums and format checks, and a restore
 * drill when asked), off the FX thread, the current check shown as it runs.
 */
public final class RestoreView {
    private final AppContext app;
    private final Format format;
    private final ObservableList<String> jobs = FXCollections.observableArrayList();
    private final ObservableList<RestorePointViewModel> points = FXCollections.observableArrayList();
    private final ComboBox<String> job = new ComboBox<>(jobs);
    private final ComboBox<Scope> scope = new ComboBox<>();
    private final TableView<RestorePointViewModel> table;
    private final Label verifyStatus = new Label();
    private final BooleanProperty verifying = new SimpleBooleanProperty();
    private final VBox root;
    private final TimelineViewModel timeline;
    private CancelToken verifyCancel = CancelToken.none();
    /** Points the table shows: the newest {@link #PAGE}, more as the admin asks or picks an older one. */
    private int wanted = PAGE;
    private final Label shown = new Label();
    private final Button more = new Button();
    /** The oldest point in the table: where the next page starts. */
    private RecordedPoint oldest;
    private static final int PAGE = 200;

    public RestoreView(AppContext app, Format format) {
        this.app = app;
        this.format = format;
        job.setId("restore-job");
        job.valueProperty().addListener((o, a, j) -> {
            wanted = PAGE;
            load(j);
        });
        table = new TableView<>(points);
        table.setId("restore-points");
        table.setPlaceholder(new Label(app.text().t("restore.noPoints")));
        table.getColumns().add(column("restore.col.time", p -> format.when(p.time())));
        // kind and check wrap rather than cut: a hold's reason, a check's time, in any language
        table.getColumns().add(Columns.wrapping(app.text().t("restore.col.kind"), p -> p.hold().map(h -> app.text().t("restore.kind.held", h))
                .orElseGet(() -> app.text().t(p.held() ? "restore.kind.safety" : p.safetyPoint()
                        ? "restore.kind.released" : p.complete() ? "restore.kind.normal" : "restore.kind.incomplete"))));
        table.getColumns().add(column("restore.col.sources", p -> String.join(", ", p.sources())));
        table.getColumns().add(column("restore.col.size", p -> format.bytes(p.bytes())));
        table.getColumns().add(Columns.wrapping(app.text().t("restore.col.checked"), this::checked));
        table.getColumns().add(column("restore.col.id", RestorePointViewModel::id));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        Button restore = new Button(app.text().t("restore.open"), new FontIcon(Feather.ROTATE_CCW));
        restore.setId("restore-open");
        restore.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        restore.setOnAction(e -> {
            RestorePointViewModel p = table.getSelectionModel().getSelectedItem();
            if (p != null && p.restorable()) {
                new RestoreDialog(app, p).show();
            }
        });
        Button wizard = new Button(app.text().t("wizard.open"), new FontIcon(Feather.LIFE_BUOY));
        wizard.setId("restore-wizard");
        wizard.getStyleClass().add("accent");
        wizard.setOnAction(e -> new RestoreWizard(app, format, java.util.Optional.empty()).show());
        CheckBox drill = new CheckBox(app.text().t("restore.verify.drill"));
        drill.setId("restore-verify-drill");
        Button verify = new Button(app.text().t("restore.verify"), new FontIcon(Feather.CHECK_CIRCLE));
        verify.setId("restore-verify");
        verify.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(verifying));
        verify.setOnAction(e -> {
            RestorePointViewModel p = table.getSelectionModel().getSelectedItem();
            if (p != null && p.restorable()) {
                verify(new VerifyPlanner.Selection.Point(p.id()), app.text().t("restore.verify.what.point", p.id()),
                        drill.isSelected());
            }
        });
        Button hold = new Button(app.text().t("restore.hold"));
        hold.setId("restore-hold");
        hold.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            RestorePointViewModel p = table.getSelectionModel().getSelectedItem();
            return p == null || p.hold().isPresent() || !p.complete();
        }, table.getSelectionModel().selectedItemProperty()));
        hold.setOnAction(e -> {
            RestorePointViewModel p = table.getSelectionModel().getSelectedItem();
            if (p != null) {
                hold(p);
            }
        });
        Button release = new Button(app.text().t("restore.release"));
        release.setId("restore-release");
        release.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            RestorePointViewModel p = table.getSelectionModel().getSelectedItem();
            return p == null || !p.held();
        }, table.getSelectionModel().selectedItemProperty()));
        release.setOnAction(e -> {
            RestorePointViewModel p = table.getSelectionModel().getSelectedItem();
            if (p != null && p.held()) {
                release(p);
            }
        });
        Button stop = new Button(app.text().t("restore.verify.cancel"));
        stop.setId("restore-verify-cancel");
        stop.visibleProperty().bind(verifying);
        stop.managedProperty().bind(stop.visibleProperty());
        stop.setOnAction(e -> verifyCancel.cancel());
        Button verifyAll = new Button(app.text().t("restore.verifyAll"));
        verifyAll.setId("restore-verify-all");
        verifyAll.disableProperty().bind(job.valueProperty().isNull().or(verifying)
                .or(javafx.beans.binding.Bindings.isEmpty(points)));
        verifyAll.setOnAction(e -> verify(new VerifyPlanner.Selection.Job(job.getValue()),
                app.text().t("restore.verify.what.job", job.getValue()), drill.isSelected()));
        verifyStatus.setId("restore-verify-status");
        verifyStatus.setWrapText(true);
        verifyStatus.managedProperty().bind(verifyStatus.textProperty().isNotEmpty());
        verifyStatus.visibleProperty().bind(verifyStatus.managedProperty());
        Label title = new Label(app.text().t("nav.restore"));
        title.getStyleClass().add("title-2");
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(12, title, gap, wizard);
        head.setAlignment(Pos.CENTER_LEFT);
        scope.setId("restore-timeline-scope");
        scope.getItems().setAll(Scope.values());
        scope.setValue(Scope.JOB);
        scope.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Scope s) {
                return s == null ? "" : app.text().t("restore.scope." + s.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public Scope fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        scope.valueProperty().addListener((o, a, s) -> showTimeline());
        HBox bar = new HBox(12, new Label(app.text().t("restore.job")), job,
                new Label(app.text().t("restore.scope")), scope);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(12, restore, verify, verifyAll, drill, stop, hold, release);
        actions.setAlignment(Pos.CENTER_LEFT);
        timeline = new TimelineViewModel(app.services().timeline(format.zone()), app.executor(),
                new TimelineText(app.text(), format.zone()), app.clock());
        TimelineControl timelineControl = new TimelineControl(timeline, app.text(), format.zone());
        timelineControl.setId("restore-timeline");
        timelineControl.setPrefHeight(230);
        timelineControl.setMinHeight(150);
        job.valueProperty().addListener((o, a, j) -> showTimeline());
        // a point chosen on the timeline is the point chosen in the table, and the other way round;
        // one older than the table's pages brings the pages down to it
        timeline.selectionProperty().addListener((o, a, s) -> {
            if (s != null) {
                points.stream().filter(p -> p.id().equals(s.point().id())).findFirst().ifPresentOrElse(
                        p -> table.getSelectionModel().select(p), () -> loadThrough(s.point().id()));
            }
        });
        shown.setId("restore-shown");
        more.setId("restore-more");
        more.setText(app.text().t("restore.more", PAGE));
        more.setOnAction(e -> loadThrough(null));
        more.managedProperty().bind(more.visibleProperty());
        more.setVisible(false);
        HBox foot = new HBox(12, shown, more);
        foot.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(12, head, bar, timelineControl, actions, verifyStatus, table, foot);
        root.setPadding(new Insets(16));
        loadJobs();
        Live.reloadWhileShown(root, this::loadJobs, app.runs().finishedProperty(), app.changes().count());
    }

    /** The job list, keeping the chosen job (which reloads its points), or the first one. */
    private void loadJobs() {
        app.executor().submit(() -> app.services().jobs().list().stream().map(j -> j.name()).toList(), all -> {
            String chosen = job.getValue();
            if (!jobs.equals(all)) {
                // replacing equal items would clear the chosen job, and with it the chosen point
                jobs.setAll(all);
            }
            if (chosen != null && all.contains(chosen)) {
                job.setValue(chosen);
                load(chosen);
                showTimeline();
            } else if (!all.isEmpty()) {
                job.setValue(all.get(0));
            }
        }, UiErrors.logged("loading the jobs"));
    }

    /** What the timeline shows: the chosen job, the server it backs up, or every job of the office at once. */
    enum Scope { JOB, SERVER, EVERYTHING }

    private void showTimeline() {
        String j = job.getValue();
        if (j == null && scope.getValue() != Scope.EVERYTHING) {
            return;
        }
        if (scope.getValue() == Scope.EVERYTHING) {
            timeline.show(TimelineScope.everything());
            return;
        }
        if (scope.getValue() == Scope.JOB) {
            timeline.show(TimelineScope.job(j));
            return;
        }
        app.executor().submit(() -> app.services().jobs().serverOf(app.services().jobs().get(j)),
                server -> timeline.show(TimelineScope.server(server)), UiErrors.logged("finding the job's server"));
    }

    /** One page's worth of a job's points, and how many it has in all. */
    private record Loaded(List<RestorePointViewModel> rows, RecordedPoint oldest, long total) {
    }

    private Loaded read(String j, RecordedPoint after, int limit) {
        List<PointService.Listed> page = app.services().points().page(j, after, limit);
        return new Loaded(page.stream().map(p -> RestorePointViewModel.of(p.point(), p.latestChecks(), p.released(),
                p.hold())).toList(), page.isEmpty() ? after : page.get(page.size() - 1).point(),
                app.services().points().count(j));
    }

    /** The newest {@link #wanted} points of the job: one query, however long its history. */
    private void load(String j) {
        if (j == null) {
            points.clear();
            return;
        }
        int limit = wanted;
        app.executor().submit(() -> read(j, null, limit), loaded -> {
            if (!j.equals(job.getValue())) {
                return;
            }
            oldest = loaded.oldest();
            // a reload (after a run or a verify) keeps the point the admin had chosen
            if (!points.equals(loaded.rows())) {
                RestorePointViewModel chosen = table.getSelectionModel().getSelectedItem();
                points.setAll(loaded.rows());
                if (chosen != null) {
                    loaded.rows().stream().filter(p -> p.id().equals(chosen.id())).findFirst()
                            .ifPresent(p -> table.getSelectionModel().select(p));
                }
            }
            showing(loaded.total());
        }, UiErrors.logged("loading the restore points"));
    }

    /** The next page of older points or, given a point's id, the pages down to it, which is then chosen. */
    private void loadThrough(String id) {
        String j = job.getValue();
        if (j == null || oldest == null) {
            return;
        }
        RecordedPoint from = oldest;
        app.executor().submit(() -> {
            List<RestorePointViewModel> rows = new java.util.ArrayList<>();
            Loaded page = read(j, from, PAGE);
            rows.addAll(page.rows());
            while (id != null && page.rows().size() == PAGE && page.rows().stream().noneMatch(p -> p.id().equals(id))) {
                page = read(j, page.oldest(), PAGE);
                rows.addAll(page.rows());
            }
            return new Loaded(rows, page.oldest(), page.total());
        }, loaded -> {
            if (!j.equals(job.getValue()) || oldest != from) {
                return;
            }
            points.addAll(loaded.rows());
            oldest = loaded.oldest();
            wanted = points.size();
            showing(loaded.total());
            if (id != null) {
                points.stream().filter(p -> p.id().equals(id)).findFirst()
                        .ifPresent(p -> {
                            table.getSelectionModel().select(p);
                            table.scrollTo(p);
                        });
            }
        }, UiErrors.logged("loading older restore points"));
    }

    private void showing(long total) {
        shown.setText(total == 0 ? "" : app.text().t("restore.shown", points.size(), total));
        more.setVisible(points.size() < total);
    }

    private String checked(RestorePointViewModel p) {
        return CheckWords.point(app.text(), format, p.check());
    }

    /**
     * Runs {@code verify POINT|--job JOB [--drill]} in the background; the label follows it, the
     * table is reloaded after.
     */
    private void verify(VerifyPlanner.Selection selection, String what, boolean drill) {
        verifying.set(true);
        CancelToken cancel = new CancelToken();
        verifyCancel = cancel;
        verifyStatus.setText(app.text().t("restore.verify.planning", what));
        VerifyListener listener = new VerifyListener() {
            @Override
            public void started(VerifyPlan.Item item, Verification.Method method) {
                String text = app.text().t("restore.verify.running", item.pointId(), item.artifact().source(),
                        method.id());
                app.executor().onUi(() -> verifyStatus.setText(text));
            }
        };
        app.executor().submit(() -> {
            PointService points = app.services().points();
            return points.verify(points.planVerify(selection, drill), listener, cancel);
        }, r -> {
            verifying.set(false);
            verifyStatus.setText(CheckWords.verified(app.text(), what, r));
            load(job.getValue());
        }, e -> {
            verifying.set(false);
            verifyStatus.setText(app.text().t("restore.verify.error", what,
                    ErrorWords.say(app.text(), e)));
        });
    }

    /** Lets go of a hold, or hands a safety copy over to its job's retention, as {@code mamori points release} does. */
    private void release(RestorePointViewModel p) {
        app.executor().submit(() -> app.services().incidents().release(p.id()), what -> {
            verifyStatus.setText(app.text().t(what == IncidentService.Released.HOLD
                    ? "restore.holdReleased" : "restore.released", p.id()));
            load(job.getValue());
        }, e -> verifyStatus.setText(ErrorWords.say(app.text(), e)));
    }

    /** Holds a point so that no prune removes it, as {@code mamori points hold} does. */
    private void hold(RestorePointViewModel p) {
        String why = app.text().t("restore.holdReason", System.getProperty("user.name"));
        app.executor().submit(() -> {
            app.services().incidents().hold(p.id(), why);
            return p.id();
        }, id -> {
            verifyStatus.setText(app.text().t("restore.holding", id));
            load(job.getValue());
        }, e -> verifyStatus.setText(ErrorWords.say(app.text(), e)));
    }

    private TableColumn<RestorePointViewModel, String> column(String key, Function<RestorePointViewModel, String> f) {
        return Columns.text(app.text().t(key), f);
    }

    public Node root() {
        return root;
    }
}
