package app.mamori.desktop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** macOS: a LaunchAgent in {@code ~/Library/LaunchAgents} that launchd runs once at login. */
final class MacLaunchAgent implements Autostart {
    static final String LABEL = "app.mamori.login";

    private final Path file;
    private final List<String> command;

    MacLaunchAgent(Path agentsDir, List<String> command) {
        this.file = agentsDir.resolve(LABEL + ".plist");
        this.command = List.copyOf(command);
    }

    @Override
    public boolean enabled() {
        return Files.isRegularFile(file);
    }

    @Override
    public void enable() throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, plist(command), StandardCharsets.UTF_8);
    }

    @Override
    public void disable() throws IOException {
        Files.deleteIfExists(file);
    }

    @Override
    public String where() {
        return file.toString();
    }

    static String plist(List<String> command) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\""
                + " \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                + "<plist version=\"1.0\">\n<dict>\n"
                + "  <key>Label</key>\n  <string>" + LABEL + "</string>\n"
                + "  <key>ProgramArguments</key>\n  <array>\n"
                + command.stream().map(w -> "    <string>" + xml(w) + "</string>\n").collect(Collectors.joining())
                + "  </array>\n"
                + "  <key>RunAtLoad</key>\n  <true/>\n"
                // only in the admin's graphical session, not at a background or ssh login
                + "  <key>LimitLoadToSessionType</key>\n  <string>Aqua</string>\n"
                + "</dict>\n</plist>\n";
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
