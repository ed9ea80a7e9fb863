package app.mamori.ui.settings;

import app.mamori.model.Vault;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.UiErrors;
import app.mamori.ui.fx.UiSettings;
import app.mamori.util.Version;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.Locale;
import java.util.function.Consumer;

/** Theme (applied at once), language, tray and login start, vaults, where the data lives, and the version. */
public final class SettingsView {
    private final VBox root;

    public SettingsView(AppContext app, UiSettings current, Consumer<UiSettings.ThemeChoice> onTheme,
                        Consumer<UiSettings.Language> onLanguage, Consumer<Boolean> onCloseToTray,
                        DesktopViewModel desktop) {
        ComboBox<UiSettings.ThemeChoice> theme = choice(app, UiSettings.ThemeChoice.values(), "settings-theme",
                "settings.theme.");
        theme.setValue(current.theme());
        theme.valueProperty().addListener((o, a, t) -> onTheme.accept(t));
        TextField home = new TextField(app.home().dir().toString());
        home.setId("settings-home");
        home.setEditable(false);
        ListView<String> vaults = new ListView<>();
        vaults.setId("settings-vaults");
        vaults.setPrefHeight(120);
        app.executor().submit(() -> app.services().vaults().list(), all -> vaults.getItems().setAll(all.stream()
                .map(SettingsView::describe).toList()), UiErrors.logged("loading the vaults"));

        var t = app.text();
        FormGrid form = new FormGrid("settings-form")
                .section(t.t("settings.section.appearance"), "settings-section-appearance")
                .row(t.t("settings.theme"), theme, null)
                .row(t.t("settings.language"), language(app, current, onLanguage), null)
                .section(t.t("settings.section.desktop"), "settings-section-desktop")
                .row(t.t("settings.tray"), tray(app, current, onCloseToTray, desktop), null)
                .row(t.t("settings.session"), session(app, desktop), t.t("settings.session.help"))
                .section(t.t("settings.section.data"), "settings-section-data")
                .row(t.t("settings.home"), home, t.t("settings.home.help"))
                .row(t.t("settings.secrets"), secrets(app), t.t("settings.secrets.help"))
                .row(t.t("settings.vaults"), vaults, t.t("settings.vaults.help"))
                .section(t.t("settings.section.backups"), "settings-section-backups")
                .row(t.t("settings.retention"), defaultRetention(app), t.t("settings.retention.help"))
                .row(t.t("settings.notifications"), new NotifiersView(new NotifiersViewModel(app), t).root(), null)
                .row(t.t("settings.runbook"), runbook(app), t.t("runbook.help"))
                .section(t.t("settings.about"), "settings-section-about")
                .row(t.t("settings.version.label"), new Label(t.t("settings.version", Version.get(),
                        System.getProperty("java.version"), System.getProperty("javafx.version", "?"))), null);
        GridPane grid = form.node();
        Label title = new Label(app.text().t("nav.settings"));
        title.getStyleClass().add("title-2");
        root = new VBox(16, title, grid);
        root.setPadding(new Insets(16));
    }

