package app.mamori.ui.vaults;

import app.mamori.ui.AppContext;
import app.mamori.ui.fx.Dialogs;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * Changes an encrypted offsite vault's passphrase, as {@code vault passphrase NAME} does: the
 * current one, then the new one twice. Escape or Cancel closes it; the fields are password
 * fields and nothing typed is logged.
 */
final class PassphraseDialog {
    private final Stage stage;

    PassphraseDialog(AppContext app, OffsiteViewModel vm, String vault) {
        var t = app.text();
        PasswordField current = password("passphrase-current");
        PasswordField fresh = password("passphrase-new");
        PasswordField again = password("passphrase-again");
        Label help = new Label(t.t("offsite.passphrase.help"));
        help.setWrapText(true);
        Label error = new Label();
        error.setId("passphrase-error");
        error.setWrapText(true);
        error.getStyleClass().add("danger");

        GridPane form = Dialogs.form();
        form.addRow(0, new Label(t.t("offsite.passphrase.current")), current);
        form.addRow(1, new Label(t.t("offsite.passphrase.new")), fresh);
        form.addRow(2, new Label(t.t("offsite.add.passphrase.again")), again);
        GridPane.setHgrow(current, Priority.ALWAYS);

        Button cancel = new Button(t.t("common.cancel"));
        cancel.setId("passphrase-cancel");
        cancel.setCancelButton(true);
        Button change = new Button(t.t("offsite.passphrase.save"));
        change.setId("passphrase-save");
        change.setDefaultButton(true);
        BooleanProperty busy = new SimpleBooleanProperty(false);
        change.disableProperty().bind(current.textProperty().isEmpty().or(fresh.textProperty().isEmpty()).or(busy));
        HBox buttons = new HBox(10, cancel, change);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(14, help, form, error, buttons);
        root.setPadding(new Insets(20));
        stage = Dialogs.modal(t.t("offsite.passphrase.title", vault), root, 620, 340);
        cancel.setOnAction(e -> stage.close());
        change.setOnAction(e -> {
            error.setText("");
            if (!fresh.getText().equals(again.getText())) {
                error.setText(t.t("offsite.add.passphrase.differ"));
                return;
            }
            busy.set(true);
            vm.changePassphrase(vault, current.getText(), fresh.getText(), stage::close, msg -> {
                busy.set(false);
                error.setText(msg);
            });
        });
    }

    private static PasswordField password(String id) {
        PasswordField f = new PasswordField();
        f.setId(id);
        return f;
    }

    void show() {
        stage.show();
    }
}
