package app.mamori.ui.shell;

import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.util.List;
import java.util.Objects;

/** The app's icon (icons/mamori.svg) on a window, at every size the desktop may pick from. */
public final class AppIcon {
    static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);
    private static List<Image> images;

    private AppIcon() {
    }

    public static void setOn(Stage stage) {
        stage.getIcons().addAll(images());
    }

    /**
     * Decodes the icons ahead of the window, on any thread once JavaFX has started (an image
     * belongs to no scene, but loading one asks the toolkit for the screens' scale): the app
     * does it beside start(), which would otherwise decode seven PNGs on the FX thread just
     * before the first frame.
     */
    public static void preload() {
        images();
    }

    /** Decoded once; a failure (no toolkit yet) is not kept, so the window's own call tries again. */
    private static synchronized List<Image> images() {
        if (images == null) {
            images = SIZES.stream().map(size -> {
                String resource = "/app/mamori/ui/icons/png/mamori-" + size + ".png";
                return new Image(Objects.requireNonNull(AppIcon.class.getResource(resource),
                        resource + " is missing from the build; run scripts/icons").toExternalForm());
            }).toList();
        }
        return images;
    }
}
