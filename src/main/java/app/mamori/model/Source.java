package app.mamori.model;

import java.util.List;
import java.util.Optional;

/**
 * One thing on a server to back up. Sources never hold secrets: a database password lives in
 * the secret store, keyed by the source name, and {@link Database#hasPassword()} only says one is there.
 */
public sealed interface Source {

    String name();

    String server();

    SourceKind kind();

    /** A PostgreSQL or MariaDB/MySQL database, on the host or inside a Docker container. */
    record Database(String name, String server, SourceKind kind, String database,
                    Optional<String> dbHost, Optional<Integer> dbPort, Optional<String> dbUser,
                    Optional<String> container, boolean hasPassword) implements Source {
        public Database {
            Names.requireValid("source name", name);
            if (kind != SourceKind.POSTGRES && kind != SourceKind.MYSQL) {
                throw new IllegalArgumentException("a database source is postgres or mysql, not " + kind);
            }
            if (database == null || database.isBlank()) {
                throw new IllegalArgumentException("--database: give the name of the database to back up");
            }
            dbHost = dbHost == null ? Optional.empty() : dbHost;
            dbPort = dbPort == null ? Optional.empty() : dbPort;
            dbUser = dbUser == null ? Optional.empty() : dbUser;
            container = container == null ? Optional.empty() : container;
        }
    }

    /** A SQLite database file, copied online with the sqlite3 backup API. */
    record Sqlite(String name, String server, String path) implements Source {
        public Sqlite {
            Names.requireValid("source name", name);
            requireAbsolute("--path", path);
        }

        @Override
        public SourceKind kind() {
            return SourceKind.SQLITE;
        }
    }

    /** Directories pulled as incremental, hard-linked snapshots. */
    record Files(String name, String server, List<String> paths, List<String> excludes) implements Source {
        public Files {
            Names.requireValid("source name", name);
            if (paths == null || paths.isEmpty()) {
                throw new IllegalArgumentException("--path: give at least one directory to back up");
            }
            paths.forEach(p -> requireAbsolute("--path", p));
            paths = List.copyOf(paths);
            excludes = excludes == null ? List.of() : List.copyOf(excludes);
        }

        @Override
        public SourceKind kind() {
            return SourceKind.FILES;
        }
    }

    /** The contents of a named Docker volume. */
    record DockerVolume(String name, String server, String volume) implements Source {
        public DockerVolume {
            Names.requireValid("source name", name);
            if (volume == null || volume.isBlank()) {
                throw new IllegalArgumentException("--volume: give the name of the Docker volume");
            }
        }

        @Override
        public SourceKind kind() {
            return SourceKind.DOCKER_VOLUME;
        }
    }

    /**
     * An application's bucket in S3-compatible storage (a MinIO, an S3 bucket), pulled object by
     * object into hard-linked snapshots like {@link Files}. The secret key is in the secret store
     * under the source's password key; {@code viaSsh} reaches an endpoint that listens on the
     * server's own loopback through a port forward over the server's SSH connection.
     *
     * @param prefix   only keys starting with it ("" for the whole bucket; a folder, so it ends in '/')
     * @param endpoint absent for AWS itself; as the workstation sees it, or as the server does with {@code viaSsh}
     */
    record Bucket(String name, String server, String bucket, String prefix, Optional<String> endpoint, String region,
                  boolean pathStyle, String accessKeyId, boolean viaSsh) implements Source {
        public Bucket {
            Names.requireValid("source name", name);
            if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.\\-_]{1,61}[a-z0-9]")) {
                throw new IllegalArgumentException("--bucket: '" + bucket + "' is not a bucket name (3-63 lower-case"
                        + " letters, digits, dots and hyphens)");
            }
            if (prefix != null && (prefix.contains("//") || prefix.contains("..") || prefix.contains("\\"))) {
                throw new IllegalArgumentException("--prefix: '" + prefix + "' has an empty or '..' part or a"
                        + " backslash; give FOLDER/SUBFOLDER");
            }
            ObjectVault checked = new ObjectVault(name, bucket, prefix, endpoint, region, pathStyle, accessKeyId, false);
            prefix = checked.prefix();
            endpoint = checked.endpoint();
            if (viaSsh && endpoint.isEmpty()) {
                throw new IllegalArgumentException("--via-ssh: give --endpoint as the server sees it, e.g."
                        + " http://127.0.0.1:9000 for a MinIO on the server's loopback");
            }
        }

        @Override
        public SourceKind kind() {
            return SourceKind.S3_BUCKET;
        }

        /** As a person reads it: {@code s3://bucket/prefix} and where. */
        public String describe() {
            return "s3://" + bucket + "/" + prefix + endpoint.map(e -> " at " + e + (viaSsh ? " on the server" : ""))
                    .orElse(" (AWS, " + region + ")");
        }
    }

    private static void requireAbsolute(String field, String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException(field + ": '" + path + "' must be an absolute path on the server");
        }
        if (path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(field + ": a path cannot contain a NUL byte");
        }
        // On the server '..' follows symlinks, so a lexical clean-up here could name another folder.
        for (String part : path.split("/")) {
            if (part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException(field + ": '" + path + "' has a '" + part
                        + "' in it; give the folder's real absolute path (see `realpath` on the server)");
            }
        }
    }
}
