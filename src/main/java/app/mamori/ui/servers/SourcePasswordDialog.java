package app.mamori.ui.servers;

import app.mamori.ui.AppContext;
import app.mamori.ui.fx.Dialogs;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** Password... on the Servers page: a new password for one of the server's database or bucket sources. */
final class SourcePasswordDialog {
    private final Stage stage;

    /** @param told gets the line saying the password was kept, for the page's message line */
    SourcePasswordDialog(AppContext app, SourcePasswordViewModel vm, java.util.function.Consumer<String> told) {
        ComboBox<String> source = new ComboBox<>(vm.sources());
        source.setId("password-source");
        source.setMaxWidth(Double.MAX_VALUE);
        vm.sources().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (source.getValue() == null && !vm.sources().isEmpty()) {
                source.setValue(vm.sources().get(0));
            }
        });
        PasswordField password = new PasswordField();
        password.setId("password-field");
        GridPane form = Dialogs.form();
        form.addRow(0, new Label(app.text().t("servers.password.source")), source);
        form.addRow(1, new Label(app.text().t("servers.password.password")), password);
        GridPane.setHgrow(source, Priority.ALWAYS);
        Label help = new Label(app.text().t("servers.password.help"));
        help.setWrapText(true);
        help.getStyleClass().add("text-muted");
        Label message = new Label();
        message.setId("password-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.message());

        Button cancel = new Button(app.text().t("common.cancel"));
        cancel.setId("password-cancel");
        cancel.setCancelButton(true);
        Button save = new Button(app.text().t("servers.password.save"));
        save.setId("password-save");
        save.setDefaultButton(true);
        save.disableProperty().bind(source.valueProperty().isNull().or(password.textProperty().isEmpty()));
        HBox buttons = new HBox(10, cancel, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(14, form, help, message, buttons);
        root.setPadding(new Insets(20));
        stage = Dialogs.modal(app.text().t("servers.password.title", vm.server()), root, 560, 300);
        cancel.setOnAction(e -> stage.close());
        save.setOnAction(e -> vm.save(source.getValue(), password.getText(), line -> {
            password.clear();
            stage.close();
            told.accept(line);
        }));
        vm.load();
    }

    void show() {
        stage.show();
    }
}
