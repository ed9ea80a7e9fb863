package app.mamori.ui.servers;

import app.mamori.ui.AppContext;
import app.mamori.ui.fx.Dialogs;
import app.mamori.ui.fx.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The four steps of adding a server, one pane each, with Back and Next; every field reachable by keyboard. */
public final class ServerWizardView {
    private final ServerWizardViewModel vm;
    private final I18n text;
    private final Stage stage;

    public ServerWizardView(AppContext app, ServerWizardViewModel vm, Runnable afterSave) {
        this.vm = vm;
        this.text = app.text();
        StackPane steps = new StackPane();
        Node connection = connection();
        Node hostKey = hostKey();
        Node discover = discover();
        Node save = save(afterSave);
        steps.getChildren().setAll(connection);
        vm.step.addListener((o, a, s) -> steps.getChildren().setAll(switch (s) {
            case CONNECTION -> connection;
            case HOST_KEY -> hostKey;
            case DISCOVER -> discover;
            case SAVE -> save;
        }));
        Label title = new Label();
        title.getStyleClass().add("title-3");
        title.textProperty().bind(Bindings.createStringBinding(() -> text.t("wizard.step."
                + vm.step.get().name().toLowerCase(java.util.Locale.ROOT)), vm.step));
        Label message = new Label();
        message.setId("wizard-message");
        message.setWrapText(true);
        message.getStyleClass().add("danger");
        message.textProperty().bind(vm.message);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(24, 24);
        busy.visibleProperty().bind(vm.busy);
        VBox.setVgrow(steps, Priority.ALWAYS);
        javafx.scene.control.ListView<String> progress = new javafx.scene.control.ListView<>(vm.discoverySteps);
        progress.setId("wizard-discovery-steps");
        progress.setPrefHeight(170);
        progress.setFocusTraversable(false);
        // shown while discovery runs: what it is doing, step by step, not a bare spinner
        progress.visibleProperty().bind(vm.busy.and(javafx.beans.binding.Bindings.isNotEmpty(vm.discoverySteps)));
        progress.managedProperty().bind(progress.visibleProperty());
        VBox root = new VBox(12, new HBox(12, title, busy), steps, progress, message);
        root.setPadding(new Insets(18));
        root.setId("server-wizard");
        stage = Dialogs.modal(text.t("servers.add"), root, 820, 640);
    }

    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    private Node connection() {
        GridPane g = form();
        int row = 0;
        row = field(g, row, "wizard.name", vm.name, vm.nameError, "wizard-name");
        row = field(g, row, "wizard.host", vm.host, vm.hostError, "wizard-host");
        row = field(g, row, "wizard.port", vm.port, vm.portError, "wizard-port");
        row = field(g, row, "wizard.user", vm.user, vm.userError, "wizard-user");
        row = field(g, row, "wizard.identity", vm.identity, vm.identityError, "wizard-identity");
        field(g, row, "wizard.jump", vm.jump, vm.jumpError, "wizard-jump");
        Button next = new Button(text.t("wizard.connect"));
        next.setId("wizard-connect");
        next.setDefaultButton(true);
        next.disableProperty().bind(vm.connectionValid().not().or(vm.busy));
        next.setOnAction(e -> vm.checkHostKey());
        return new VBox(12, new Label(text.t("wizard.connection.help")), g, buttons(null, next));
    }

