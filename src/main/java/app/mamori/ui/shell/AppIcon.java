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
        stage.getIcons().addAll(Loaded.IMAGES);
    }

    /**
     * Decodes the icons ahead of the window, on any thread (an image belongs to no scene):
     * the app does it while JavaFX starts, which would otherwise decode seven PNGs on the FX
     * thread just before the first frame.
     */
    public static void preload() {
        Objects.requireNonNull(Loaded.IMAGES);
    }

    private static final class Loaded {
        static final List<Image> IMAGES = SIZES.stream().map(size -> {
            String resource = "/app/mamori/ui/icons/png/mamori-" + size + ".png";
            return new Image(Objects.requireNonNull(AppIcon.class.getResource(resource),
                    resource + " is missing from the build; run scripts/icons").toExternalForm());
        }).toList();
    }
}
