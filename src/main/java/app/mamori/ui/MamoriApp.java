package app.mamori.ui;

import app.mamori.engine.MamoriHome;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.ResourceBundle;

/**
 * The desktop app. For now one window saying where the data lives and how to use the CLI;
 * the dashboard and wizards come with the desktop issue.
 */
public final class MamoriApp extends Application {
    private static String[] launchArgs = new String[0];

    public static void launchApp(String[] args) {
        launchArgs = args.clone();
        Application.launch(MamoriApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        ResourceBundle text = ResourceBundle.getBundle("app.mamori.ui.messages");
        Path explicit = launchArgs.length == 2 ? Path.of(launchArgs[1]) : null;
        MamoriHome home = MamoriHome.resolve(explicit, System.getenv());
        Label title = new Label(text.getString("app.title"));
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label body = new Label(String.format(text.getString("placeholder.body"), home.dir()));
        body.setWrapText(true);
        VBox root = new VBox(12, title, body);
        root.setPadding(new Insets(24));
        stage.setTitle(text.getString("app.title"));
        stage.setScene(new Scene(root, 640, 320));
        stage.show();
    }
}
