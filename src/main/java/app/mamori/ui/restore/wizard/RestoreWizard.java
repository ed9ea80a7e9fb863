package app.mamori.ui.restore.wizard;

import app.mamori.ui.AppContext;
import app.mamori.ui.fx.Dialogs;
import app.mamori.ui.fx.Format;
import app.mamori.ui.restore.wizard.RestoreWizardModel.Step;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The incident restore wizard's window: the seven steps down the side, the current step's page,
 * and Back / Next / Close. Every page binds to {@link RestoreWizardModel}; nothing here reads the
 * catalogue or talks to a server. Escape closes it, except while a restore runs: then Escape and
 * Close ask the restore to stop, and the window stays to show what state the target is in.
 */
public final class RestoreWizard {
    private final RestoreWizardModel model;
    private final Stage stage;
    private final StackPane page = new StackPane();
    private final Map<Step, Node> pages = new EnumMap<>(Step.class);
    private final Map<Step, Label> marks = new EnumMap<>(Step.class);

    public RestoreWizard(AppContext app, Format format, Optional<String> source) {
        this(app, format, source, Optional.empty());
    }

    /** The wizard opened from a failed run of {@code job}: its sources are the ones offered, the first chosen. */
    public static RestoreWizard forFailedJob(AppContext app, Format format, String job) {
        return new RestoreWizard(app, format, Optional.empty(), Optional.of(job));
    }

    private RestoreWizard(AppContext app, Format format, Optional<String> source, Optional<String> job) {
        model = new RestoreWizardModel(app, format, Path.of(System.getProperty("user.home")));
        WizardPages builder = new WizardPages(app, format, model);
        for (Step s : Step.values()) {
            pages.put(s, builder.page(s));
        }
        VBox steps = new VBox(6);
        steps.setPadding(new Insets(16));
        steps.setMinWidth(200);
        steps.setPrefWidth(220);
        steps.getStyleClass().add("wizard-steps");
        for (Step s : Step.values()) {
            Label l = new Label((s.ordinal() + 1) + ". " + app.text().t(key(s)));
            l.setWrapText(true);
            l.setId("wizard-step-" + s.name().toLowerCase(Locale.ROOT));
            marks.put(s, l);
            steps.getChildren().add(l);
        }
        Label incident = new Label();
        incident.setId("wizard-incident");
        incident.setWrapText(true);
        incident.getStyleClass().add("text-muted");
        incident.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            var i = model.incidentProperty().get();
            return i == null ? "" : i.open() ? app.text().t("wizard.incident.open", i.id(), i.held())
                    : app.text().t("wizard.incident.closed", i.id());
        }, model.incidentProperty()));
        steps.getChildren().addAll(new javafx.scene.layout.Region() {
            {
                setMinHeight(16);
            }
        }, incident);
        Label error = new Label();
        error.setId("wizard-error");
        error.setWrapText(true);
        error.getStyleClass().add("danger");
        error.textProperty().bind(model.errorProperty());
        error.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(error, Priority.ALWAYS);
        Button back = new Button(app.text().t("wizard.back"));
        back.setId("wizard-back");
        back.disableProperty().bind(model.stepProperty().isEqualTo(Step.WHAT).or(model.stepProperty()
                .isEqualTo(Step.RUN)).or(model.busyProperty()));
        back.setOnAction(e -> model.back());
        Button next = new Button();
        next.setId("wizard-next");
        next.setDefaultButton(true);
        next.disableProperty().bind(model.canGoOn().not());
        next.visibleProperty().bind(model.stepProperty().isNotEqualTo(Step.RUN));
        next.managedProperty().bind(next.visibleProperty());
        next.setOnAction(e -> model.next());
        Button close = new Button(app.text().t("wizard.close"));
        close.setId("wizard-close");
        close.setCancelButton(false);
        close.setOnAction(e -> closeOrCancel());
        HBox buttons = new HBox(8, error, back, next, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(10, 16, 16, 16));
        page.setPadding(new Insets(16, 16, 0, 0));
        BorderPane root = new BorderPane(page, null, null, buttons, steps);
        stage = Dialogs.modal(app.text().t("wizard.title"), root, 1180, 700, this::closeOrCancel);
        stage.setUserData(this);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        model.stepProperty().addListener((o, a, s) -> show(s, next, app));
        show(Step.WHAT, next, app);
        model.load(source, job);
    }

    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    public RestoreWizardModel model() {
        return model;
    }

    private void show(Step s, Button next, AppContext app) {
        page.getChildren().setAll(pages.get(s));
        marks.forEach((k, l) -> {
            l.getStyleClass().removeAll("text-bold", "accent", "text-muted");
            l.getStyleClass().add(k == s ? "accent" : k.ordinal() < s.ordinal() ? "text-muted" : "text-subtle");
            if (k == s) {
                l.getStyleClass().add("text-bold");
            }
            l.setAccessibleText(l.getText() + (k == s ? ", " + app.text().t("wizard.current") : ""));
        });
        next.setText(app.text().t(switch (s) {
            case WHERE -> "wizard.next.review";
            case REVIEW -> "wizard.next.run";
            default -> "wizard.next";
        }));
        next.getStyleClass().remove("danger");
        if (s == Step.REVIEW) {
            next.getStyleClass().add("danger");
        }
    }

    private void closeOrCancel() {
        if (model.run().runningProperty().get()) {
            model.run().cancel();
        } else {
            stage.close();
        }
    }

    static String key(Step s) {
        return "wizard.step." + s.name().toLowerCase(Locale.ROOT);
    }
}
