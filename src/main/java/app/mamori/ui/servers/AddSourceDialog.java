package app.mamori.ui.servers;

import app.mamori.model.SourceKind;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.Dialogs;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.StringConverter;

import java.util.List;
import java.util.Map;

/** Adds a source of any kind to one server by hand, showing only the fields its kind has. */
final class AddSourceDialog {
    private final Stage stage;

    AddSourceDialog(AppContext app, AddSourceViewModel vm, Runnable afterSave) {
        ComboBox<SourceKind> kind = new ComboBox<>();
        kind.setId("source-kind");
        kind.getItems().setAll(SourceKind.values());
        kind.valueProperty().bindBidirectional(vm.kind);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(SourceKind k) {
                return k == null ? "" : app.text().t("source.kind." + k.id());
            }

            @Override
            public SourceKind fromString(String s) {
                return null;
            }
        });
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, fields);
        form.addRow(0, new Label(app.text().t("source.kind")), kind);
        form.addRow(1, new Label(app.text().t("source.name")), field(new TextField(), vm.name, "source-name"));

        Map<String, Node> byKey = new java.util.LinkedHashMap<>();
        byKey.put("source.database", field(new TextField(), vm.database, "source-database"));
        byKey.put("source.dbHost", field(new TextField(), vm.dbHost, "source-db-host"));
        byKey.put("source.dbPort", field(new TextField(), vm.dbPort, "source-db-port"));
        byKey.put("source.dbUser", field(new TextField(), vm.dbUser, "source-db-user"));
        byKey.put("source.password", field(new PasswordField(), vm.password, "source-password"));
        byKey.put("source.container", field(new TextField(), vm.container, "source-container"));
        byKey.put("source.file", field(new TextField(), vm.paths, "source-file"));
        Button browse = new Button(app.text().t("source.browse"));
        browse.setId("source-browse");
        browse.setMinWidth(Region.USE_PREF_SIZE); // the text area beside it gives way, not the button's word
        browse.setOnAction(e -> new FolderBrowserDialog(app, new FolderBrowserViewModel(app, vm.server()),
                vm::addFolders).show(vm.browseStart()));
        Node folders = area(vm.paths, "source-folders");
        HBox.setHgrow(folders, Priority.ALWAYS);
        HBox foldersRow = new HBox(10, folders, browse);
        foldersRow.setAlignment(Pos.TOP_LEFT);
        byKey.put("source.folders", foldersRow);
        byKey.put("source.excludes", area(vm.excludes, "source-excludes"));
        byKey.put("source.volume", field(new TextField(), vm.volume, "source-volume"));
        byKey.put("source.bucket", field(new TextField(), vm.bucket, "source-bucket"));
        byKey.put("source.prefix", field(new TextField(), vm.prefix, "source-prefix"));
        byKey.put("source.endpoint", field(new TextField(), vm.endpoint, "source-endpoint"));
        byKey.put("source.region", field(new TextField(), vm.region, "source-region"));
        byKey.put("source.accessKeyId", field(new TextField(), vm.accessKeyId, "source-access-key-id"));
        byKey.put("source.secretKey", field(new PasswordField(), vm.secretKey, "source-secret-key"));
        byKey.put("source.reach", new HBox(16, check(app.text().t("source.viaSsh"), vm.viaSsh, "source-via-ssh"),
                check(app.text().t("source.pathStyle"), vm.pathStyle, "source-path-style")));
        Map<SourceKind, List<String>> shown = Map.of(
                SourceKind.POSTGRES, List.of("source.database", "source.dbHost", "source.dbPort", "source.dbUser",
                        "source.password", "source.container"),
                SourceKind.MYSQL, List.of("source.database", "source.dbHost", "source.dbPort", "source.dbUser",
                        "source.password", "source.container"),
                SourceKind.SQLITE, List.of("source.file"),
                SourceKind.FILES, List.of("source.folders", "source.excludes"),
                SourceKind.DOCKER_VOLUME, List.of("source.volume"),
                SourceKind.S3_BUCKET, List.of("source.bucket", "source.prefix", "source.endpoint", "source.region",
                        "source.accessKeyId", "source.secretKey", "source.reach"));
        int row = 2;
        for (var e : byKey.entrySet()) {
            Label label = new Label(app.text().t(e.getKey()));
            form.addRow(row++, label, e.getValue());
            for (Node n : List.of(label, e.getValue())) {
                n.managedProperty().bind(n.visibleProperty());
                n.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> shown.get(vm.kind.get()).contains(e.getKey()), vm.kind));
            }
        }
        Label help = new Label();
        help.setWrapText(true);
        help.setMinHeight(Region.USE_PREF_SIZE); // the form's fields give way first, never the explanation
        help.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> app.text().t("source.help." + vm.kind.get().id()), vm.kind));
        Label message = new Label();
        message.setId("source-message");
        message.setWrapText(true);
        message.getStyleClass().add("danger");
        message.textProperty().bind(vm.message);
        Button cancel = new Button(app.text().t("common.cancel"));
        cancel.setId("source-cancel");
        cancel.setCancelButton(true);
        Button add = new Button(app.text().t("source.add"));
        add.setId("source-save");
        add.setDefaultButton(true);
        HBox buttons = new HBox(10, cancel, add);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(12, form, help, message, buttons);
        root.setPadding(new Insets(20));
        stage = Dialogs.modal(app.text().t("source.title", vm.server()), root, 660, 620);
        cancel.setOnAction(e -> stage.close());
        add.setOnAction(e -> vm.save(() -> {
            afterSave.run();
            stage.close();
        }));
    }

    private static Node field(TextInputControl f, StringProperty p, String id) {
        f.setId(id);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private static Node check(String text, javafx.beans.property.BooleanProperty p, String id) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.setMinWidth(Region.USE_PREF_SIZE);
        c.selectedProperty().bindBidirectional(p);
        return c;
    }

    private static Node area(StringProperty p, String id) {
        TextArea a = new TextArea();
        a.setPrefRowCount(3);
        return field(a, p, id);
    }

    void show() {
        stage.show();
    }
}
