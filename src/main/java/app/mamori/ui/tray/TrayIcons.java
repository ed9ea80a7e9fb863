package app.mamori.ui.tray;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * The tray images, drawn in {@code icons/tray-*.svg} and rendered per size by
 * {@code scripts/icons}: a scaled-down large image blurs at 16 px, a drawn one does not.
 */
final class TrayIcons {
    static final List<Integer> SIZES = List.of(16, 22, 24, 32, 48, 64);

    private TrayIcons() {
    }

    /** The image for {@code state} at the smallest drawn size not below {@code size}. */
    static BufferedImage image(TrayState state, int size) {
        int drawn = SIZES.stream().filter(s -> s >= size).findFirst().orElse(SIZES.get(SIZES.size() - 1));
        String resource = "/app/mamori/ui/icons/tray/tray-" + state.id() + "-" + drawn + ".png";
        try (InputStream in = TrayIcons.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build; run scripts/icons");
            }
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
