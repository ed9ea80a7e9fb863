package app.mamori.ui.dashboard;

import app.mamori.model.RunStatus;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.Columns;
import app.mamori.ui.fx.Format;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Binds the dashboard's view model to a table of jobs, or to the first-run screen. */
public final class DashboardView {
    private final AppContext app;
    private final DashboardViewModel vm;
    private final Format format;
    private final Runnable startServerWizard;
    private final java.util.function.Consumer<String> openJob;
    /** A table cell's padding on both sides, with a little to spare. */
    private static final double CELL_PADDING = 26;
    private final StackPane root = new StackPane();

    private final java.util.function.Consumer<java.util.Optional<String>> openRestoreWizard;

    /**
     * @param openJob           shows a job on the Jobs page (a double-click on its row)
     * @param openRestoreWizard opens the incident restore wizard, on a job's sources when one is given
     */
    public DashboardView(AppContext app, DashboardViewModel vm, Format format, Runnable startServerWizard,
                         java.util.function.Consumer<String> openJob,
                         java.util.function.Consumer<java.util.Optional<String>> openRestoreWizard) {
        this.app = app;
        this.openRestoreWizard = openRestoreWizard;
        this.vm = vm;
        this.format = format;
        this.startServerWizard = startServerWizard;
        this.openJob = openJob;
        Node table = table();
        Node firstRun = firstRun();
        root.getChildren().setAll(table);
        vm.firstRunProperty().addListener((o, a, empty) -> root.getChildren().setAll(empty ? firstRun : table));
        root.getStyleClass().add("dashboard");
        vm.refresh();
    }

