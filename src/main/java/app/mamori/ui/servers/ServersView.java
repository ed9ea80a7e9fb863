package app.mamori.ui.servers;

import app.mamori.model.Server;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.Columns;
import app.mamori.ui.fx.Dialogs;
import app.mamori.ui.fx.Live;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The servers in the catalogue: add (the wizard), test, edit and remove (after showing what
 * goes with it).
 */
public final class ServersView {
    private final AppContext app;
    private final ServersViewModel vm;
    private final TableView<Server> table = new TableView<>();
    private final VBox root;
    private final Runnable onChanged;

    public ServersView(AppContext app, Runnable onChanged) {
        this.app = app;
        this.vm = new ServersViewModel(app);
        this.onChanged = onChanged;
        table.setItems(vm.servers());
        table.setId("servers-table");
        table.setPlaceholder(new Label(app.text().t("servers.none")));
        table.getColumns().add(column("servers.col.name", Server::name));
        table.getColumns().add(column("servers.col.address", s -> s.user() + "@" + s.host() + ":" + s.port()));
        table.getColumns().add(column("servers.col.jump", s -> s.jump().map(Object::toString).orElse("")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                selected().ifPresent(s -> new EditServerDialog(app, vm, s).show());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        Button add = new Button(app.text().t("servers.add"), new FontIcon(Feather.PLUS));
        add.setId("servers-add");
        add.setOnAction(e -> startWizard());
        Button test = button("servers.test", "servers-test", Feather.ZAP);
        test.setOnAction(e -> selected().ifPresent(s -> vm.test(s.name())));
        Button edit = button("servers.edit", "servers-edit", Feather.EDIT_2);
        edit.setOnAction(e -> selected().ifPresent(s -> new EditServerDialog(app, vm, s).show()));
        Button addSource = button("servers.addSource", "servers-add-source", Feather.DATABASE);
        addSource.setOnAction(e -> selected().ifPresent(s -> new AddSourceDialog(app,
                new AddSourceViewModel(app, s.name()), onChanged).show()));
        Button rediscover = button("servers.rediscover", "servers-rediscover", Feather.SEARCH);
        rediscover.setOnAction(e -> selected().ifPresent(s -> {
            RediscoverViewModel r = new RediscoverViewModel(app, s.name());
            new RediscoverDialog(app, r, onChanged).show(r);
        }));
        Button password = button("servers.password", "servers-password", Feather.KEY);
        password.setOnAction(e -> selected().ifPresent(s -> new SourcePasswordDialog(app,
                new SourcePasswordViewModel(app, s.name()), vm::told).show()));
        Button remove = button("servers.remove", "servers-remove", Feather.TRASH_2);
        remove.setOnAction(e -> selected().ifPresent(this::remove));
        Label message = new Label();
        message.setId("servers-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.message());
        TextArea details = new TextArea();
        details.setId("servers-details");
        details.setEditable(false);
        details.setPrefRowCount(8);
        details.textProperty().bind(vm.details());
        details.managedProperty().bind(vm.details().isNotEmpty());
        details.visibleProperty().bind(details.managedProperty());
        Label title = new Label(app.text().t("nav.servers"));
        title.getStyleClass().add("title-2");
        // the title on its own line, the actions below it, wrapping: seven buttons in Japanese fill a 1280 px row
        FlowPane bar = new FlowPane(12, 8, add, test, edit, addSource, password, rediscover, remove);
        bar.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(12, title, bar, message, table, details);
        root.setPadding(new Insets(16));
        vm.refresh();
        Live.reloadWhileShown(root, vm::refresh, app.changes().count());
    }

    private Button button(String key, String id, Feather icon) {
        Button b = new Button(app.text().t(key), new FontIcon(icon));
        b.setId(id);
        b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(vm.busy()));
        return b;
    }

    private java.util.Optional<Server> selected() {
        return java.util.Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    /** Shows what goes with the server, and removes it only after an explicit yes. */
    private void remove(Server s) {
        vm.dependents(s.name(), d -> {
            List<String> lines = new ArrayList<>();
            d.jobs().forEach(j -> lines.add(app.text().t("servers.remove.job", j)));
            d.sources().forEach(x -> lines.add(app.text().t("servers.remove.source", x)));
            d.vaults().forEach(v -> lines.add(app.text().t("servers.remove.vault", v)));
            lines.add("");
            lines.add(app.text().t("servers.remove.kept"));
            if (Dialogs.confirm(app.text().t("servers.remove.title"), app.text().t("servers.remove.header", s.name()),
                    String.join("\n", lines), app.text().t("servers.remove"), app.text().t("common.cancel"))) {
                vm.remove(s.name());
                onChanged.run();
            }
        });
    }

    public void refresh() {
        vm.refresh();
    }

    /** Where the server wizard starts, from this page and from the dashboard's first-run screen. */
    public ServerWizardView startWizard() {
        ServerWizardView w = new ServerWizardView(app, new ServerWizardViewModel(app), () -> {
            vm.refresh();
            onChanged.run();
        });
        w.show();
        return w;
    }

    private TableColumn<Server, String> column(String key, Function<Server, String> f) {
        return Columns.text(app.text().t(key), f);
    }

    public Node root() {
        return root;
    }
}
