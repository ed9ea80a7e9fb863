package app.mamori.ui.fx;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** AtlantaFX's Primer light or dark theme, chosen by the admin or following the desktop. */
public final class Theme {
    private Theme() {
    }

    /**
     * Applies the theme to every window; call on the FX thread. The theme's binary form (BSS),
     * which JavaFX reads without parsing 170 KB of CSS at start. Setting the stylesheet already
     * in use would restyle every window for nothing, so it is left alone.
     */
    public static void apply(UiSettings.ThemeChoice choice, boolean systemDark) {
        boolean dark = choice == UiSettings.ThemeChoice.DARK || choice == UiSettings.ThemeChoice.SYSTEM && systemDark;
        String stylesheet = dark ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS();
        if (!stylesheet.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(stylesheet);
        }
    }

    /**
     * Whether the desktop prefers dark: GNOME's color-scheme, macOS's AppleInterfaceStyle or
     * Windows' AppsUseLightTheme. Runs a small command, so call it off the FX thread; anything
     * it cannot read means light.
     */
    public static boolean systemPrefersDark() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return output(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).contains("Dark");
        }
        if (os.contains("win")) {
            return output(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme")).matches("(?s).*AppsUseLightTheme\\s+REG_DWORD\\s+0x0\\b.*");
        }
        return output(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")).contains("dark");
    }

    private static String output(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
