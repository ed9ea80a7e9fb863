package app.mamori.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of thing Mamori can back up, with the names the CLI and manifests use. */
public enum SourceKind {
    POSTGRES("postgres"),
    MYSQL("mysql"),
    SQLITE("sqlite"),
    FILES("files"),
    DOCKER_VOLUME("docker-volume"),
    S3_BUCKET("s3-bucket");

    private final String id;

    SourceKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * Kept as a hard-linked snapshot folder with a file index ({@code files}, {@code s3-bucket}),
     * rather than as one dump file: checked file by file, browsed and restored in part.
     */
    public boolean isSnapshot() {
        return this == FILES || this == S3_BUCKET;
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
