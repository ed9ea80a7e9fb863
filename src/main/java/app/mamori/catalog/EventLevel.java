package app.mamori.catalog;

/** How much an activity-log entry matters, least first. */
public enum EventLevel {
    INFO("info"),
    WARNING("warning"),
    ERROR("error");

    private final String id;

    EventLevel(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static EventLevel fromId(String id) {
        for (EventLevel level : values()) {
            if (level.id.equals(id)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown event level '" + id + "'");
    }
}
