package app.mamori.ui.vaults;

import app.mamori.ui.AppContext;
import app.mamori.ui.fx.Dialogs;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;

import java.io.File;

/** Adds a vault: a folder on this computer (with a folder chooser) or a folder on a server. */
final class AddVaultDialog {
    private final Stage stage;

    AddVaultDialog(AppContext app, VaultsViewModel vm) {
        TextField name = new TextField();
        name.setId("vault-name");
        name.setPromptText(app.text().t("vaults.add.name.prompt"));
        ToggleGroup where = new ToggleGroup();
        RadioButton local = new RadioButton(app.text().t("vaults.add.local"));
        local.setId("vault-local");
        local.setToggleGroup(where);
        local.setSelected(true);
        RadioButton remote = new RadioButton(app.text().t("vaults.add.remote"));
        remote.setId("vault-remote");
        remote.setToggleGroup(where);
        remote.setDisable(vm.servers().isEmpty());
        ComboBox<String> server = new ComboBox<>(vm.servers());
        server.setId("vault-server");
        server.disableProperty().bind(local.selectedProperty());
        if (!vm.servers().isEmpty()) {
            server.setValue(vm.servers().get(0));
        }
        TextField path = new TextField(app.home().dir().resolve("vault").toString());
        path.setId("vault-path");
        HBox.setHgrow(path, Priority.ALWAYS);
        Button browse = new Button(app.text().t("common.browse"));
        browse.setId("vault-browse");
        browse.disableProperty().bind(remote.selectedProperty());
        Label error = new Label();
        error.setId("vault-error");
        error.setWrapText(true);
        error.getStyleClass().add("danger");

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.addRow(0, new Label(app.text().t("vaults.add.name")), name);
        form.addRow(1, new Label(app.text().t("vaults.add.where")), new VBox(6, local, new HBox(8, remote, server)));
        form.addRow(2, new Label(app.text().t("vaults.add.path")), new HBox(8, path, browse));
        GridPane.setHgrow(name, Priority.ALWAYS);

        Button cancel = new Button(app.text().t("common.cancel"));
        cancel.setId("vault-cancel");
        cancel.setCancelButton(true);
        Button add = new Button(app.text().t("vaults.add"));
        add.setId("vault-save");
        add.setDefaultButton(true);
        add.disableProperty().bind(name.textProperty().isEmpty().or(path.textProperty().isEmpty()));
        HBox buttons = new HBox(10, cancel, add);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(14, form, error, buttons);
        root.setPadding(new Insets(20));
        stage = Dialogs.modal(app.text().t("vaults.add.title"), root, 640, 300);
        cancel.setOnAction(e -> stage.close());
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            File current = new File(path.getText());
            if (current.isDirectory()) {
                chooser.setInitialDirectory(current);
            }
            File dir = chooser.showDialog(stage);
            if (dir != null) {
                path.setText(dir.getAbsolutePath());
            }
        });
        add.setOnAction(e -> {
            error.setText("");
            vm.add(name.getText(), local.isSelected() ? null : server.getValue(), path.getText(), v -> stage.close(),
                    error::setText);
        });
    }

    void show() {
        stage.show();
    }
}
