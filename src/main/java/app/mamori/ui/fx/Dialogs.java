package app.mamori.ui.fx;

import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.Objects;
import java.util.Optional;

/** The one way the app opens a dialog: modal, with the app's style, sized to fit the screen, closed by Escape. */
public final class Dialogs {
    private Dialogs() {
    }

    /**
     * A modal window for {@code root}. Its preferred size shrinks to what the screen has (a
     * 1280x720 laptop keeps room for the panel and the title bar); Escape closes it, as
     * Cancel does.
     */
    public static Stage modal(String title, Parent root, double width, double height) {
        return modal(title, root, width, height, null);
    }

    /**
     * As above, with {@code onEscape} run instead of closing when Escape is pressed: a window
     * with work running asks that work to stop first (and closes once it has).
     */
    public static Stage modal(String title, Parent root, double width, double height, Runnable onEscape) {
        Stage stage = new Stage();
        stage.setTitle(title);
        stage.initModality(Modality.APPLICATION_MODAL);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(width, screen.getWidth() - 40), Math.min(height, screen.getHeight() - 60));
        scene.getStylesheets().add(Objects.requireNonNull(Dialogs.class.getResource("/app/mamori/ui/app.css"))
                .toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                if (onEscape == null) {
                    stage.close();
                } else {
                    onEscape.run();
                }
            }
        });
        TabLeavesText.install(scene);
        stage.setScene(scene);
        return stage;
    }

    /**
     * A dialog's form: labels in the first column keep their whole text in any language, the
     * fields in the second take what is left.
     */
    public static javafx.scene.layout.GridPane form() {
        javafx.scene.layout.GridPane form = new javafx.scene.layout.GridPane();
        form.setHgap(12);
        form.setVgap(8);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        return form;
    }

    /** Asks before something that cannot be undone; true only for an explicit yes. Escape and Cancel say no. */
    public static boolean confirm(String title, String header, String details, String yes, String cancel) {
        ButtonType ok = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(cancel, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, details, no, ok);
        a.setTitle(title);
        a.setHeaderText(header);
        a.getDialogPane().setMinWidth(480);
        // the safe choice is the default: Enter does not remove anything
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(ok)).setDefaultButton(false);
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(no)).setDefaultButton(true);
        Optional<ButtonType> r = a.showAndWait();
        return r.isPresent() && r.get() == ok;
    }
}
