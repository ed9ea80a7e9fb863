package app.mamori.ui.servers;

import app.mamori.model.JumpHost;
import app.mamori.model.Server;
import app.mamori.service.ServerService;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.Dialogs;
import app.mamori.ui.fx.ErrorWords;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.util.Optional;

/**
 * Edits a server's address, port, user, key file and jump host. A new address presents a
 * new host key: the dialog shows its fingerprint and saves only after the admin confirms it.
 */
final class EditServerDialog {
    private final Stage stage;
    private final AppContext app;
    private final ServersViewModel vm;
    private final Server server;
    private final TextField host = new TextField();
    private final TextField port = new TextField();
    private final TextField user = new TextField();
    private final TextField identity = new TextField();
    private final TextField jump = new TextField();
    private final Label error = new Label();
    private final Label key = new Label();
    private final Button save;
    private String confirmedKey;

    EditServerDialog(AppContext app, ServersViewModel vm, Server server) {
        this.app = app;
        this.vm = vm;
        this.server = server;
        host.setText(server.host());
        host.setId("edit-host");
        port.setText(Integer.toString(server.port()));
        port.setId("edit-port");
        user.setText(server.user());
        user.setId("edit-user");
        identity.setText(server.identity().orElse(""));
        identity.setId("edit-identity");
        identity.setPromptText(app.text().t("servers.edit.identity.prompt"));
        jump.setText(server.jump().map(Object::toString).orElse(""));
        jump.setId("edit-jump");
        jump.setPromptText("user@bastion:22");
        Button browse = new Button(app.text().t("common.browse"));
        browse.setId("edit-browse");
        HBox.setHgrow(identity, Priority.ALWAYS);
        error.setId("edit-error");
        error.setWrapText(true);
        error.getStyleClass().add("danger");
        key.setId("edit-key");
        key.setWrapText(true);

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.addRow(0, new Label(app.text().t("wizard.host")), host);
        form.addRow(1, new Label(app.text().t("wizard.port")), port);
        form.addRow(2, new Label(app.text().t("wizard.user")), user);
        form.addRow(3, new Label(app.text().t("wizard.identity")), new HBox(8, identity, browse));
        form.addRow(4, new Label(app.text().t("wizard.jump")), jump);
        GridPane.setHgrow(host, Priority.ALWAYS);

        Button cancel = new Button(app.text().t("common.cancel"));
        cancel.setId("edit-cancel");
        cancel.setCancelButton(true);
        save = new Button(app.text().t("servers.edit.save"));
        save.setId("edit-save");
        save.setDefaultButton(true);
        HBox buttons = new HBox(10, cancel, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(14, form, key, error, buttons);
        root.setPadding(new Insets(20));
        stage = Dialogs.modal(app.text().t("servers.edit.title", server.name()), root, 640, 380);
        cancel.setOnAction(e -> stage.close());
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialDirectory(new File(System.getProperty("user.home"), ".ssh").isDirectory()
                    ? new File(System.getProperty("user.home"), ".ssh") : null);
            File f = chooser.showOpenDialog(stage);
            if (f != null) {
                identity.setText(f.getAbsolutePath());
            }
        });
        save.setOnAction(e -> save());
        // a key confirmed for one address says nothing about another
        for (TextField f : new TextField[]{host, port, jump}) {
            f.textProperty().addListener((o, a, b) -> {
                confirmedKey = null;
                key.setText("");
                save.setText(app.text().t("servers.edit.save"));
            });
        }
    }

    private Optional<Server> edited() {
        try {
            int p = Integer.parseInt(port.getText().trim());
            return Optional.of(new Server(server.name(), host.getText().trim(), p, user.getText().trim(),
                    Optional.of(identity.getText().trim()).filter(s -> !s.isEmpty()),
                    Optional.of(jump.getText().trim()).filter(s -> !s.isEmpty()).map(JumpHost::parse)));
        } catch (NumberFormatException e) {
            error.setText(app.text().t("servers.edit.badPort"));
        } catch (IllegalArgumentException e) {
            error.setText(ErrorWords.say(app.text(), e));
        }
        return Optional.empty();
    }

    /** Same address: saves with the pinned key. New address: shows its key first, saves once confirmed. */
    private void save() {
        error.setText("");
        Optional<Server> s = edited();
        if (s.isEmpty()) {
            return;
        }
        Server edited = s.get();
        if (edited.hostKeyAlias().equals(server.hostKeyAlias()) || confirmedKey != null) {
            save.setDisable(true);
            vm.save(edited, confirmedKey, stage::close, m -> {
                save.setDisable(false);
                error.setText(m);
            });
            return;
        }
        save.setDisable(true);
        vm.checkKey(edited, k -> {
            save.setDisable(false);
            if (k.state() == ServerService.KeyState.CHANGED) {
                error.setText(k.message());
            } else if (k.state() == ServerService.KeyState.PINNED) {
                confirmedKey = k.presented();
                save();
            } else {
                confirmedKey = k.presented();
                key.setText(app.text().t("servers.edit.newKey", edited.hostKeyAlias(), k.presented()));
                save.setText(app.text().t("servers.edit.trustAndSave"));
            }
        }, m -> {
            save.setDisable(false);
            error.setText(m);
        });
    }

    void show() {
        stage.show();
    }
}
