package app.mamori.engine;

import app.mamori.vault.SecureFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The data folder: catalogue, known hosts, secrets, logs. Chosen by {@code --home}, else
 * {@code MAMORI_HOME}, else the platform's per-user application data folder.
 */
public record MamoriHome(Path dir) {

    public static MamoriHome resolve(Path explicit, Map<String, String> env) {
        if (explicit != null) {
            return new MamoriHome(explicit.toAbsolutePath());
        }
        String fromEnv = env.get("MAMORI_HOME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new MamoriHome(Path.of(fromEnv).toAbsolutePath());
        }
        return new MamoriHome(platformDefault(System.getProperty("os.name", ""), env,
                Path.of(System.getProperty("user.home"))));
    }

    static Path platformDefault(String osName, Map<String, String> env, Path userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "Mamori") : userHome.resolve("AppData/Roaming/Mamori");
        }
        if (os.contains("mac")) {
            return userHome.resolve("Library/Application Support/Mamori");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local/share")).resolve("mamori");
    }

    public Path catalogFile() {
        return dir.resolve("catalog.db");
    }

    public Path knownHostsFile() {
        return dir.resolve("known_hosts");
    }

    public Path secretsFile() {
        return dir.resolve("secrets.json");
    }

    public Path logDir() {
        return dir.resolve("logs");
    }

    /** Creates the folder, private to the user. */
    public MamoriHome ensureExists() throws IOException {
        SecureFiles.createPrivateDirectories(dir);
        return this;
    }
}
