package app.mamori.ui.vaults;

import app.mamori.ui.AppContext;
import app.mamori.ui.fx.Columns;
import app.mamori.ui.fx.Dialogs;
import app.mamori.ui.fx.Format;
import app.mamori.ui.fx.Live;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.OptionalLong;
import java.util.function.Function;

/** The Vaults page. */
public final class VaultsView {
    private final AppContext app;
    private final VaultsViewModel vm;
    private final Format format;
    private final TableView<VaultRow> table = new TableView<>();
    private final VBox root;

    public VaultsView(AppContext app, VaultsViewModel vm, Format format) {
        this.app = app;
        this.vm = vm;
        this.format = format;
        table.setId("vaults-table");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label(app.text().t("vaults.none")));
        table.getColumns().add(column("vaults.col.name", r -> r.vault().name()));
        table.getColumns().add(column("vaults.col.where", VaultRow::where));
        table.getColumns().add(column("vaults.col.used", r -> bytes(r.used(), r.note())));
        table.getColumns().add(column("vaults.col.free", r -> bytes(r.free(), r.note())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button add = new Button(app.text().t("vaults.add"), new FontIcon(Feather.PLUS));
        add.setId("vaults-add");
        add.setOnAction(e -> new AddVaultDialog(app, vm).show());
        Button remove = new Button(app.text().t("vaults.remove"), new FontIcon(Feather.TRASH_2));
        remove.setId("vaults-remove");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> removeSelected());
        Label message = new Label();
        message.setId("vaults-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.message());
        Label title = new Label(app.text().t("nav.vaults"));
        title.getStyleClass().add("title-2");
        HBox bar = new HBox(12, title, add, remove);
        bar.setAlignment(Pos.CENTER_LEFT);
        OffsiteViewModel offsite = new OffsiteViewModel(app, format);
        root = new VBox(12, bar, message, table, new OffsiteView(app, offsite).root());
        root.setPadding(new Insets(16));
        vm.refresh();
        offsite.refresh();
        Live.reloadWhileShown(root, vm::refresh, app.changes().count());
        Live.reloadWhileShown(root, offsite::refresh, app.changes().count());
    }

    private String bytes(OptionalLong n, String note) {
        if (n.isPresent()) {
            return format.bytes(n.getAsLong());
        }
        return note.isEmpty() ? app.text().t("vaults.measuring") : app.text().t("vaults.unknown");
    }

    private void removeSelected() {
        VaultRow r = table.getSelectionModel().getSelectedItem();
        if (r != null && Dialogs.confirm(app.text().t("vaults.remove.title"),
                app.text().t("vaults.remove.header", r.vault().name()),
                app.text().t("vaults.remove.details", r.where()), app.text().t("vaults.remove"),
                app.text().t("common.cancel"))) {
            vm.remove(r.vault().name());
        }
    }

    private TableColumn<VaultRow, String> column(String key, Function<VaultRow, String> f) {
        TableColumn<VaultRow, String> c = Columns.text(app.text().t(key), f);
        // why a figure is missing (a NAS not mounted, a server that did not answer) is a hover away
        c.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                VaultRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(empty || s == null ? null : new Tooltip(row != null && !row.note().isEmpty()
                        ? s + "\n" + row.note() : s));
            }
        });
        return c;
    }

    public Node root() {
        return root;
    }
}