    /** A drop-down of {@code values}, each shown as the text under {@code keyPrefix} + its lower-case name. */
    private static <E extends Enum<E>> ComboBox<E> choice(AppContext app, E[] values, String id, String keyPrefix) {
        ComboBox<E> box = new ComboBox<>(FXCollections.observableArrayList(values));
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : app.text().t(keyPrefix + e.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public E fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        return box;
    }

    /** Read once at start (the whole UI is built in one language), so a change shows after a restart. */
    private static Node language(AppContext app, UiSettings current, Consumer<UiSettings.Language> onLanguage) {
        ComboBox<UiSettings.Language> choice = choice(app, UiSettings.Language.values(), "settings-language",
                "settings.language.");
        choice.setValue(current.language());
        Label note = FormGrid.help(app.text().t("settings.language.restart"));
        note.setVisible(false);
        choice.valueProperty().addListener((o, a, l) -> {
            onLanguage.accept(l);
            note.setVisible(true);
        });
        note.managedProperty().bind(note.visibleProperty());
        return new VBox(6, choice, note);
    }

    /** Keep running in the tray; where there is no tray, the option is off and says why in plain words. */
    private static Node tray(AppContext app, UiSettings current, Consumer<Boolean> onCloseToTray,
                             DesktopViewModel desktop) {
        CheckBox keep = new CheckBox(app.text().t("settings.closeToTray"));
        keep.setId("settings-close-to-tray");
        keep.setSelected(current.closeToTray() && desktop.trayAvailable());
        keep.setDisable(!desktop.trayAvailable());
        keep.selectedProperty().addListener((o, a, b) -> onCloseToTray.accept(b));
        if (desktop.trayAvailable()) {
            return keep;
        }
        Label why = FormGrid.help(desktop.noTrayReason());
        why.setId("settings-no-tray");
        return new VBox(6, keep, why);
    }

    /** Start with the desktop session: shows what the OS says, changes it on a click. */
    private static Node session(AppContext app, DesktopViewModel desktop) {
        CheckBox start = new CheckBox(app.text().t("settings.startWithSession"));
        start.setId("settings-start-with-session");
        start.setSelected(desktop.startWithSessionProperty().get());
        start.disableProperty().bind(desktop.busyProperty());
        start.setTooltip(new javafx.scene.control.Tooltip(desktop.where()));
        // a click asks the view model; the box then follows what the OS reports back
        start.setOnAction(e -> desktop.setStartWithSession(start.isSelected()));
        desktop.startWithSessionProperty().addListener((o, a, on) -> start.setSelected(on));
        Label message = new Label();
        message.setId("settings-start-with-session-message");
        message.setWrapText(true);
        message.textProperty().bind(desktop.messageProperty());
        message.visibleProperty().bind(desktop.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return new VBox(6, start, message);
    }

    /** Where passwords are kept: the OS keyring, or secrets.json and why. */
    private static Node secrets(AppContext app) {
        SecretsViewModel vm = new SecretsViewModel(app);
        Label where = new Label();
        where.setId("settings-secrets");
        where.setWrapText(true);
        where.textProperty().bind(vm.whereProperty());
        return where;
    }

    private static Node defaultRetention(AppContext app) {
        DefaultRetentionViewModel vm = new DefaultRetentionViewModel(app);
        javafx.scene.layout.HBox fields = new javafx.scene.layout.HBox(6);
        for (int i = 0; i < DefaultRetentionViewModel.RULES.size(); i++) {
            TextField f = new TextField();
            f.setId("default-keep-" + DefaultRetentionViewModel.RULES.get(i));
            f.setPrefColumnCount(3);
            f.textProperty().bindBidirectional(vm.keep.get(i));
            fields.getChildren().addAll(new Label(app.text().t("editor.keep." + DefaultRetentionViewModel.RULES.get(i))),
                    f);
        }
        javafx.scene.control.Button save = new javafx.scene.control.Button(app.text().t("editor.save"));
        save.setId("default-retention-save");
        save.setOnAction(e -> vm.save());
        Label message = new Label();
        message.textProperty().bind(vm.message);
        return new VBox(6, fields, new javafx.scene.layout.HBox(8, save, message));
    }

    /** The contacts the runbook prints, and Export runbook (a save dialog, then the file is written in the background). */
    private static Node runbook(AppContext app) {
        RunbookViewModel vm = new RunbookViewModel(app, java.time.ZoneId.systemDefault());
        javafx.scene.control.TextArea contacts = new javafx.scene.control.TextArea();
        contacts.setId("runbook-contacts");
        contacts.setPrefRowCount(3);
        contacts.setPromptText(app.text().t("runbook.contacts.prompt"));
        contacts.textProperty().bindBidirectional(vm.contacts);
        javafx.scene.control.Button save = new javafx.scene.control.Button(app.text().t("runbook.saveContacts"));
        save.setId("runbook-save-contacts");
        save.setOnAction(e -> vm.saveContacts());
        javafx.scene.control.Button export = new javafx.scene.control.Button(app.text().t("runbook.export"));
        export.setId("runbook-export");
        export.disableProperty().bind(vm.busyProperty());
        export.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle(app.text().t("runbook.export.title"));
            chooser.setInitialFileName("mamori-runbook.html");
            chooser.getExtensionFilters().setAll(
                    new javafx.stage.FileChooser.ExtensionFilter(app.text().t("runbook.html"), "*.html"),
                    new javafx.stage.FileChooser.ExtensionFilter(app.text().t("runbook.md"), "*.md"));
            java.io.File file = chooser.showSaveDialog(export.getScene().getWindow());
            if (file != null) {
                vm.export(file.toPath());
            }
        });
        Label message = new Label();
        message.setId("runbook-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.message);
        return new VBox(6, contacts, new javafx.scene.layout.HBox(8, save, export), message);
    }

    private static String describe(Vault v) {
        return v.name() + "  " + v.server().map(s -> s + ":").orElse("") + v.path();
    }

    /** Scrolls when the window is smaller than the page. */
    public Node root() {
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(root);
        scroll.setFitToWidth(true);
        return scroll;
    }
}
