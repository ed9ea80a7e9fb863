package app.mamori.desktop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Linux and the BSDs: {@code mamori.desktop} in {@code $XDG_CONFIG_HOME/autostart} (by default
 * {@code ~/.config/autostart}), as the XDG Autostart specification says. An entry that the
 * desktop's own settings switched off ({@code Hidden=true} or
 * {@code X-GNOME-Autostart-enabled=false}) counts as off.
 */
public final class XdgAutostart implements Autostart {
    static final String FILE = "mamori.desktop";
    /** Characters after which an Exec argument must be quoted (Desktop Entry spec, "The Exec key"). */
    private static final String RESERVED = " \t\n\"'\\><~|&;$*?#()`";

    private final Path file;
    private final List<String> command;

    public XdgAutostart(Path configHome, List<String> command) {
        this.file = configHome.resolve("autostart").resolve(FILE);
        this.command = List.copyOf(command);
    }

    static XdgAutostart of(Map<String, String> env, Path userHome, List<String> command) {
        String xdg = env.get("XDG_CONFIG_HOME");
        // the spec: a relative XDG_CONFIG_HOME is invalid and must be ignored
        Path config = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : userHome.resolve(".config");
        return new XdgAutostart(config, command);
    }

    public Path file() {
        return file;
    }

    @Override
    public boolean enabled() throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).toList();
        return !lines.contains("Hidden=true") && !lines.contains("X-GNOME-Autostart-enabled=false");
    }

    @Override
    public void enable() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".mamori", ".tmp");
        try {
            Files.writeString(tmp, entry(command), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void disable() throws IOException {
        Files.deleteIfExists(file);
    }

    @Override
    public String where() {
        return file.toString();
    }

    static String entry(List<String> command) {
        return "[Desktop Entry]\n"
                + "Type=Application\n"
                + "Name=Mamori\n"
                + "Comment=Backup manager: keeps the office's backups on schedule\n"
                + "Comment[ja]=バックアップ管理: オフィスのバックアップを予定どおりに\n"
                + "Exec=" + exec(command) + "\n"
                + "Icon=mamori\n"
                + "Terminal=false\n"
                + "Hidden=false\n"
                + "X-GNOME-Autostart-enabled=true\n";
    }

    /** The Exec value: words quoted where the spec asks, then escaped as any string value is. */
    static String exec(List<String> command) {
        return command.stream().map(XdgAutostart::word).collect(Collectors.joining(" "));
    }

    private static String word(String w) {
        String quoted = w;
        if (w.isEmpty() || w.chars().anyMatch(c -> RESERVED.indexOf(c) >= 0)) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : w.toCharArray()) {
                if (c == '"' || c == '`' || c == '$' || c == '\\') {
                    b.append('\\');
                }
                b.append(c);
            }
            quoted = b.append('"').toString();
        }
        // a string value's own escaping comes on top: \ is written \\; % starts a field code
        return quoted.replace("\\", "\\\\").replace("%", "%%");
    }
}
