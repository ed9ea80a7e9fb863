package app.mamori.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of thing Mamori can back up, with the names the CLI and manifests use. */
public enum SourceKind {
    POSTGRES("postgres"),
    MYSQL("mysql"),
    SQLITE("sqlite"),
    FILES("files"),
    DOCKER_VOLUME("docker-volume");

    private final String id;

    SourceKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static SourceKind fromId(String id) {
        for (SourceKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("--kind: '" + id + "' is not one of "
                + Arrays.stream(values()).map(SourceKind::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
