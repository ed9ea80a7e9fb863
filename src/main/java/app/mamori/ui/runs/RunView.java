package app.mamori.ui.runs;

import app.mamori.ui.fx.Format;
import app.mamori.ui.fx.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;
import java.util.function.Function;

/** A run as it happens: its state, one row per source (phase, bytes, throughput, ETA), the log and Cancel. */
public final class RunView {
    private final VBox root;

    public RunView(RunViewModel vm, I18n text, Format format) {
        Label state = new Label();
        state.setId("run-state");
        state.textProperty().bind(Bindings.createStringBinding(() -> text.t("run.state."
                + vm.stateProperty().get().name().toLowerCase(Locale.ROOT)), vm.stateProperty()));
        Label message = new Label();
        message.setId("run-message");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        Button cancel = new Button(text.t("run.cancel"), new FontIcon(Feather.X_CIRCLE));
        cancel.setId("cancel-run");
        cancel.getStyleClass().add("danger");
        cancel.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.running(), vm.stateProperty()));
        cancel.setOnAction(e -> vm.cancel());
        HBox header = new HBox(12, state, cancel);

        TableView<SourceProgress> sources = new TableView<>(vm.sources());
        sources.setId("run-sources");
        sources.getColumns().add(column(text.t("run.col.source"), SourceProgress::source));
        sources.getColumns().get(0).setMinWidth(110);
        TableColumn<SourceProgress, String> phase = new TableColumn<>(text.t("run.col.phase"));
        phase.setCellValueFactory(c -> Bindings.createStringBinding(() -> text.t("run.phase."
                        + c.getValue().phaseProperty().get().name().toLowerCase(Locale.ROOT)),
                c.getValue().phaseProperty()));
        phase.setMinWidth(80);
        sources.getColumns().add(phase);
        TableColumn<SourceProgress, String> bytes = new TableColumn<>(text.t("run.col.bytes"));
        bytes.setCellValueFactory(c -> Bindings.createStringBinding(() -> format.bytes(c.getValue()
                .bytesProperty().get()), c.getValue().bytesProperty()));
        bytes.setMinWidth(90);
        sources.getColumns().add(bytes);
        TableColumn<SourceProgress, String> rate = new TableColumn<>(text.t("run.col.rate"));
        rate.setCellValueFactory(c -> Bindings.createStringBinding(() -> format.rate(c.getValue()
                .throughputProperty().get()), c.getValue().throughputProperty()));
        rate.setMinWidth(90);
        sources.getColumns().add(rate);
        TableColumn<SourceProgress, String> eta = new TableColumn<>(text.t("run.col.eta"));
        eta.setCellValueFactory(c -> Bindings.createStringBinding(() -> c.getValue().phaseProperty().get()
                        == SourceProgress.Phase.RUNNING ? format.eta(c.getValue().etaSecondsProperty().get()) : "",
                c.getValue().etaSecondsProperty(), c.getValue().phaseProperty()));
        eta.setMinWidth(110);
        sources.getColumns().add(eta);
        sources.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        sources.setPrefHeight(160);

        ListView<String> log = new ListView<>(vm.log());
        log.setId("run-log");
        log.getStyleClass().add("run-log");
        vm.log().addListener((javafx.collections.ListChangeListener<String>) c -> log.scrollTo(vm.log().size() - 1));
        VBox.setVgrow(log, Priority.ALWAYS);
        root = new VBox(8, header, message, sources, new Label(text.t("run.log")), log);
        root.setPadding(new Insets(0, 0, 0, 0));
    }

    private static TableColumn<SourceProgress, String> column(String title, Function<SourceProgress, String> f) {
        TableColumn<SourceProgress, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        return c;
    }

    public Node root() {
        return root;
    }
}
