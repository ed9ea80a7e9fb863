package app.mamori.ui.settings;

import app.mamori.model.Notifier;
import app.mamori.model.NotifyChannel;
import app.mamori.ui.fx.I18n;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The notifiers list with Send test and Remove, and the form that adds a webhook. */
final class NotifiersView {
    private final VBox root;

    NotifiersView(NotifiersViewModel vm, I18n text) {
        ListView<Notifier> list = new ListView<>(vm.notifiers);
        list.setId("notifiers");
        list.setPrefHeight(110);
        list.setPlaceholder(new Label(text.t("notify.none")));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Notifier n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : NotifiersViewModel.describe(n));
            }
        });
        Button test = new Button(text.t("notify.test"));
        test.setId("notify-test");
        test.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        test.setOnAction(e -> vm.test(list.getSelectionModel().getSelectedItem()));
        Button remove = new Button(text.t("notify.remove"));
        remove.setId("notify-remove");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.remove(list.getSelectionModel().getSelectedItem()));

        TextField name = new TextField();
        name.setId("notify-name");
        name.setPromptText(text.t("notify.name"));
        name.textProperty().bindBidirectional(vm.name);
        PasswordField url = new PasswordField(); // the URL is the credential for Slack and Discord
        url.setId("notify-url");
        url.setPromptText(text.t("notify.url"));
        url.textProperty().bindBidirectional(vm.url);
        url.setPrefColumnCount(28);
        ComboBox<NotifyChannel.WebhookFormat> format = new ComboBox<>(FXCollections.observableArrayList(
                NotifyChannel.WebhookFormat.values()));
        format.setId("notify-format");
        format.valueProperty().bindBidirectional(vm.format);
        CheckBox failure = check(text.t("notify.on.failure"), vm.onFailure);
        CheckBox success = check(text.t("notify.on.success"), vm.onSuccess);
        CheckBox overdue = check(text.t("notify.on.overdue"), vm.onOverdue);
        CheckBox digest = check(text.t("notify.on.digest"), vm.onDigest);
        Button add = new Button(text.t("notify.add"));
        add.setId("notify-add");
        add.setOnAction(e -> vm.addWebhook());
        Label message = new Label();
        message.setId("notify-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.message);
        root = new VBox(8, list, new HBox(8, test, remove), new Label(text.t("notify.addWebhook")),
                new HBox(8, name, url, format), new HBox(12, failure, success, overdue, digest, add), message,
                new Label(text.t("notify.email")));
        vm.refresh();
    }

    private static CheckBox check(String label, javafx.beans.property.BooleanProperty p) {
        CheckBox c = new CheckBox(label);
        c.selectedProperty().bindBidirectional(p);
        return c;
    }

    Node root() {
        return root;
    }
}
