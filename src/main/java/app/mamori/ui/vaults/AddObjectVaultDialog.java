package app.mamori.ui.vaults;

import app.mamori.model.ObjectVault;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.Dialogs;
import app.mamori.ui.fx.ErrorWords;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.util.Optional;

/**
 * Adds an offsite vault on S3-compatible storage, as {@code vault add NAME --s3 ...} does: the
 * bucket must answer to the key before anything is stored; with encryption the passphrase is
 * typed twice, and the dialog says it cannot be recovered; Object Lock days as
 * {@code --object-lock-days}.
 */
final class AddObjectVaultDialog {
    private final Stage stage;

    AddObjectVaultDialog(AppContext app, OffsiteViewModel vm) {
        var t = app.text();
        TextField name = field("offsite-name", t.t("offsite.add.name.prompt"));
        TextField bucket = field("offsite-bucket", t.t("offsite.add.bucket.prompt"));
        TextField endpoint = field("offsite-endpoint", t.t("offsite.add.endpoint.prompt"));
        TextField region = field("offsite-region", "");
        region.setText("us-east-1");
        CheckBox pathStyle = new CheckBox(t.t("offsite.add.pathStyle"));
        pathStyle.setId("offsite-path-style");
        TextField keyId = field("offsite-key-id", "");
        PasswordField secret = new PasswordField();
        secret.setId("offsite-secret");
        CheckBox encrypt = new CheckBox(t.t("offsite.add.encrypt"));
        encrypt.setId("offsite-encrypt");
        encrypt.setSelected(true);
        PasswordField passphrase = new PasswordField();
        passphrase.setId("offsite-passphrase");
        PasswordField again = new PasswordField();
        again.setId("offsite-passphrase-again");
        passphrase.disableProperty().bind(encrypt.selectedProperty().not());
        again.disableProperty().bind(encrypt.selectedProperty().not());
        Label keepIt = new Label(t.t("offsite.add.passphrase.help"));
        keepIt.setWrapText(true);
        keepIt.visibleProperty().bind(encrypt.selectedProperty());
        keepIt.managedProperty().bind(keepIt.visibleProperty());
        TextField lockDays = field("offsite-lock-days", t.t("offsite.add.lockDays.prompt"));
        Label lockHelp = new Label(t.t("offsite.add.lockDays.help"));
        lockHelp.setWrapText(true);
        Label error = new Label();
        error.setId("offsite-error");
        error.setWrapText(true);
        error.getStyleClass().add("danger");

        GridPane form = Dialogs.form();
        int row = 0;
        form.addRow(row++, new Label(t.t("vaults.add.name")), name);
        form.addRow(row++, new Label(t.t("offsite.add.bucket")), bucket);
        form.addRow(row++, new Label(t.t("offsite.add.endpoint")), endpoint);
        form.addRow(row++, new Label(t.t("offsite.add.region")), new HBox(12, region, pathStyle));
        form.addRow(row++, new Label(t.t("offsite.add.keyId")), keyId);
        form.addRow(row++, new Label(t.t("offsite.add.secret")), secret);
        form.addRow(row++, new Label(""), encrypt);
        form.addRow(row++, new Label(t.t("offsite.add.passphrase")), passphrase);
        form.addRow(row++, new Label(t.t("offsite.add.passphrase.again")), again);
        form.add(keepIt, 1, row++);
        // the field is short (a number of days): its help sits beside it, to fit a 720-pixel screen
        lockDays.setPrefColumnCount(5);
        lockDays.setMinWidth(80);
        HBox lockRow = new HBox(12, lockDays, lockHelp);
        HBox.setHgrow(lockHelp, Priority.ALWAYS);
        form.addRow(row, new Label(t.t("offsite.add.lockDays")), lockRow);
        GridPane.setHgrow(name, Priority.ALWAYS);

        Button cancel = new Button(t.t("common.cancel"));
        cancel.setId("offsite-cancel");
        cancel.setCancelButton(true);
        Button add = new Button(t.t("offsite.add.save"));
        add.setId("offsite-save");
        add.setDefaultButton(true);
        javafx.beans.property.BooleanProperty busy = new javafx.beans.property.SimpleBooleanProperty(false);
        add.disableProperty().bind(name.textProperty().isEmpty().or(bucket.textProperty().isEmpty())
                .or(keyId.textProperty().isEmpty()).or(secret.textProperty().isEmpty()).or(busy));
        HBox buttons = new HBox(10, cancel, add);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(14, form, error, buttons);
        root.setPadding(new Insets(20));
        stage = Dialogs.modal(t.t("offsite.add.title"), root, 760, 640);
        cancel.setOnAction(e -> stage.close());
        add.setOnAction(e -> {
            error.setText("");
            if (encrypt.isSelected() && passphrase.getText().isEmpty()) {
                error.setText(t.t("offsite.add.passphrase.missing"));
                return;
            }
            if (encrypt.isSelected() && !passphrase.getText().equals(again.getText())) {
                error.setText(t.t("offsite.add.passphrase.differ"));
                return;
            }
            int days;
            try {
                days = lockDays.getText().isBlank() ? 0 : Integer.parseInt(lockDays.getText().strip());
            } catch (NumberFormatException notANumber) {
                days = -1;
            }
            if (days < 0 || days > ObjectVault.MAX_LOCK_DAYS || days == 0 && !lockDays.getText().isBlank()) {
                error.setText(t.t("offsite.add.lockDays.bad", ObjectVault.MAX_LOCK_DAYS));
                return;
            }
            ObjectVault vault;
            try {
                String[] where = bucket.getText().strip().split("/", 2);
                vault = new ObjectVault(name.getText().strip(), where[0], where.length > 1 ? where[1] : "",
                        endpoint.getText().isBlank() ? Optional.empty() : Optional.of(endpoint.getText().strip()),
                        region.getText().strip(), pathStyle.isSelected(), keyId.getText().strip(), encrypt.isSelected(),
                        days);
            } catch (IllegalArgumentException bad) {
                error.setText(ErrorWords.say(app.text(), bad));
                return;
            }
            busy.set(true);
            vm.addVault(vault, secret.getText(), encrypt.isSelected() ? Optional.of(passphrase.getText())
                    : Optional.empty(), stage::close, msg -> {
                busy.set(false);
                error.setText(msg);
            });
        });
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }

    void show() {
        stage.show();
    }
}
