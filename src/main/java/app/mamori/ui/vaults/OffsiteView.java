package app.mamori.ui.vaults;

import app.mamori.model.ObjectVault;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.Columns;
import app.mamori.ui.fx.Dialogs;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;

/** The Vaults page's offsite part: object vaults, the jobs copying to them, copy now, the recovery sheet. */
final class OffsiteView {
    private final AppContext app;
    private final OffsiteViewModel vm;
    private final TableView<OffsiteViewModel.VaultLine> vaults = new TableView<>();
    private final TableView<OffsiteViewModel.CopyLine> copies = new TableView<>();
    private final VBox root;

    OffsiteView(AppContext app, OffsiteViewModel vm) {
        this.app = app;
        this.vm = vm;
        vaults.setId("offsite-vaults");
        vaults.setItems(vm.vaults());
        vaults.getColumns().add(Columns.text(app.text().t("vaults.col.name"), l -> l.vault().name()));
        vaults.getColumns().add(Columns.text(app.text().t("offsite.col.bucket"), l -> bucket(l.vault())));
        vaults.getColumns().add(Columns.text(app.text().t("offsite.col.endpoint"), l -> l.vault().endpoint()
                .orElse("AWS S3") + " (" + l.vault().region() + ")"));
        vaults.getColumns().add(Columns.text(app.text().t("offsite.col.encryption"), l -> app.text().t(
                l.vault().encrypted() ? "offsite.encrypted" : "offsite.plain")));
        vaults.getColumns().add(Columns.text(app.text().t("offsite.col.lock"), l -> vm.lock(l.vault())));
        vaults.getColumns().add(Columns.text(app.text().t("offsite.col.jobs"), l -> l.jobs().isEmpty() ? "-"
                : String.join(", ", l.jobs())));
        vaults.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        vaults.setPrefHeight(130);

        copies.setId("offsite-copies");
        copies.setItems(vm.copies());
        copies.getColumns().add(Columns.text(app.text().t("offsite.col.job"), OffsiteViewModel.CopyLine::job));
        copies.getColumns().add(Columns.text(app.text().t("offsite.col.to"), OffsiteViewModel.CopyLine::vault));
        copies.getColumns().add(Columns.text(app.text().t("offsite.col.keep"), c -> vm.keep(c.keep())));
        copies.getColumns().add(Columns.text(app.text().t("offsite.col.locked"), vm::locks));
        copies.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        copies.setPrefHeight(130);

        Button add = new Button(app.text().t("offsite.add"), new FontIcon(Feather.CLOUD));
        add.setId("offsite-add");
        add.setOnAction(e -> new AddObjectVaultDialog(app, vm).show());
        Button remove = new Button(app.text().t("vaults.remove"), new FontIcon(Feather.TRASH_2));
        remove.setId("offsite-remove");
        remove.disableProperty().bind(vaults.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> removeSelected());
        Button sheet = new Button(app.text().t("offsite.sheet"), new FontIcon(Feather.PRINTER));
        sheet.setId("offsite-sheet");
        sheet.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.vaults()));
        sheet.setOnAction(e -> exportSheet());
        // a key alone, its words in the tooltip: one more labelled button cuts the bar at 1280x720 (Japanese too)
        Button passphrase = new Button(null, new FontIcon(Feather.KEY));
        passphrase.setTooltip(new javafx.scene.control.Tooltip(app.text().t("offsite.passphrase")));
        passphrase.setAccessibleText(app.text().t("offsite.passphrase"));
        passphrase.setId("offsite-passphrase-change");
        passphrase.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            OffsiteViewModel.VaultLine l = vaults.getSelectionModel().getSelectedItem();
            return l == null || !l.vault().encrypted();
        }, vaults.getSelectionModel().selectedItemProperty()));
        passphrase.setOnAction(e -> new PassphraseDialog(app, vm, vaults.getSelectionModel().getSelectedItem()
                .vault().name()).show());
        Label title = new Label(app.text().t("offsite.title"));
        title.getStyleClass().add("title-3");
        HBox vaultBar = new HBox(12, title, add, passphrase, remove, sheet);
        vaultBar.setAlignment(Pos.CENTER_LEFT);

        Button copyTo = new Button(app.text().t("offsite.copyJob"), new FontIcon(Feather.COPY));
        copyTo.setId("offsite-copy-job");
        copyTo.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.vaults()));
        copyTo.setOnAction(e -> new CopySettingsDialog(app, vm, copies.getSelectionModel().getSelectedItem()).show());
        Button copyNow = new Button(app.text().t("offsite.copyNow"), new FontIcon(Feather.UPLOAD_CLOUD));
        copyNow.setId("offsite-copy-now");
        copyNow.disableProperty().bind(copies.getSelectionModel().selectedItemProperty().isNull().or(vm.copying()));
        copyNow.setOnAction(e -> vm.copyNow(copies.getSelectionModel().getSelectedItem().job()));
        Button check = new Button(app.text().t("offsite.check"), new FontIcon(Feather.CHECK_CIRCLE));
        check.setId("offsite-check");
        check.disableProperty().bind(copies.getSelectionModel().selectedItemProperty().isNull().or(vm.copying()));
        check.setOnAction(e -> {
            OffsiteViewModel.CopyLine l = copies.getSelectionModel().getSelectedItem();
            vm.checkCopies(l.job(), l.vault());
        });
        Button stop = new Button(app.text().t("offsite.copy.stop"));
        stop.setId("offsite-copy-stop");
        stop.visibleProperty().bind(vm.copying());
        stop.managedProperty().bind(stop.visibleProperty());
        stop.setOnAction(e -> vm.stopCopy());
        Button noCopy = new Button(app.text().t("offsite.noCopy"));
        noCopy.setId("offsite-no-copy");
        noCopy.disableProperty().bind(copies.getSelectionModel().selectedItemProperty().isNull());
        noCopy.setOnAction(e -> vm.removeCopy(copies.getSelectionModel().getSelectedItem().job()));
        HBox copyBar = new HBox(12, copyTo, copyNow, check, stop, noCopy);
        copyBar.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("offsite-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.message());
        // empty, a table would say what to do in a placeholder squeezed to a line or two; a label says it whole
        Label noVaults = emptyState(app.text().t("offsite.none"), javafx.beans.binding.Bindings.isEmpty(vm.vaults()));
        noVaults.setId("offsite-none");
        Label noCopies = emptyState(app.text().t("offsite.copies.none"),
                javafx.beans.binding.Bindings.isEmpty(vm.copies()));
        showUnless(vaults, noVaults);
        showUnless(copies, noCopies);
        root = new VBox(10, vaultBar, noVaults, vaults, copyBar, noCopies, copies, message);
    }

    private static Label emptyState(String text, javafx.beans.binding.BooleanBinding empty) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("text-muted");
        l.visibleProperty().bind(empty);
        l.managedProperty().bind(empty);
        return l;
    }

    private static void showUnless(Node table, Label empty) {
        table.visibleProperty().bind(empty.visibleProperty().not());
        table.managedProperty().bind(table.visibleProperty());
    }

    static String bucket(ObjectVault v) {
        return v.bucket() + (v.prefix().isEmpty() ? "" : "/" + v.prefix().replaceAll("/$", ""));
    }

    private void removeSelected() {
        OffsiteViewModel.VaultLine l = vaults.getSelectionModel().getSelectedItem();
        if (l != null && Dialogs.confirm(app.text().t("offsite.remove.title"),
                app.text().t("offsite.remove.header", l.vault().name()),
                app.text().t("offsite.remove.details", bucket(l.vault())), app.text().t("vaults.remove"),
                app.text().t("common.cancel"))) {
            vm.removeVault(l.vault().name());
        }
    }

    private void exportSheet() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(app.text().t("offsite.sheet"));
        chooser.setInitialFileName("mamori-recovery-sheet.html");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            vm.exportRecoverySheet(file.toPath());
        }
    }

    Node root() {
        return root;
    }
}
