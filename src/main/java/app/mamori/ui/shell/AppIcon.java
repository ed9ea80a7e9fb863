package app.mamori.ui.shell;

import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.util.List;
import java.util.Objects;

/** The app's icon (icons/mamori.svg) on a window, at every size the desktop may pick from. */
public final class AppIcon {
    static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private AppIcon() {
    }

    public static void setOn(Stage stage) {
        for (int size : SIZES) {
            String resource = "/app/mamori/ui/icons/png/mamori-" + size + ".png";
            stage.getIcons().add(new Image(Objects.requireNonNull(AppIcon.class.getResource(resource),
                    resource + " is missing from the build; run scripts/icons").toExternalForm()));
        }
    }
}
