package app.mamori.util;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command that starts this Mamori again, for what starts it later without the admin: an
 * OS timer, the desktop session. In order: {@code MAMORI_LAUNCHER} (set by {@code /usr/bin/mamori}
 * and by {@code ./mamori} in a checkout), the native launcher jpackage names in
 * {@code jpackage.app-path}, else this very JVM with its class path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static List<String> command() {
        return command(System.getenv(), System.getProperty("jpackage.app-path"));
    }

    static List<String> command(Map<String, String> env, String appPath) {
        String launcher = env.get("MAMORI_LAUNCHER");
        if (launcher != null && !launcher.isBlank()) {
            return List.of(launcher);
        }
        if (appPath != null && !appPath.isBlank()) {
            return List.of(appPath);
        }
        List<String> words = new ArrayList<>();
        words.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        words.add("-cp");
        words.add(System.getProperty("java.class.path"));
        words.add("app.mamori.Main");
        return words;
    }
}
