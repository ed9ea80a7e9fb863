package app.mamori.ui.servers;

import app.mamori.model.Server;
import app.mamori.ui.AppContext;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Function;

/**
 * The servers in the catalogue. "Add server" starts the server wizard.
 */
public final class ServersView {
    private final AppContext app;
    private final ObservableList<Server> servers = FXCollections.observableArrayList();
    private final VBox root;
    private final Runnable onChanged;

    public ServersView(AppContext app, Runnable onChanged) {
        this.app = app;
        this.onChanged = onChanged;
        TableView<Server> table = new TableView<>(servers);
        table.setId("servers-table");
        table.setPlaceholder(new Label(app.text().t("servers.none")));
        table.getColumns().add(column("servers.col.name", Server::name));
        table.getColumns().add(column("servers.col.address", s -> s.user() + "@" + s.host() + ":" + s.port()));
        table.getColumns().add(column("servers.col.jump", s -> s.jump().map(Object::toString).orElse("")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        Button add = new Button(app.text().t("servers.add"), new FontIcon(Feather.PLUS));
        add.setId("servers-add");
        add.setOnAction(e -> startWizard());
        Label title = new Label(app.text().t("nav.servers"));
        title.getStyleClass().add("title-2");
        root = new VBox(12, new HBox(12, title, add), table);
        root.setPadding(new Insets(16));
        refresh();
    }

    public void refresh() {
        app.executor().submit(() -> app.catalog().servers().list(), servers::setAll, e -> {
        });
    }

    /** Where the server wizard starts, from this page and from the dashboard's first-run screen. */
    public ServerWizardView startWizard() {
        ServerWizardView w = new ServerWizardView(app, new ServerWizardViewModel(app), () -> {
            refresh();
            onChanged.run();
        });
        w.show();
        return w;
    }

    private TableColumn<Server, String> column(String key, Function<Server, String> f) {
        TableColumn<Server, String> c = new TableColumn<>(app.text().t(key));
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        return c;
    }

    public Node root() {
        return root;
    }
}
