package app.mamori.ui.servers;

import app.mamori.source.files.RemoteFolders;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.Columns;
import app.mamori.ui.fx.Dialogs;
import app.mamori.ui.fx.I18n;
import app.mamori.util.Bytes;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.util.List;
import java.util.function.Consumer;

/**
 * The server's folders, one level at a time: double-click or Enter opens one, Up goes back,
 * a path can be typed; the selected folders (several with Ctrl or Shift) are handed to the
 * Add source dialog. Escape closes it, adding nothing.
 */
final class FolderBrowserDialog {
    private final Stage stage;
    private final FolderBrowserViewModel vm;

    FolderBrowserDialog(AppContext app, FolderBrowserViewModel vm, Consumer<List<String>> onChoose) {
        this.vm = vm;
        I18n text = app.text();
        Button up = new Button(text.t("browse.up"));
        up.setId("browse-up");
        up.disableProperty().bind(vm.busy);
        up.setOnAction(e -> vm.up());
        TextField path = new TextField();
        path.setId("browse-path");
        path.textProperty().bindBidirectional(vm.path);
        path.setOnAction(e -> vm.openTyped());
        HBox.setHgrow(path, Priority.ALWAYS);
        Label pathLabel = new Label(text.t("browse.path"));
        pathLabel.setLabelFor(path);
        HBox top = new HBox(10, up, pathLabel, path);
        top.setAlignment(Pos.CENTER_LEFT);
        TableView<RemoteFolders.Folder> table = new TableView<>(vm.folders);
        table.setId("browse-folders");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(text.t("browse.empty")));
        table.getColumns().add(Columns.text(text.t("browse.col.name"), RemoteFolders.Folder::name));
        table.getColumns().add(Columns.text(text.t("browse.col.size"), f -> f.sizeKiB().isPresent()
                ? Bytes.human(f.sizeKiB().getAsLong() * 1024) : text.t("browse.sizeUnknown")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> {
            TableRow<RemoteFolders.Folder> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.open(row.getItem().path());
                }
            });
            return row;
        });
        // Enter opens the folder, as a double-click does, rather than firing the default button
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItems().size() == 1) {
                e.consume();
                vm.open(table.getSelectionModel().getSelectedItem().path());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        Label help = new Label(text.t("browse.help"));
        help.setWrapText(true);
        help.setMinHeight(Region.USE_PREF_SIZE);
        Label message = new Label();
        message.setId("browse-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.message);
        Button cancel = new Button(text.t("common.cancel"));
        cancel.setCancelButton(true);
        Button choose = new Button(text.t("browse.choose"));
        choose.setId("browse-choose");
        choose.setDefaultButton(true);
        choose.disableProperty().bind(vm.busy);
        HBox buttons = new HBox(10, cancel, choose);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(10, top, table, help, message, buttons);
        root.setPadding(new Insets(18));
        stage = Dialogs.modal(text.t("browse.title", vm.server()), root, 720, 560);
        cancel.setOnAction(e -> stage.close());
        choose.setOnAction(e -> {
            onChoose.accept(vm.chosen(List.copyOf(table.getSelectionModel().getSelectedItems())));
            stage.close();
        });
    }

    /** Opens the dialog on {@code start} and lists it. */
    void show(String start) {
        stage.show();
        vm.open(start);
    }
}
