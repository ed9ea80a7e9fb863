package app.mamori.model;

/** How a run ended, or that it has not. */
public enum RunStatus {
    RUNNING, SUCCEEDED, FAILED, INTERRUPTED, CANCELLED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static RunStatus fromId(String id) {
        return valueOf(id.toUpperCase(java.util.Locale.ROOT));
    }
}
