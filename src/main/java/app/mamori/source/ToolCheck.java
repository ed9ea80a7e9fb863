package app.mamori.source;

import java.util.List;

/**
 * What the preflight found on the server.
 *
 * @param tool     the dump tool's path or name, as it will be called
 * @param version  its version line, as the tool printed it
 * @param warnings things to tell the admin that do not stop the backup
 */
public record ToolCheck(String tool, String version, List<String> warnings) {
    public ToolCheck {
        warnings = List.copyOf(warnings);
    }
}
