package app.mamori.catalog;

/** Why a restore point exists: a job's run, or the safety copy taken just before a restore overwrote something. */
public enum PointKind {
    NORMAL, PRE_RESTORE;

    public String id() {
        return StoredNames.of(this);
    }

    public static PointKind fromId(String id) {
        return StoredNames.parse(PointKind.class, id);
    }
}
