package app.mamori.catalog;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What went wrong, as the admin opening an incident says it: it decides what the restore wizard offers first. */
public enum IncidentKind {
    /** Rows were deleted or overwritten in a database. */
    DATABASE_CHANGED,
    /** Files were deleted, overwritten or encrypted. */
    FILES_CHANGED,
    /** A server is gone or unusable: everything it had must come back elsewhere. */
    SERVER_LOST,
    /** Someone needs an old copy of something, with nothing broken now. */
    OLD_COPY;

    public String id() {
        return StoredNames.of(this);
    }

    static IncidentKind fromId(String id) {
        return StoredNames.parse(IncidentKind.class, id);
    }

    /** Reads what a person typed ({@code files-changed}), with an error that lists the choices. */
    public static IncidentKind parse(String text) {
        for (IncidentKind k : values()) {
            if (k.id().equals(text.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("--what: '" + text + "' is not one of "
                + Arrays.stream(values()).map(IncidentKind::id).collect(Collectors.joining(", ")));
    }
}