    private Node hostKey() {
        Label explain = new Label();
        explain.setWrapText(true);
        explain.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.keyState.get()) {
            case NEW_KEY -> text.t("wizard.key.new");
            case PINNED -> text.t("wizard.key.pinned");
            case CHANGED -> text.t("wizard.key.changed", vm.pinnedFingerprint.get());
            default -> "";
        }, vm.keyState, vm.pinnedFingerprint));
        TextField fp = new TextField();
        fp.setId("wizard-fingerprint");
        fp.setEditable(false);
        fp.textProperty().bind(vm.fingerprint);
        Button trust = new Button();
        trust.setId("wizard-trust");
        trust.setDefaultButton(true);
        trust.textProperty().bind(Bindings.createStringBinding(() -> text.t(vm.keyState.get()
                == ServerWizardViewModel.KeyState.PINNED ? "wizard.key.continue" : "wizard.key.trust"), vm.keyState));
        trust.disableProperty().bind(vm.keyState.isEqualTo(ServerWizardViewModel.KeyState.CHANGED).or(vm.busy));
        trust.setOnAction(e -> vm.trustAndDiscover());
        return new VBox(12, explain, new Label(text.t("wizard.key.fingerprint")), fp,
                new Label(text.t("wizard.key.check")), buttons(vm::back, trust));
    }

    private Node discover() {
        ListView<FindingChoice> list = new ListView<>(vm.findings);
        list.setId("wizard-findings");
        list.setCellFactory(CheckBoxListCell.forListView(FindingChoice::chosenProperty));
        VBox.setVgrow(list, Priority.ALWAYS);
        ListView<String> notes = new ListView<>(vm.notes);
        notes.setId("wizard-notes");
        notes.setPrefHeight(90);
        notes.setMinHeight(70);
        Label tools = new Label();
        tools.textProperty().bind(Bindings.createStringBinding(() -> text.t("wizard.tools",
                String.join(", ", vm.tools)), vm.tools));
        // the tools list and the login help run longer than the wizard is wide, above all in Japanese: wrap them
        Label help = new Label(text.t("wizard.pg.help"));
        for (Label l : java.util.List.of(tools, help)) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        GridPane db = form();
        db.addRow(0, new Label(text.t("wizard.pg.host")), text(vm.pgHost, "wizard-pg-host"),
                new Label(text.t("wizard.pg.port")), text(vm.pgPort, "wizard-pg-port"));
        PasswordField pw = new PasswordField();
        pw.setId("wizard-pg-password");
        pw.textProperty().bindBidirectional(vm.pgPassword);
        db.addRow(1, new Label(text.t("wizard.pg.user")), text(vm.pgUser, "wizard-pg-user"),
                new Label(text.t("wizard.pg.password")), pw);
        Button again = new Button(text.t("wizard.discoverAgain"));
        again.setId("wizard-discover-again");
        again.disableProperty().bind(vm.busy);
        again.setOnAction(e -> vm.discoverAgain());
        Button next = new Button(text.t("wizard.next"));
        next.setId("wizard-to-save");
        next.setDefaultButton(true);
        next.setOnAction(e -> vm.toSave());
        return new VBox(10, tools, new Label(text.t("wizard.findings")), list, new Label(text.t("wizard.notes")), notes,
                help, new HBox(10, db, again), buttons(vm::back, next));
    }

    private static TextField small(TextField f) {
        f.setPrefColumnCount(4);
        return f;
    }

    private Node save(Runnable afterSave) {
        ComboBox<String> vault = new ComboBox<>(vm.vaults);
        vault.setId("wizard-vault");
        vault.valueProperty().bindBidirectional(vm.vault);
        vault.setPromptText(text.t("wizard.vault.new"));
        TextField newVault = text(vm.newVaultPath, "wizard-new-vault");
        newVault.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.vault.get() != null
                && !vm.vault.get().isEmpty(), vm.vault));
        GridPane g = form();
        g.addRow(0, new Label(text.t("wizard.job")), text(vm.jobName, "wizard-job"));
        g.addRow(1, new Label(text.t("wizard.vault")), vault);
        g.addRow(2, new Label(text.t("wizard.vault.path")), newVault);
        TextField schedule = text(vm.schedule, "wizard-schedule");
        schedule.setPromptText(text.t("editor.schedule.prompt"));
        g.addRow(3, new Label(text.t("wizard.schedule")), schedule);
        HBox keep = new HBox(8, new Label(text.t("editor.keep.daily")), small(text(vm.keepDaily, "wizard-keep-daily")),
                new Label(text.t("editor.keep.weekly")), small(text(vm.keepWeekly, "wizard-keep-weekly")),
                new Label(text.t("editor.keep.monthly")), small(text(vm.keepMonthly, "wizard-keep-monthly")));
        keep.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        g.addRow(4, new Label(text.t("wizard.keep")), keep);
        Label saved = new Label();
        saved.setId("wizard-saved");
        saved.textProperty().bind(Bindings.createStringBinding(() -> vm.savedJob.get().isEmpty() ? ""
                : text.t("wizard.saved", vm.savedJob.get()), vm.savedJob));
        Button save = new Button(text.t("wizard.save"));
        save.setId("wizard-save");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.busy.or(vm.savedJob.isNotEmpty()));
        save.setOnAction(e -> vm.save());
        Button backup = new Button(text.t("wizard.backUpNow"));
        backup.setId("wizard-backup-now");
        backup.disableProperty().bind(vm.savedJob.isEmpty());
        backup.setOnAction(e -> {
            vm.backUpNow();
            stage.close();
            afterSave.run();
        });
        Button close = new Button(text.t("wizard.close"));
        close.setOnAction(e -> {
            stage.close();
            afterSave.run();
        });
        return new VBox(12, new Label(text.t("wizard.save.help")), g, saved, new HBox(10, save, backup, close),
                buttons(vm::back, null));
    }

    private static GridPane form() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(6);
        return g;
    }

    /** A labelled text field with its error right beside it, updated as the admin types. */
    private int field(GridPane g, int row, String key, StringProperty value, StringProperty error, String id) {
        Label label = new Label(text.t(key));
        TextField f = text(value, id);
        label.setLabelFor(f);
        Label err = new Label();
        err.setId(id + "-error");
        err.getStyleClass().add("field-error");
        err.textProperty().bind(error);
        g.addRow(row, label, f, err);
        return row + 1;
    }

    private static TextField text(StringProperty value, String id) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private Node buttons(Runnable back, Button next) {
        HBox box = new HBox(10);
        if (back != null) {
            Button b = new Button(text.t("wizard.back"));
            b.setId("wizard-back");
            b.setCancelButton(true);
            b.setOnAction(e -> back.run());
            box.getChildren().add(b);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        box.getChildren().add(spacer);
        if (next != null) {
            box.getChildren().add(next);
        }
        return box;
    }
}
