package app.mamori.engine.restore;

/** Where a restore writes. */
public sealed interface RestoreTarget {

    /** A database that does not exist yet, on the source's database server. */
    record NewDatabase(String name) implements RestoreTarget {
    }

    /** A file on the source's server that does not exist yet. */
    record ToPath(String path) implements RestoreTarget {
    }

    /** A folder on this workstation (files sources): the snapshot is written there, nothing runs on the server. */
    record ToLocal(String dir) implements RestoreTarget {
    }

    /** A Docker volume on the source's server (created when missing; an existing one must be empty). */
    record ToVolume(String name) implements RestoreTarget {
    }

    /** Another bucket (s3-bucket sources), at the same endpoint with the same key: objects keep their keys. */
    record ToBucket(String bucket) implements RestoreTarget {
    }

    /** Over the source itself, after a safety backup unless told otherwise. */
    record InPlace() implements RestoreTarget {
    }

    default boolean inPlace() {
        return this instanceof InPlace;
    }
}
