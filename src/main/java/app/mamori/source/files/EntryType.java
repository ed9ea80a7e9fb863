package app.mamori.source.files;

/** What a listed path is, as find's {@code %y} reports it. Only the first three are recreated in a snapshot. */
public enum EntryType {
    FILE('f'), DIRECTORY('d'), SYMLINK('l'), OTHER('?');

    private final char code;

    EntryType(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    /** Fifos, sockets and devices are OTHER: recorded in the index, never created in the vault. */
    public static EntryType ofCode(char c) {
        return switch (c) {
            case 'f' -> FILE;
            case 'd' -> DIRECTORY;
            case 'l' -> SYMLINK;
            default -> OTHER;
        };
    }
}
