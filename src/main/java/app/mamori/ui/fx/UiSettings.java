package app.mamori.ui.fx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the desktop app remembers between starts, in {@code ui.json} in the data folder.
 *
 * @param width    0 until the window was first closed: the app then picks a size for the screen
 * @param language the UI's language; {@link Language#SYSTEM} follows the OS
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UiSettings(ThemeChoice theme, double x, double y, double width, double height, boolean maximized,
                         boolean closeToTray, Language language) {

    public enum ThemeChoice { SYSTEM, LIGHT, DARK }

    /** The languages the app has text for, or the OS's choice. */
    public enum Language { SYSTEM, EN, JA }

    public static UiSettings defaults() {
        return new UiSettings(ThemeChoice.SYSTEM, 0, 0, 0, 0, false, false, Language.SYSTEM);
    }

    public UiSettings withTheme(ThemeChoice t) {
        return new UiSettings(t, x, y, width, height, maximized, closeToTray, language);
    }

    public UiSettings withBounds(double x, double y, double width, double height, boolean maximized) {
        return new UiSettings(theme, x, y, width, height, maximized, closeToTray, language);
    }

    public UiSettings withCloseToTray(boolean c) {
        return new UiSettings(theme, x, y, width, height, maximized, c, language);
    }

    public UiSettings withLanguage(Language l) {
        return new UiSettings(theme, x, y, width, height, maximized, closeToTray, l);
    }

    public boolean hasBounds() {
        return width > 0 && height > 0;
    }
}
