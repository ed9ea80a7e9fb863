package app.mamori.desktop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether the desktop session starts Mamori when the admin logs in. The state is the OS's
 * (a file, a registry value), read each time: the admin may have removed it by hand or with
 * the desktop's own tools, and Mamori must not claim otherwise.
 */
public interface Autostart {

    /** True when the session will start Mamori at the next login. */
    boolean enabled() throws IOException;

    /** Makes the session start Mamori at login; does nothing when that is already so. */
    void enable() throws IOException;

    /** Stops the session starting Mamori; does nothing when it does not. */
    void disable() throws IOException;

    /** Where the entry lives, for the admin: a file or a registry value. */
    String where();

    /**
     * The one for this OS, starting {@code command} (the launcher's words and its arguments).
     *
     * @param env      the process environment ({@code XDG_CONFIG_HOME} on Linux)
     * @param userHome the user's home folder
     */
    static Autostart forThisOs(Map<String, String> env, Path userHome, List<String> command) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return new WindowsRunKey(command);
        }
        if (os.contains("mac")) {
            return new MacLaunchAgent(userHome.resolve("Library/LaunchAgents"), command);
        }
        return XdgAutostart.of(env, userHome, command);
    }
}
