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

    /**
     * How {@code file_entries.type} stores it (V023): 0 and 1, nearly every entry, take no bytes in
     * a SQLite record. The constants' order is stored: a new one goes at the end, with a migration
     * widening the column's CHECK.
     */
    int code() {
        return ordinal();
    }

    static FileType fromCode(int code) {
        FileType[] all = values();
        if (code < 0 || code >= all.length) {
            throw new CatalogException("the catalogue holds file type " + code + ", which this Mamori does not know;"
                    + " was it written by a newer version?");
        }
        return all[code];
    }
}
