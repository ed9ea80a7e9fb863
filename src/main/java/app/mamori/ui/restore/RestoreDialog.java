package app.mamori.ui.restore;

import app.mamori.engine.restore.PointChoice;
import app.mamori.engine.restore.RestoreListener;
import app.mamori.engine.restore.RestorePlan;
import app.mamori.engine.restore.RestorePlanner;
import app.mamori.engine.restore.RestoreResult;
import app.mamori.engine.restore.RestoreTarget;
import app.mamori.model.SourceKind;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.ErrorWords;
import app.mamori.util.Bytes;
import app.mamori.util.CancelToken;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Point → source → target (only those the source's kind has) → plan review → confirm →
 * progress, over RestorePlanner and RestoreEngine.
 */
final class RestoreDialog {
    private final AppContext app;
    private final RestorePointViewModel point;
    private final Stage stage = new Stage();
    private final ComboBox<String> source = new ComboBox<>();
    private final ComboBox<TargetKind> kind = new ComboBox<>();
    private final TextField where = new TextField();
    private final TextField only = new TextField();
    private final Label onlyLabel = new Label();
    private final Button choose;
    private final TextArea plan = new TextArea();
    private final Label status = new Label();
    private final Button review;
    private final Button restore;
    private RestorePlan reviewed;

    RestoreDialog(AppContext app, RestorePointViewModel point) {
        this.app = app;
        this.point = point;
        source.getItems().setAll(point.sources());
        source.setId("restore-source");
        kind.setId("restore-target-kind");
        kind.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(TargetKind k) {
                return k == null ? "" : app.text().t(k.labelKey(sourceKind()));
            }

            @Override
            public TargetKind fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        source.valueProperty().addListener((o, a, b) -> {
            offerTargets();
            offerNarrowing();
        });
        only.setId("restore-only");
        kind.valueProperty().addListener((o, a, k) -> {
            String hint = k == null ? null : k.hintKey(sourceKind());
            where.setPromptText(hint == null ? "" : app.text().t(hint));
        });
        source.getSelectionModel().select(0);
        choose = new Button(app.text().t("restore.chooseFolder"));
        choose.setId("restore-choose-folder");
        choose.visibleProperty().bind(kind.valueProperty().isEqualTo(TargetKind.TO_LOCAL));
        choose.managedProperty().bind(choose.visibleProperty());
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            java.io.File dir = chooser.showDialog(stage);
            if (dir != null) {
                where.setText(dir.getAbsolutePath());
            }
        });
        where.setId("restore-where");
        where.disableProperty().bind(kind.valueProperty().isEqualTo(TargetKind.IN_PLACE));
        plan.setEditable(false);
        plan.setId("restore-plan");
        plan.setPrefRowCount(12);
        status.setId("restore-status");
        status.setWrapText(true);
        review = new Button(app.text().t("restore.review"));
        review.setId("restore-review");
        review.setDefaultButton(true);
        review.setOnAction(e -> review());
        restore = new Button(app.text().t("restore.run"));
        restore.setId("restore-run");
        restore.getStyleClass().add("danger");
        restore.setDisable(true);
        restore.setOnAction(e -> confirmAndRun());
        source.valueProperty().addListener((o, a, b) -> invalidate());
        kind.valueProperty().addListener((o, a, b) -> invalidate());
        where.textProperty().addListener((o, a, b) -> invalidate());
        only.textProperty().addListener((o, a, b) -> invalidate());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label(app.text().t("restore.point")), new Label(point.id()));
        form.addRow(1, new Label(app.text().t("restore.source")), source);
        HBox.setHgrow(where, Priority.ALWAYS);
        form.addRow(2, new Label(app.text().t("restore.target")), new HBox(8, kind, where, choose));
        HBox.setHgrow(only, Priority.ALWAYS);
        form.addRow(3, onlyLabel, only);
        onlyLabel.visibleProperty().bind(only.visibleProperty());
        onlyLabel.managedProperty().bind(only.visibleProperty());
        only.managedProperty().bind(only.visibleProperty());
        offerNarrowing();
        VBox.setVgrow(plan, Priority.ALWAYS);
        VBox root = new VBox(10, form, new HBox(8, review, restore), plan, status);
        root.setPadding(new Insets(16));
        stage.setTitle(app.text().t("restore.title", point.job()));
        stage.initModality(Modality.APPLICATION_MODAL);
        stage.setScene(new Scene(root, 720, 520));
    }

    void show() {
        stage.show();
    }

    private void invalidate() {
        reviewed = null;
        restore.setDisable(true);
    }

    private SourceKind sourceKind() {
        return point.kinds().get(source.getValue());
    }

    /** The targets the chosen source's kind has, the first (never in place) preselected. */
    private void offerTargets() {
        SourceKind k = sourceKind();
        kind.getItems().setAll(k == null ? java.util.List.of() : TargetKind.forSource(k));
        kind.getSelectionModel().select(0);
    }

    /** The field that narrows the restore (files: paths; PostgreSQL: tables), shown only for those kinds. */
    private void offerNarrowing() {
        String key = sourceKind() == null ? null : TargetKind.narrowingKey(sourceKind());
        only.setVisible(key != null);
        only.clear();
        if (key != null) {
            onlyLabel.setText(app.text().t(key));
            only.setPromptText(app.text().t(key + ".hint"));
        }
    }

    private RestoreTarget target() {
        return kind.getValue().target(where.getText());
    }

    private void review() {
        java.util.List<String> parts = only.isVisible() ? TargetKind.narrowing(only.getText()) : java.util.List.of();
        boolean files = sourceKind() != null && sourceKind().isSnapshot(); // paths or keys to --include, not tables
        RestorePlanner.Request request = new RestorePlanner.Request(source.getValue(),
                new PointChoice.Id(point.id()), target(), true, files ? parts : java.util.List.of(),
                files ? java.util.List.of() : parts);
        status.setText("");
        app.executor().submit(() -> app.services().points().planRestore(request), p -> {
            reviewed = p;
            plan.setText(RestorePlanViewModel.of(p, app.text()).describe(app.text().t("restore.plan.from"),
                    app.text().t("restore.plan.to"), app.text().t("restore.plan.safety"),
                    app.text().t("restore.plan.commands"), app.text().t("restore.plan.warnings")));
            restore.setDisable(false);
        }, e -> {
            plan.clear();
            status.setText(ErrorWords.say(app.text(), e));
        });
    }

    private void confirmAndRun() {
        RestorePlan p = reviewed;
        if (p == null) {
            return;
        }
        if (p.target().inPlace()) {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, app.text().t("restore.confirmInPlace",
                    PlanWords.target(app.text(), p), PlanWords.safety(app.text(), p)), ButtonType.CANCEL, ButtonType.OK);
            if (a.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) {
                return;
            }
        }
        review.setDisable(true);
        restore.setDisable(true);
        AtomicLong bytes = new AtomicLong();
        RestoreListener listener = new RestoreListener() {
            @Override
            public void step(String what) {
                app.executor().onUi(() -> status.setText(what));
            }

            @Override
            public void progress(long b) {
                if (b - bytes.getAndSet(b) > 0) {
                    app.executor().onUi(() -> status.setText(app.text().t("restore.progress", Bytes.human(b))));
                }
            }
        };
        app.executor().submit(() -> app.services().points().restore(p, listener, new CancelToken()), this::done, e -> {
            status.setText(ErrorWords.say(app.text(), e));
            review.setDisable(false);
        });
    }

    private void done(RestoreResult r) {
        review.setDisable(false);
        status.setText(r.ok() ? app.text().t("restore.done", PlanWords.target(app.text(), r.plan()),
                r.safetyPoint().orElse("-"))
                : PlanWords.whyFailed(app.text(), r) + "\n"
                + PlanWords.afterFailure(app.text(), r));
    }
}
