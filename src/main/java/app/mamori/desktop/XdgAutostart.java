package app.mamori.desktop;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Linux and the BSDs: {@code mamori.desktop} in {@code $XDG_CONFIG_HOME/autostart} (by default
 * {@code ~/.config/autostart}), as the XDG Autostart specification says. An entry that the
 * desktop's own settings switched off ({@code Hidden=true} or
 * {@code X-GNOME-Autostart-enabled=false}) counts as off.
 */
public final class XdgAutostart extends EntryFile {
    static final String FILE = "mamori.desktop";
    /** Characters after which an Exec argument must be quoted (Desktop Entry spec, "The Exec key"). */
    private static final String RESERVED = " \t\n\"'\\><~|&;$*?#()`";

    private final List<String> command;

    public XdgAutostart(Path configHome, List<String> command) {
        super(configHome.resolve("autostart").resolve(FILE));
        this.command = List.copyOf(command);
    }

    static XdgAutostart of(Map<String, String> env, Path userHome, List<String> command) {
        String xdg = env.get("XDG_CONFIG_HOME");
        // the spec: a relative XDG_CONFIG_HOME is invalid and must be ignored
        Path config = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : userHome.resolve(".config");
        return new XdgAutostart(config, command);
    }

    @Override
    String content() {
        return entry(command);
    }

    @Override
    boolean switchedOff(List<String> lines) {
        return lines.contains("Hidden=true") || lines.contains("X-GNOME-Autostart-enabled=false");
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
