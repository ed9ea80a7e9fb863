package app.mamori.source.discover;

import java.util.Optional;

/**
 * The steps of a discovery, in the order their findings are listed. {@link #CONNECT} runs on
 * the workstation; the others are sections of the probe script, which runs them side by side
 * on the server and reports each as it ends.
 */
public enum DiscoveryStep {
    CONNECT("connect", "connecting"),
    TOOLS("tools", "backup tools"),
    POSTGRES("postgres", "PostgreSQL databases"),
    MYSQL("mysql", "MariaDB/MySQL databases"),
    CONTAINERS("containers", "database containers"),
    VOLUMES("volumes", "Docker volumes"),
    FOLDERS("folders", "folders"),
    SQLITE("sqlite", "SQLite files");

    private final String id;
    private final String label;

    DiscoveryStep(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The section name in the probe script's output. */
    public String id() {
        return id;
    }

    /** What the step looks for, for a person: "PostgreSQL databases". */
    public String label() {
        return label;
    }

    static Optional<DiscoveryStep> byId(String id) {
        for (DiscoveryStep s : values()) {
            if (s.id.equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
