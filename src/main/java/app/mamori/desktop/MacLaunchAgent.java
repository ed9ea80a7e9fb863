package app.mamori.desktop;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** macOS: a LaunchAgent in {@code ~/Library/LaunchAgents} that launchd runs once at login. */
final class MacLaunchAgent extends EntryFile {
    static final String LABEL = "app.mamori.login";

    private final List<String> command;

    MacLaunchAgent(Path agentsDir, List<String> command) {
        super(agentsDir.resolve(LABEL + ".plist"));
        this.command = List.copyOf(command);
    }

    @Override
    String content() {
        return plist(command);
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