    private Node table() {
        TableView<JobRow> t = new TableView<>(vm.rows());
        t.setId("jobs-table");
        t.setPlaceholder(new Label(app.text().t("dashboard.noJobs")));
        t.setRowFactory(x -> {
            javafx.scene.control.TableRow<JobRow> row = new javafx.scene.control.TableRow<>() {
                @Override
                protected void updateItem(JobRow r, boolean empty) {
                    super.updateItem(r, empty);
                    setTooltip(empty || r == null || r.problem().isEmpty() ? null
                            : new javafx.scene.control.Tooltip(r.problem().get()));
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openJob.accept(row.getItem().job());
                }
            });
            return row;
        });
        TableColumn<JobRow, Health> health = new TableColumn<>("");
        health.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().health()));
        health.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Health h, boolean empty) {
                super.updateItem(h, empty);
                if (empty || h == null) {
                    setGraphic(null);
                    return;
                }
                Circle dot = new Circle(6);
                dot.getStyleClass().addAll("health-dot", h.styleClass());
                setGraphic(dot);
                setAccessibleText(app.text().t("health." + h.name().toLowerCase(java.util.Locale.ROOT)));
            }
        });
        health.setPrefWidth(36);
        health.setMaxWidth(36);
        t.getColumns().add(health);
        t.getColumns().add(text("dashboard.col.job", 110, r -> r.job()));
        t.getColumns().add(text("dashboard.col.server", 90, r -> r.server()));
        t.getColumns().add(text("dashboard.col.lastSuccess", 230, r -> r.lastSuccess()
                .map(s -> format.when(s) + " (" + format.ago(s, app.clock().instant()) + ")")
                .orElse(app.text().t("dashboard.never"))));
        t.getColumns().add(text("dashboard.col.lastResult", 100, r -> r.lastResult()
                .map(x -> app.text().t("result." + x)).orElse("")
                + r.problem().filter(p -> r.health() != Health.GREEN).map(p -> ": " + p).orElse("")
                + (r.breaches().isEmpty() ? "" : "\n" + app.text().t("dashboard.breach",
                String.join(", ", r.breaches())))));
        t.getColumns().add(text("dashboard.col.nextRun", 150, r -> r.paused()
                .map(p -> format.paused(p.since(), p.reason()))
                .orElseGet(() -> r.nextRun().map(format::when).orElse(app.text().t("dashboard.notScheduled")))));
        // and where the offsite copy stands: a copy days behind is a backup that would not survive the office
        t.getColumns().add(text("dashboard.col.vault", 190, r -> app.text().t("dashboard.vaultUsage", r.vault(),
                format.bytes(r.vaultBytes()), r.points()) + r.offsite().map(o -> "\n" + o.newestCopy()
                .map(n -> app.text().t("dashboard.offsite", o.vault(), format.ago(n, app.clock().instant())))
                .orElse(app.text().t("dashboard.offsite.none", o.vault()))).orElse("")));
        TableColumn<JobRow, JobRow> action = new TableColumn<>("");
        // the whole row, not its name: a run that failed since must redraw the cell
        action.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        action.setCellFactory(c -> new TableCell<>() {
            // made once per cell and updated in place: a reload every few seconds then replaces no node
            // (new buttons on every reload were garbage, a layout pass, and a scene graph changing under
            // whoever walks it)
            private final Button backUp = new Button(app.text().t("dashboard.backUpNow"),
                    new FontIcon(Feather.UPLOAD_CLOUD));
            private final Button restore = new Button(app.text().t("dashboard.restoreJob"));
            private final javafx.scene.layout.VBox b = new javafx.scene.layout.VBox(4, backUp);

            @Override
            protected void updateItem(JobRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                String job = r.job();
                backUp.setId("backup-" + job);
                backUp.setOnAction(e -> vm.backUpNow(job));
                // a failed run is where an incident often starts: its restore is one click away, under
                // Back up now, so the column needs no more width than one button (beside it, both were
                // cut at 1280x720 once the table's other columns had their share)
                boolean failed = r.lastResult().filter(RunStatus.FAILED.id()::equals).isPresent();
                restore.setId("restore-" + job);
                restore.setOnAction(e -> openRestoreWizard.accept(java.util.Optional.of(job)));
                if (failed && !b.getChildren().contains(restore)) {
                    b.getChildren().add(restore);
                } else if (!failed) {
                    b.getChildren().remove(restore);
                }
                if (getGraphic() != b) {
                    setGraphic(b);
                }
                // the button's own width in the theme's font (CJK glyphs are wider than a
                // measure in the default font): the column never shrinks below it, a scroll bar or not
                b.applyCss();
                widen(action, Math.ceil(b.prefWidth(-1) + snappedLeftInset() + snappedRightInset()) + 2);
            }
        });
        // as wide as its button in the language shown (Japanese needs more than English)
        action.setMinWidth(Columns.headerWidth(app.text().t("dashboard.backUpNow")) + 36);
        action.setPrefWidth(Math.max(160, action.getMinWidth()));
        fitToButton(action);
        t.getColumns().add(action);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Label title = new Label(app.text().t("nav.dashboard"));
        title.getStyleClass().add("title-2");
        Button incident = new Button(app.text().t("dashboard.incident"), new FontIcon(Feather.LIFE_BUOY));
        incident.setId("dashboard-incident");
        incident.setOnAction(e -> openRestoreWizard.accept(java.util.Optional.empty()));
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox head = new javafx.scene.layout.HBox(12, title, gap, incident);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox incidents = new VBox(6);
        incidents.setId("dashboard-incidents");
        Runnable showIncidents = () -> incidents.getChildren().setAll(vm.incidents().stream().map(this::incident)
                .toList());
        vm.incidents().addListener((javafx.collections.ListChangeListener<app.mamori.catalog.Incident>) c ->
                showIncidents.run());
        showIncidents.run();
        incidents.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.incidents()));
        VBox box = new VBox(12, head, incidents, t);
        javafx.scene.layout.VBox.setVgrow(t, javafx.scene.layout.Priority.ALWAYS);
        box.setPadding(new Insets(16));
        return box;
    }

    /** One open incident: what, since when, how many backups it holds, and Close. */
    private Node incident(app.mamori.catalog.Incident i) {
        Label what = new Label(app.text().t("dashboard.incidentOpen", i.id(), vm.title(i), format.when(i.opened()),
                i.held()));
        what.setWrapText(true);
        what.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.HBox.setHgrow(what, javafx.scene.layout.Priority.ALWAYS);
        what.setMaxWidth(Double.MAX_VALUE);
        Button close = new Button(app.text().t("wizard.incident.close"));
        close.setId("dashboard-close-incident-" + i.id());
        // the text beside it wraps instead: a long title must not squeeze Close into "インシデントを閉…"
        close.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        close.setOnAction(e -> vm.closeIncident(i.id()));
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(10, new FontIcon(Feather.ALERT_TRIANGLE), what,
                close);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row.setPadding(new Insets(8, 12, 8, 12));
        row.getStyleClass().add("incident-banner");
        return row;
    }

    private TableColumn<JobRow, String> text(String key, double width, java.util.function.Function<JobRow, String> value) {
        // a dashboard read at a glance: cells wrap onto a second line rather than hide their end
        TableColumn<JobRow, String> c = Columns.wrapping(app.text().t(key), value);
        // never narrower than its header: a failed job's Restore... button widens the last column,
        // and "Last successful backup" was cut to "Last successful bac..." to make room for it
        c.setMinWidth(Math.max(c.getMinWidth(), Math.max(width * 0.6, Columns.headerWidth(app.text().t(key)) + 8)));
        c.setPrefWidth(Math.max(c.getMinWidth(), width));
        return c;
    }

    private Node firstRun() {
        Label title = new Label(app.text().t("firstRun.title"));
        title.getStyleClass().add("title-1");
        Label body = new Label(app.text().t("firstRun.body", app.home().dir()));
        body.setWrapText(true);
        body.setMaxWidth(560);
        Button add = new Button(app.text().t("firstRun.addServer"), new FontIcon(Feather.PLUS));
        add.setId("first-run-add-server");
        add.setDefaultButton(true);
        add.setOnAction(e -> startServerWizard.run());
        FontIcon shield = new FontIcon(Feather.SHIELD);
        shield.getStyleClass().add("hero-icon");
        VBox box = new VBox(16, shield, title, body, add);
        box.setAlignment(Pos.CENTER);
        box.setId("first-run");
        box.getStyleClass().add("first-run");
        return box;
    }

    /**
     * Widens {@code action} to a Back up now button measured in the theme's font, as soon as the
     * page is in a window and before its first layout. The page is built after the window is shown,
     * so the table's first layout is no longer one of many passes before the window appears: with
     * only the estimate above (CJK glyphs are wider in the theme's font than in the default one),
     * the Japanese button was cut until the window was resized.
     */
    private void fitToButton(TableColumn<?, ?> action) {
        root.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o,
                                javafx.scene.Scene before, javafx.scene.Scene scene) {
                if (scene == null) {
                    return;
                }
                root.sceneProperty().removeListener(this);
                Button probe = new Button(app.text().t("dashboard.backUpNow"), new FontIcon(Feather.UPLOAD_CLOUD));
                probe.setManaged(false);
                probe.setVisible(false);
                root.getChildren().add(probe);
                probe.applyCss();
                double need = Math.ceil(probe.prefWidth(-1)) + CELL_PADDING;
                root.getChildren().remove(probe);
                widen(action, need);
            }
        });
    }

    /** Never narrower than {@code need}: the column's minimum, and its preferred width if that was less. */
    private static void widen(TableColumn<?, ?> column, double need) {
        if (need > column.getMinWidth()) {
            column.setMinWidth(need);
            column.setPrefWidth(Math.max(column.getPrefWidth(), need));
        }
    }

    public Node root() {
        return root;
    }
}
