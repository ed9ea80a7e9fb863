package app.mamori.ui.servers;

import app.mamori.ui.AppContext;
import app.mamori.ui.fx.Dialogs;
import app.mamori.ui.fx.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * Rediscover: discovery's steps as they go, then what the server has that is not a source
 * yet, ticked and added in one click. The PostgreSQL login row is for a database server the
 * existing sources do not reach.
 */
final class RediscoverDialog {
    private final Stage stage;

    RediscoverDialog(AppContext app, RediscoverViewModel vm, Runnable afterAdd) {
        I18n text = app.text();
        ListView<String> steps = new ListView<>(vm.steps);
        steps.setId("rediscover-steps");
        steps.setPrefHeight(150);
        steps.setMinHeight(110);
        steps.setFocusTraversable(false);
        ListView<FindingChoice> fresh = new ListView<>(vm.fresh);
        fresh.setId("rediscover-findings");
        fresh.setCellFactory(CheckBoxListCell.forListView(FindingChoice::chosenProperty));
        fresh.setPlaceholder(new Label());
        ((Label) fresh.getPlaceholder()).textProperty().bind(Bindings.when(vm.busy)
                .then(text.t("rediscover.looking")).otherwise(text.t("rediscover.nothingNew")));
        VBox.setVgrow(fresh, Priority.ALWAYS);
        Label known = new Label();
        known.setId("rediscover-known");
        known.setWrapText(true);
        known.textProperty().bind(vm.known);
        ListView<String> notes = new ListView<>(vm.notes);
        notes.setId("rediscover-notes");
        notes.setPrefHeight(70);
        notes.setMinHeight(50);
        GridPane login = new GridPane();
        login.setHgap(10);
        login.setVgap(6);
        PasswordField pw = new PasswordField();
        pw.setId("rediscover-pg-password");
        pw.textProperty().bindBidirectional(vm.pgPassword);
        login.addRow(0, new Label(text.t("wizard.pg.host")), field(vm.pgHost, "rediscover-pg-host"),
                new Label(text.t("wizard.pg.port")), field(vm.pgPort, "rediscover-pg-port"));
        login.addRow(1, new Label(text.t("wizard.pg.user")), field(vm.pgUser, "rediscover-pg-user"),
                new Label(text.t("wizard.pg.password")), pw);
        Button again = new Button(text.t("wizard.discoverAgain"));
        again.setId("rediscover-again");
        again.disableProperty().bind(vm.busy);
        again.setOnAction(e -> vm.discover());
        Label loginHelp = new Label(text.t("rediscover.login.help"));
        loginHelp.setWrapText(true);
        // a VBox squeezes wrapped labels before the lists; the lists give way instead
        for (Label l : java.util.List.of(loginHelp, known)) {
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        fresh.setMinHeight(80);
        Label message = new Label();
        message.setId("rediscover-message");
        message.setWrapText(true);
        message.getStyleClass().add("danger");
        message.textProperty().bind(vm.message);
        Label added = new Label();
        added.setId("rediscover-added");
        added.setWrapText(true);
        added.textProperty().bind(vm.added);
        Button close = new Button(text.t("wizard.close"));
        close.setCancelButton(true);
        Button add = new Button(text.t("rediscover.add"));
        add.setId("rediscover-add");
        add.setDefaultButton(true);
        add.disableProperty().bind(vm.busy.or(Bindings.isEmpty(vm.fresh)));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(10, added, spacer, close, add);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        HBox loginRow = new HBox(10, login, again);
        loginRow.setAlignment(Pos.CENTER_LEFT);
        VBox root = new VBox(10, new Label(text.t("rediscover.steps")), steps, new Label(text.t("rediscover.fresh")),
                fresh, known, new Label(text.t("wizard.notes")), notes, loginHelp, loginRow, message, buttons);
        root.setPadding(new Insets(18));
        stage = Dialogs.modal(text.t("rediscover.title", vm.server()), root, 820, 680);
        close.setOnAction(e -> stage.close());
        add.setOnAction(e -> vm.addChosen(afterAdd));
    }

    private static TextField field(StringProperty value, String id) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    /** Opens the dialog and starts looking at once. */
    void show(RediscoverViewModel vm) {
        stage.show();
        vm.discover();
    }
}
