package app.mamori.catalog;

/** What an entry of a file-tree snapshot is. */
public enum FileType {
    FILE, DIRECTORY, SYMLINK, OTHER;

    public String id() {
        return StoredNames.of(this);
    }

    public static FileType fromId(String id) {
        return StoredNames.parse(FileType.class, id);
    }
}
