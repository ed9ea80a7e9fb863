package app.mamori.ui.restore;

import app.mamori.ui.AppContext;
import app.mamori.ui.fx.Format;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Function;

/** A job's restore points, newest first, and the button that opens the restore dialog for one. */
public final class RestoreView {
    private final AppContext app;
    private final Format format;
    private final ObservableList<String> jobs = FXCollections.observableArrayList();
    private final ObservableList<RestorePointViewModel> points = FXCollections.observableArrayList();
    private final ComboBox<String> job = new ComboBox<>(jobs);
    private final VBox root;

    public RestoreView(AppContext app, Format format) {
        this.app = app;
        this.format = format;
        job.setId("restore-job");
        job.valueProperty().addListener((o, a, j) -> load(j));
        TableView<RestorePointViewModel> table = new TableView<>(points);
        table.setId("restore-points");
        table.setPlaceholder(new Label(app.text().t("restore.noPoints")));
        table.getColumns().add(column("restore.col.time", p -> format.when(p.time())));
        table.getColumns().add(column("restore.col.kind", p -> app.text().t(p.safetyPoint() ? "restore.kind.safety"
                : p.complete() ? "restore.kind.normal" : "restore.kind.incomplete")));
        table.getColumns().add(column("restore.col.sources", p -> String.join(", ", p.sources())));
        table.getColumns().add(column("restore.col.size", p -> format.bytes(p.bytes())));
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
        Label title = new Label(app.text().t("nav.restore"));
        title.getStyleClass().add("title-2");
        root = new VBox(12, title, new HBox(12, new Label(app.text().t("restore.job")), job, restore), table);
        root.setPadding(new Insets(16));
        app.executor().submit(() -> app.catalog().jobs().list().stream().map(j -> j.name()).toList(), all -> {
            jobs.setAll(all);
            if (!all.isEmpty()) {
                job.setValue(all.get(0));
            }
        }, e -> {
        });
        app.runs().finishedProperty().addListener((o, a, b) -> load(job.getValue()));
    }

    private void load(String j) {
        if (j == null) {
            points.clear();
            return;
        }
        app.executor().submit(() -> app.catalog().points().list(j).stream().map(RestorePointViewModel::of).toList(),
                points::setAll, e -> {
                });
    }

    private TableColumn<RestorePointViewModel, String> column(String key, Function<RestorePointViewModel, String> f) {
        TableColumn<RestorePointViewModel, String> c = new TableColumn<>(app.text().t(key));
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        return c;
    }

    public Node root() {
        return root;
    }
}
