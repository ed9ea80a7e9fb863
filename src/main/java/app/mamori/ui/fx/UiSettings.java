package app.mamori.ui.fx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the desktop app remembers between starts, in {@code ui.json} in the data folder.
 *
 * @param width  0 until the window was first closed: the app then picks a size for the screen
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UiSettings(ThemeChoice theme, double x, double y, double width, double height, boolean maximized,
                         boolean closeToTray) {

    public enum ThemeChoice { SYSTEM, LIGHT, DARK }

    public static UiSettings defaults() {
        return new UiSettings(ThemeChoice.SYSTEM, 0, 0, 0, 0, false, false);
    }

    public UiSettings withTheme(ThemeChoice t) {
        return new UiSettings(t, x, y, width, height, maximized, closeToTray);
    }

    public UiSettings withBounds(double x, double y, double width, double height, boolean maximized) {
        return new UiSettings(theme, x, y, width, height, maximized, closeToTray);
    }

    public UiSettings withCloseToTray(boolean c) {
        return new UiSettings(theme, x, y, width, height, maximized, c);
    }

    public boolean hasBounds() {
        return width > 0 && height > 0;
    }
}
