package app.mamori.ui.restore.wizard;

import app.mamori.service.FileHistory;
import app.mamori.ui.fx.Format;
import app.mamori.ui.fx.I18n;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The files part of the wizard's fourth step: find a file by name across every backup, pick its version. */
final class FileSearchPane {
    private final VBox root;

    FileSearchPane(I18n text, Format format, RestoreWizardModel model) {
        FileSearch files = model.files();
        TextField pattern = new TextField();
        pattern.setId("wizard-find");
        pattern.setPromptText(text.t("wizard.find.hint"));
        pattern.textProperty().bindBidirectional(files.patternProperty());
        HBox.setHgrow(pattern, Priority.ALWAYS);
        Button go = new Button(text.t("wizard.find.go"));
        go.setId("wizard-find-go");
        go.disableProperty().bind(files.searchingProperty());
        Runnable search = () -> files.search(model.sourceProperty().get().name());
        go.setOnAction(e -> search.run());
        pattern.setOnAction(e -> search.run());
        Label message = WizardCells.wrapped("");
        message.setId("wizard-find-message");
        message.textProperty().bind(files.messageProperty());
        ListView<FileHistory> hits = new ListView<>(files.hits());
        hits.setId("wizard-find-hits");
        WizardCells.wrapping(hits, f -> text.t("wizard.find.hit", f.path(), f.versions().size(),
                text.t("wizard.find.change." + f.versions().get(f.versions().size() - 1).change().id())));
        ListView<FileHistory.Version> versions = new ListView<>();
        versions.setId("wizard-find-versions");
        WizardCells.wrapping(versions, x -> text.t("wizard.find.version", format.when(x.time()),
                text.t("wizard.find.change." + x.change().id()),
                x.size().isPresent() ? format.bytes(x.size().getAsLong()) : "", x.point()));
        versions.setPrefWidth(320);
        versions.setMinWidth(260);
        hits.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> {
            java.util.List<FileHistory.Version> newestFirst = new java.util.ArrayList<>(
                    f == null ? java.util.List.of() : f.versions());
            java.util.Collections.reverse(newestFirst);
            versions.getItems().setAll(newestFirst);
            if (f != null) {
                versions.getSelectionModel().select(0);
            }
        });
        Button choose = new Button(text.t("wizard.find.choose"));
        choose.setId("wizard-find-choose");
        choose.disableProperty().bind(versions.getSelectionModel().selectedItemProperty().isNull());
        choose.setOnAction(e -> model.chooseVersion(hits.getSelectionModel().getSelectedItem(),
                versions.getSelectionModel().getSelectedItem()));
        HBox.setHgrow(hits, Priority.ALWAYS);
        VBox.setVgrow(versions, Priority.ALWAYS);
        HBox lists = new HBox(10, hits, new VBox(8, versions, choose));
        VBox.setVgrow(lists, Priority.ALWAYS);
        root = new VBox(8, new Label(text.t("wizard.find.title")), new HBox(8, pattern, go), message, lists);
    }

    Node root() {
        return root;
    }
}
