package app.mamori.catalog;

/** What an entry of a file-tree snapshot is. */
public enum FileType {
    FILE("file"),
    DIRECTORY("dir"),
    SYMLINK("symlink"),
    OTHER("other");

    private final String id;

    FileType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static FileType fromId(String id) {
        for (FileType type : values()) {
            if (type.id.equals(id)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown file type '" + id + "'");
    }
}
