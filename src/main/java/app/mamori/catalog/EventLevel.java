package app.mamori.catalog;

/** How much an activity-log entry matters, least first. */
public enum EventLevel {
    INFO, WARNING, ERROR;

    public String id() {
        return StoredNames.of(this);
    }

    public static EventLevel fromId(String id) {
        return StoredNames.parse(EventLevel.class, id);
    }
}
