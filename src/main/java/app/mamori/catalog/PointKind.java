package app.mamori.catalog;

/** Why a restore point exists: a job's run, or the safety copy taken just before a restore overwrote something. */
public enum PointKind {
    NORMAL("normal"),
    PRE_RESTORE("pre-restore");

    private final String id;

    PointKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static PointKind fromId(String id) {
        for (PointKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown restore point kind '" + id + "'");
    }
}
