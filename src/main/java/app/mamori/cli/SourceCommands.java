package app.mamori.cli;

import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code mamori source add|set-password|list|remove}. */
@Command(name = "source", description = "Things on a server to back up", mixinStandardHelpOptions = true,
        subcommands = {SourceCommands.Add.class, SourceCommands.SetPassword.class, SourceCommands.ListSources.class,
                SourceCommands.Remove.class})
final class SourceCommands {

    @Command(name = "add", description = "Add a source on a server.", sortOptions = false, footer = {"",
            "An s3-bucket source reads its secret access key from stdin (one line), never from the command line.",
            "Example: mamori source add uploads --server app1 --kind s3-bucket --bucket uploads",
            "         --endpoint http://127.0.0.1:9000 --via-ssh --access-key-id minio --secret-access-key-stdin < key.txt"})
    static final class Add extends Base {
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--server", required = true)
        String server;
        @Option(names = "--kind", required = true, description = "postgres, mysql, sqlite, files, docker-volume or s3-bucket")
        String kind;
        @Option(names = "--database", description = "postgres, mysql: database name")
        String database;
        @Option(names = "--db-host", description = "postgres, mysql: database host as seen from the server (default: local socket)")
        String dbHost;
        @Option(names = "--db-port", description = "postgres, mysql: database port")
        Integer dbPort;
        @Option(names = "--db-user", description = "postgres, mysql: database user")
        String dbUser;
        @Option(names = "--password-stdin", description = "postgres, mysql: read the database password from stdin (one line)")
        boolean passwordStdin;
        @Option(names = "--container", description = "postgres, mysql: run the dump inside this Docker container")
        String container;
        @Option(names = "--path", arity = "1..*", description = "sqlite: the database file; files: directories")
        List<String> paths = new ArrayList<>();
        @Option(names = "--exclude", paramLabel = "GLOB", description = "files: leave out matching paths (repeatable)")
        List<String> excludes = new ArrayList<>();
        @Option(names = "--volume", description = "docker-volume: the volume's name")
        String volume;
        @Option(names = "--bucket", description = "s3-bucket: the bucket to back up")
        String bucket;
        @Option(names = "--prefix", paramLabel = "P", description = "s3-bucket: only keys under this folder")
        String prefix;
        @Option(names = "--endpoint", paramLabel = "URL", description = "s3-bucket: the S3 endpoint (MinIO, a"
                + " provider); absent: AWS S3")
        String endpoint;
        @Option(names = "--region", paramLabel = "R", description = "s3-bucket: the bucket's region (default us-east-1)")
        String region;
        @Option(names = "--path-style", description = "s3-bucket: path-style addressing (always on with --endpoint)")
        boolean pathStyle;
        @Option(names = "--via-ssh", description = "s3-bucket: --endpoint is as the server sees it (e.g."
                + " http://127.0.0.1:9000); reach it through a port forward over the server's SSH connection")
        boolean viaSsh;
        @Option(names = "--access-key-id", paramLabel = "ID", description = "s3-bucket: the access key's id")
        String accessKeyId;
        @Option(names = "--secret-access-key-stdin", description = "s3-bucket: read the secret access key from stdin"
                + " (one line)")
        boolean secretStdin;

        @Override
        int run() throws Exception {
            SourceKind k = SourceKind.fromId(kind);
            ctx().services().servers().get(server);
            if (k == SourceKind.S3_BUCKET && !secretStdin) {
                throw new IllegalArgumentException("--secret-access-key-stdin: an s3-bucket source reads its secret key"
                        + " from stdin only (never from the command line, where ps shows it); add the option and pipe"
                        + " the key in");
            }
            if (secretStdin && k != SourceKind.S3_BUCKET) {
                throw new IllegalArgumentException("--secret-access-key-stdin is for s3-bucket sources");
            }
            String password = passwordStdin || secretStdin ? readPassword(stdin()) : null;
            Source source = switch (k) {
                case POSTGRES, MYSQL -> new Source.Database(name, server, k, database, Optional.ofNullable(dbHost),
                        Optional.ofNullable(dbPort), Optional.ofNullable(dbUser), Optional.ofNullable(container),
                        password != null);
                case SQLITE -> {
                    if (paths.size() != 1) {
                        throw new IllegalArgumentException("--path: a sqlite source takes exactly one database file");
                    }
                    yield new Source.Sqlite(name, server, paths.get(0));
                }
                case FILES -> new Source.Files(name, server, paths, excludes);
                case DOCKER_VOLUME -> new Source.DockerVolume(name, server, volume);
                case S3_BUCKET -> new Source.Bucket(name, server, bucket, prefix, Optional.ofNullable(endpoint),
                        region == null ? "us-east-1" : region, pathStyle, accessKeyId, viaSsh);
            };
            ctx().services().sources().add(source, Optional.ofNullable(password));
            out().println("added " + k.id() + " source " + name + " on server " + server);
            return 0;
        }
    }

    @Command(name = "set-password", description = "Replace a database source's password, or a bucket source's secret"
            + " access key, read from stdin.")
    static final class SetPassword extends Base {
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--password-stdin", required = true, description = "read the password from stdin (one line)")
        boolean passwordStdin;

        @Override
        int run() throws Exception {
            ctx().services().sources().setPassword(name, readPassword(stdin()));
            out().println("password of source " + name + " stored");
            return 0;
        }
    }

    @Command(name = "list", description = "List sources.")
    static final class ListSources extends Base {
        @Override
        int run() {
            for (Source s : ctx().services().sources().list()) {
                out().println(s.name() + "\t" + s.kind() + "\t" + s.server());
            }
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove a source no job takes any more, with its stored password;"
            + " its backups stay restorable.")
    static final class Remove extends Base {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run() throws Exception {
            ctx().services().sources().remove(name);
            out().println("removed source " + name);
            return 0;
        }
    }

    static String readPassword(java.io.InputStream stdin) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null || line.isEmpty()) {
            throw new IllegalArgumentException("--password-stdin: no password on stdin; pipe it in, e.g. from a file with < FILE");
        }
        return line;
    }
}
