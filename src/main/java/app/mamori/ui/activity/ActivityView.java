package app.mamori.ui.activity;

import app.mamori.catalog.Event;
import app.mamori.catalog.EventLevel;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.Columns;
import app.mamori.ui.fx.Live;
import app.mamori.ui.fx.Format;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.function.Function;

/** The event table with its filters; choosing an event shows its details and, for a run, what failed. */
public final class ActivityView {
    private final AppContext app;
    private final ActivityViewModel vm;
    private final Format format;
    private final TextArea details = new TextArea();
    private final VBox root;

    public ActivityView(AppContext app, ActivityViewModel vm, Format format) {
        this.app = app;
        this.vm = vm;
        this.format = format;
        ComboBox<EventLevel> level = new ComboBox<>();
        level.getItems().setAll(EventLevel.values());
        level.setId("activity-level");
        level.setConverter(converter(l -> app.text().t("activity.level." + l.id())));
        level.valueProperty().bindBidirectional(vm.minLevelProperty());
        ComboBox<String> job = new ComboBox<>(vm.jobs());
        job.setId("activity-job");
        job.setConverter(converter(j -> j.equals(ActivityViewModel.ALL_JOBS) ? app.text().t("activity.allJobs") : j));
        job.valueProperty().bindBidirectional(vm.jobProperty());
        TextField search = new TextField();
        search.setId("activity-search");
        search.setPromptText(app.text().t("activity.search"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox filters = new HBox(8, level, job, search);

        TableView<Event> table = new TableView<>(vm.shown());
        table.setId("activity-table");
        table.setPlaceholder(new Label(app.text().t("activity.empty")));
        table.getColumns().add(column("activity.col.time", e -> format.when(e.time())));
        table.getColumns().add(column("activity.col.level", e -> app.text().t("activity.levelName." + e.level().id())));
        table.getColumns().add(column("activity.col.job", e -> e.job().orElse("")));
        table.getColumns().add(column("activity.col.message", vm::text));
        // the time and the level as wide as their longest text, the job a little more: what happened
        // gets the rest, which at 1280x720 is most of the row (it was cut while the time had room to spare)
        fixed(table.getColumns().get(0), fits(format.when(java.time.Instant.parse("2026-12-28T22:58:58Z"))));
        fixed(table.getColumns().get(1), java.util.Arrays.stream(EventLevel.values())
                .mapToDouble(l -> fits(app.text().t("activity.levelName." + l.id())))
                .max().orElse(0));
        TableColumn<Event, ?> jobColumn = table.getColumns().get(2);
        jobColumn.setMinWidth(Math.max(jobColumn.getMinWidth(), 110));
        jobColumn.setPrefWidth(140);
        jobColumn.setMaxWidth(200);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<Event>() {
                @Override
                protected void updateItem(Event e, boolean empty) {
                    super.updateItem(e, empty);
                    getStyleClass().removeAll("event-error", "event-warning");
                    if (!empty && e != null && e.level() != EventLevel.INFO) {
                        getStyleClass().add("event-" + e.level().id());
                    }
                }
            };
            return row;
        });
        details.setId("activity-details");
        details.setEditable(false);
        details.setWrapText(true);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> showDetails(e));
        SplitPane split = new SplitPane(table, details);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.7);
        VBox.setVgrow(split, Priority.ALWAYS);
        Label title = new Label(app.text().t("nav.activity"));
        title.getStyleClass().add("title-2");
        root = new VBox(10, title, filters, split);
        root.setPadding(new Insets(16));
        vm.refresh();
        Live.reloadWhileShown(root, vm::refresh, app.runs().finishedProperty(), app.changes().count());
    }

    private void showDetails(Event e) {
        if (e == null) {
            details.clear();
            return;
        }
        details.setText(vm.details(e));
    }

    /** Room for {@code text} in a cell: measured in the default font, with margin for the theme's larger one. */
    private static double fits(String text) {
        return Math.ceil(Columns.headerWidth(text) * 1.1);
    }

    private static void fixed(TableColumn<Event, ?> c, double width) {
        double w = Math.max(width, Math.max(c.getMinWidth(), Columns.headerWidth(c.getText())));
        c.setMinWidth(w);
        c.setPrefWidth(w);
        c.setMaxWidth(w);
    }

    private TableColumn<Event, String> column(String key, Function<Event, String> f) {
        return Columns.text(app.text().t(key), f);
    }

    private static <T> StringConverter<T> converter(Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    public Node root() {
        return root;
    }

}
