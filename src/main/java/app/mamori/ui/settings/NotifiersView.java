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

/** The notifiers list with Send test and Remove, the events to send, and the forms that add a webhook or an e-mail notifier. */
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
                setText(empty || n == null ? null : vm.describe(n));
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
        // the chosen notifier's language, changed in place (mamori notify set --language)
        ComboBox<String> chosenLanguage = languageChoice(vm);
        chosenLanguage.setId("notify-chosen-language");
        chosenLanguage.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        list.getSelectionModel().selectedItemProperty().addListener((o, was, n) ->
                chosenLanguage.setValue(n == null ? null : n.language()));
        chosenLanguage.setOnAction(e -> vm.setLanguage(list.getSelectionModel().getSelectedItem(),
                chosenLanguage.getValue()));

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
        ComboBox<String> job = new ComboBox<>(vm.jobs);
        job.setId("notify-job");
        job.setPromptText(text.t("notify.allJobs"));
        job.valueProperty().bindBidirectional(vm.job);
        ComboBox<String> language = languageChoice(vm);
        language.setId("notify-language");
        language.valueProperty().bindBidirectional(vm.language);
        Button allJobs = new Button(text.t("notify.allJobs"));
        allJobs.setId("notify-all-jobs");
        allJobs.setOnAction(e -> job.setValue(null));
        Button add = new Button(text.t("notify.add"));
        add.setId("notify-add");
        add.setOnAction(e -> vm.addWebhook());
        TextField host = field("notify-smtp-host", text.t("notify.smtp.host"), vm.smtpHost, 16);
        TextField port = field("notify-smtp-port", text.t("notify.smtp.port"), vm.smtpPort, 5);
        ComboBox<NotifyChannel.SmtpSecurity> security = new ComboBox<>(FXCollections.observableArrayList(
                NotifyChannel.SmtpSecurity.values()));
        security.setId("notify-smtp-security");
        security.valueProperty().bindBidirectional(vm.smtpSecurity);
        TextField user = field("notify-smtp-user", text.t("notify.smtp.user"), vm.smtpUser, 10);
        PasswordField password = new PasswordField();
        password.setId("notify-smtp-password");
        password.setPromptText(text.t("notify.smtp.password"));
        password.textProperty().bindBidirectional(vm.smtpPassword);
        TextField from = field("notify-from", text.t("notify.from"), vm.from, 16);
        TextField to = field("notify-to", text.t("notify.to"), vm.to, 22);
        TextField ca = field("notify-smtp-ca", text.t("notify.smtp.ca"), vm.smtpCa, 22);
        Button addEmail = new Button(text.t("notify.addEmailButton"));
        addEmail.setId("notify-add-email");
        addEmail.setOnAction(e -> vm.addEmail());
        Label message = new Label();
        message.setId("notify-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.message);
        root = new VBox(8, list, row(test, remove, new Label(text.t("notify.language")), chosenLanguage),
                new Label(text.t("notify.addNew")), row(name, new Label(text.t("notify.for")), job, allJobs,
                new Label(text.t("notify.on")), failure, success, overdue, digest),
                row(new Label(text.t("notify.language")), language),
                new Label(text.t("notify.addWebhook")), row(url, format, add),
                new Label(text.t("notify.addEmail")), row(host, security, port, user, password),
                row(from, to, ca, addEmail), message);
        vm.refresh();
    }

    /** English or Japanese, each named in the app's language. */
    private static ComboBox<String> languageChoice(NotifiersViewModel vm) {
        ComboBox<String> choice = new ComboBox<>(FXCollections.observableArrayList(vm.languages));
        choice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : vm.languageName(code);
            }

            @Override
            public String fromString(String name) {
                return vm.languages.stream().filter(c -> vm.languageName(c).equals(name)).findFirst().orElse(null);
            }
        });
        return choice;
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(8, nodes);
        for (Node n : nodes) {
            // buttons and labels keep their text; the text fields give way
            if (n instanceof javafx.scene.control.Labeled l) {
                l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty p, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(columns);
        f.textProperty().bindBidirectional(p);
        return f;
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
