package app.mamori.ui.restore.wizard;

import app.mamori.model.SourceKind;
import app.mamori.service.FolderEntry;
import app.mamori.service.PointService;
import app.mamori.ui.fx.Format;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.restore.wizard.RestoreWizardModel.Step;
import javafx.scene.Node;
import javafx.scene.control.CheckBoxTreeItem;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.cell.CheckBoxTreeCell;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files part of the wizard's fourth step: the chosen backup's folders as a tree that opens
 * one folder at a time, with a tick box on each file and folder. Ticking a folder ticks what is
 * under it; what is ticked goes to the include list as the highest ticked paths.
 */
final class FolderBrowserPane {
    private final I18n text;
    private final Format format;
    private final RestoreWizardModel model;
    private final FolderBrowser browser;
    private final TreeView<FolderEntry> tree = new TreeView<>();
    private final VBox root;
    private PointService.OfSource shownPoint;

    FolderBrowserPane(I18n text, Format format, RestoreWizardModel model) {
        this.text = text;
        this.format = format;
        this.model = model;
        this.browser = model.folders();
        tree.setId("wizard-browse-tree");
        tree.setShowRoot(false);
        tree.setCellFactory(v -> new EntryCell());
        VBox.setVgrow(tree, Priority.ALWAYS);
        Label message = WizardCells.wrapped("");
        message.setId("wizard-browse-message");
        message.getStyleClass().add("danger");
        message.textProperty().bind(browser.messageProperty());
        root = new VBox(8, WizardCells.wrapped(text.t("wizard.browse.title")), tree, message);
        // read when the step shows a files backup, and again when a search chooses another backup
        model.stepProperty().addListener((o, a, s) -> showPoint());
        model.pointProperty().addListener((o, a, p) -> showPoint());
    }

    Node root() {
        return root;
    }

    private void showPoint() {
        PointService.OfSource p = model.pointProperty().get();
        RestoreWizardModel.SourceOption s = model.sourceProperty().get();
        if (model.stepProperty().get() != Step.PARTS || p == shownPoint) {
            return;
        }
        shownPoint = p;
        browser.forget();
        CheckBoxTreeItem<FolderEntry> top = new CheckBoxTreeItem<>();
        tree.setRoot(top);
        if (p == null || s == null || s.kind() != SourceKind.FILES) {
            return;
        }
        top.addEventHandler(CheckBoxTreeItem.checkBoxSelectionChangedEvent(), e -> browser.picked(picked(top)));
        browser.open(p.point().id(), s.name(), Optional.empty(), entries -> {
            top.getChildren().setAll(items(entries, false));
            if (entries.isEmpty()) {
                browser.noFileList(p.point().id());
            }
        });
    }

    private List<TreeItem<FolderEntry>> items(List<FolderEntry> entries, boolean ticked) {
        List<TreeItem<FolderEntry>> out = new ArrayList<>();
        for (FolderEntry e : entries) {
            Item item = new Item(e);
            // a ticked folder's children come in ticked: it stands for everything under it
            item.setSelected(ticked);
            out.add(item);
        }
        return out;
    }

    /** The highest ticked paths: a fully ticked folder stands for its subtree; a partly ticked one is opened. */
    static List<String> picked(TreeItem<FolderEntry> parent) {
        List<String> out = new ArrayList<>();
        for (TreeItem<FolderEntry> child : parent.getChildren()) {
            CheckBoxTreeItem<FolderEntry> c = (CheckBoxTreeItem<FolderEntry>) child;
            if (c.isSelected() && !c.isIndeterminate()) {
                out.add(c.getValue().path());
            } else if (c.isIndeterminate()) {
                out.addAll(picked(c));
            }
        }
        return out;
    }

    /** A file or folder of the backup; a folder reads its children the first time it is opened. */
    private final class Item extends CheckBoxTreeItem<FolderEntry> {
        private boolean asked;

        Item(FolderEntry entry) {
            super(entry);
            expandedProperty().addListener((o, a, open) -> {
                if (open && !asked && shownPoint != null) {
                    asked = true;
                    browser.open(shownPoint.point().id(), model.sourceProperty().get().name(),
                            Optional.of(entry.raw()), entries -> getChildren().setAll(items(entries, isSelected())));
                }
            });
        }

        @Override
        public boolean isLeaf() {
            return !getValue().folder() || asked && getChildren().isEmpty();
        }
    }

    /** Name, size and time; the whole path in the tooltip, since a deep name may be cut at the pane's edge. */
    private final class EntryCell extends CheckBoxTreeCell<FolderEntry> {
        EntryCell() {
            setConverter(new StringConverter<>() {
                @Override
                public String toString(TreeItem<FolderEntry> item) {
                    FolderEntry e = item == null ? null : item.getValue();
                    if (e == null) {
                        return "";
                    }
                    String when = e.modified() == null ? "" : format.when(e.modified());
                    return e.folder() ? text.t("wizard.browse.folder", e.name(), when)
                            : text.t("wizard.browse.file", e.name(), format.bytes(e.size()), when);
                }

                @Override
                public TreeItem<FolderEntry> fromString(String s) {
                    throw new UnsupportedOperationException();
                }
            });
        }

        @Override
        public void updateItem(FolderEntry item, boolean empty) {
            super.updateItem(item, empty);
            setTooltip(empty || item == null ? null : new Tooltip(item.path()));
        }
    }
}
