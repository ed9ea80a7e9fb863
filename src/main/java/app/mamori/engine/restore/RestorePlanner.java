package app.mamori.engine.restore;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.RecordedPoint;
import app.mamori.catalog.Verification;
import app.mamori.model.Artifact;
import app.mamori.model.Job;
import app.mamori.model.Note;
import app.mamori.model.RunStatus;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.model.Vault;
import app.mamori.source.RestoreCommand;
import app.mamori.source.RestoreCommands;
import app.mamori.source.files.HostTreeRestore;
import app.mamori.source.files.SnapshotIndex;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Builds restore plans from the catalogue; reads no vault and touches no server. */
public final class RestorePlanner {
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final Catalog catalog;

    public RestorePlanner(Catalog catalog) {
        this.catalog = catalog;
    }

    /** A restore request as the CLI or the wizard states it. */
    /**
     * @param include files: paths to restore ({@code --include}); empty for all
     * @param tables  postgres: tables to restore ({@code --table}); empty for the whole database
     * @param acceptFailedCheck restore the point even when a check found it damaged: an explicit,
     *                          confirmed override ({@code --accept-failed-check}, or the app's choice)
     */
    public record Request(String source, PointChoice point, RestoreTarget target, boolean safetyBackup,
                          List<String> include, List<String> tables, boolean acceptFailedCheck) {
        public Request {
            include = List.copyOf(include);
            tables = List.copyOf(tables);
        }

        public Request(String source, PointChoice point, RestoreTarget target, boolean safetyBackup,
                       List<String> include, List<String> tables) {
            this(source, point, target, safetyBackup, include, tables, false);
        }

        /** The same request, restoring the point even when a check found it damaged (the person confirmed it). */
        public Request acceptingFailedCheck() {
            return new Request(source, point, target, safetyBackup, include, tables, true);
        }

        public Request(String source, PointChoice point, RestoreTarget target, boolean safetyBackup,
                       List<String> include) {
            this(source, point, target, safetyBackup, include, List.of());
        }

        public Request(String source, PointChoice point, RestoreTarget target, boolean safetyBackup) {
            this(source, point, target, safetyBackup, List.of(), List.of());
        }
    }

    public RestorePlan plan(Request request) {
        return plan(request, Optional.empty(), Optional.empty());
    }

    /**
     * A plan that chooses among {@code candidates} (newest first) and, when {@code readFrom} is
     * given, reads the point from that folder instead of its own vault: an offsite copy
     * downloaded and checked into a private folder laid out like a local vault.
     */
    public RestorePlan plan(Request request, List<RecordedPoint> candidates, Optional<Vault> readFrom) {
        return plan(request, Optional.of(candidates), readFrom);
    }

    /** {@code candidates} absent: the two points the catalogue offers for the request's choice. */
    private RestorePlan plan(Request asked, Optional<List<RecordedPoint>> candidates, Optional<Vault> readFrom) {
        Source source = catalog.sources().find(asked.source()).orElseThrow(() -> new IllegalArgumentException(
                "no source '" + asked.source() + "'; see: mamori source list"));
        Request request = source instanceof Source.Bucket ? BucketTargets.withKeys(asked) : asked;
        RecordedPoint point = choose(candidates.orElseGet(() -> candidates(catalog, source.name(), request.point())),
                source.name(), request.point());
        Vault vault = readFrom.orElseGet(() -> catalog.vaults().find(point.point().vault()).orElseThrow(() ->
                new IllegalArgumentException("restore point " + point.id() + " is in vault " + point.point().vault()
                        + ", which is not a folder vault here" + (catalog.copies().findVault(point.point().vault())
                        .isPresent() ? "; it is an offsite copy: add --from-vault " + point.point().vault() : ""))));
        Server server = catalog.servers().get(source.server());
        Optional<Job> job = catalog.jobs().find(point.point().job());
        RestorePlan plan = buildHere(source, server, vault, point, job, request.target(), request.safetyBackup(),
                request.include());
        if (!request.include().isEmpty()) {
            if (!plan.isTree()) {
                throw new IllegalArgumentException("--include is for files and s3-bucket sources; " + source.name() + " is a "
                        + source.kind().id() + " source");
            }
            app.mamori.source.files.Selection.of(request.include());
            List<String> missing = missingPaths(catalog, point.id(), source.name(), request.include());
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("--include: not in restore point " + point.id() + ": "
                        + String.join(", ", missing) + "; a path must be absolute as on the server, and in the"
                        + " backup (mamori find NAME --source " + source.name() + " lists where a file is)");
            }
            plan = new RestorePlan(plan.source(), plan.server(), plan.pointId(), plan.job(), plan.pointTime(),
                    plan.artifact(), plan.pointDir(), plan.artifactFile(), plan.expectedSha256(), plan.compression(),
                    plan.target(), plan.targetDescription() + ", only " + String.join(", ", request.include()),
                    plan.commands(), plan.safetyBackup(), plan.warnings(), request.include());
        }
        if (!request.tables().isEmpty()) {
            plan = withTables(plan, request.tables());
        }
        if (vault.isRemote()) {
            plan = readOnServer(plan, vault, point);
        }
        Optional<Verification> damage = ArtifactCheck.standingFailure(catalog, point.id(), source.name());
        if (damage.isPresent()) {
            plan = plan.with(ArtifactCheck.warning(point.id(), damage.get(), request.acceptFailedCheck()),
                    request.acceptFailedCheck());
        }
        return plan;
    }

    /**
     * Which of {@code paths} the point's file index of {@code source} does not hold (a file or a
     * folder, absolute as on the server): restoring one would succeed and restore nothing. When the
     * point has no index (recorded before indexes were kept), nothing can be said and none is missing.
     */
    public static List<String> missingPaths(Catalog catalog, String pointId, String source, List<String> paths) {
        if (catalog.fileIndex().count(pointId, source) == 0) {
            return List.of();
        }
        return paths.stream().filter(p -> catalog.fileIndex().entry(pointId, source,
                app.mamori.source.files.Selection.normalize(p).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .isEmpty()).toList();
    }

    /**
     * A plan for a vault on the source's own server: first the backup file's SHA-256 is checked
     * there, then every command that read it from stdin reads it from that file instead. Applied
     * last, after --include and --table shaped the commands.
     */
    static RestorePlan readOnServer(RestorePlan plan, Vault vault, RecordedPoint point) {
        String file = vault.path().replaceAll("/+$", "") + "/" + point.point().location() + "/" + plan.artifact().path();
        // a files snapshot is checked by its index, whose SHA-256 the point recorded
        String checked = plan.isTree() ? file + "/" + SnapshotIndex.FILE_NAME : file;
        List<RestoreCommand> steps = new ArrayList<>(List.of(RestoreCommands.checkFileOnServer(checked,
                plan.artifact().sha256())));
        plan.commands().forEach(c -> steps.add(c.artifactOnStdin() ? RestoreCommands.fromFileOnServer(c, file,
                "zstd".equals(plan.compression())) : c));
        List<Note> warnings = new ArrayList<>(plan.warnings());
        warnings.add(Note.of("planReadOnServer", "the backup is read on server " + plan.server().name() + " from vault "
                + vault.name() + "; the restore report goes to the activity log only", plan.server().name(), vault.name()));
        return new RestorePlan(plan.source(), plan.server(), plan.pointId(), plan.job(), plan.pointTime(),
                plan.artifact(), plan.pointDir(), plan.artifactFile(), plan.expectedSha256(), plan.compression(),
                plan.target(), plan.targetDescription(), steps, plan.safetyBackup(), warnings, plan.include(),
                plan.acceptFailedCheck());
    }

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

    /** One or more tables instead of the whole database: into a new (created) database, or over the source's tables. */
    static RestorePlan withTables(RestorePlan plan, List<String> tables) {
        if (!(plan.source() instanceof Source.Database db) || db.kind() != SourceKind.POSTGRES) {
            throw new IllegalArgumentException("--table is for postgres sources; " + plan.source().name() + " is a "
                    + plan.source().kind().id() + " source");
        }
        for (String t : tables) {
            if (!TABLE_NAME.matcher(t).matches()) {
                throw new IllegalArgumentException("--table: '" + t + "' is not a plain table name");
            }
        }
        List<RestoreCommand> commands = new ArrayList<>();
        List<Note> warnings = new ArrayList<>(plan.warnings());
        warnings.add(Note.of("planTables", "--table restores each table's definition and rows only: its indexes,"
                + " constraints and triggers are separate objects in the dump and are not restored; in place, a table"
                + " that others reference by foreign key cannot be dropped, and the restore then changes nothing"));
        if (plan.target() instanceof RestoreTarget.NewDatabase n) {
            commands.add(plan.commands().get(0)); // create the database
            commands.addAll(RestoreCommands.postgresTables(db, n.name(), tables, false));
        } else {
            commands.addAll(RestoreCommands.postgresTables(db, db.database(), tables, true));
        }
        return new RestorePlan(plan.source(), plan.server(), plan.pointId(), plan.job(), plan.pointTime(),
                plan.artifact(), plan.pointDir(), plan.artifactFile(), plan.expectedSha256(), plan.compression(),
                plan.target(), plan.targetDescription() + ", only table " + String.join(", ", tables), commands,
                plan.safetyBackup(), warnings, plan.include());
    }

    /**
     * The point a choice means. Latest and {@code --at} consider the jobs' own points only: a
     * pre-restore safety point is taken by its id, which the restore that made it printed.
     *
     * @param newestFirst every point, newest first, as {@code PointStore.list} returns them
     */
    /**
     * The few points {@link #choose} needs to answer {@code choice}, read by index rather than the
     * whole history: the named point, or the source's newest normal point at or before the time
     * and its oldest (which the message names when there is none that early).
     */
    static List<RecordedPoint> candidates(Catalog catalog, String source, PointChoice choice) {
        if (choice instanceof PointChoice.Id id) {
            return catalog.points().find(id.id()).map(List::of).orElse(List.of());
        }
        Instant limit = choice instanceof PointChoice.AtOrBefore at ? at.time() : Instant.ofEpochMilli(Long.MAX_VALUE);
        return catalog.points().newestAndOldestOfSource(source, limit);
    }

    public static RecordedPoint choose(List<RecordedPoint> newestFirst, String source, PointChoice choice) {
        if (choice instanceof PointChoice.Id id) {
            RecordedPoint p = newestFirst.stream().filter(r -> r.id().equals(id.id())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no restore point '" + id.id()
                            + "'; see: mamori points"));
            if (artifactOf(p, source).isEmpty()) {
                throw new IllegalArgumentException("restore point " + p.id() + " holds no backup of source " + source);
            }
            if (p.point().status() != RunStatus.SUCCEEDED) {
                throw new IllegalArgumentException("restore point " + p.id() + " is " + p.point().status().id()
                        + ", not a complete backup; choose another with: mamori points");
            }
            return p;
        }
        Instant limit = choice instanceof PointChoice.AtOrBefore at ? at.time() : Instant.MAX;
        List<RecordedPoint> candidates = newestFirst.stream()
                .filter(p -> p.kind() == PointKind.NORMAL && p.point().status() == RunStatus.SUCCEEDED)
                .filter(p -> artifactOf(p, source).isPresent())
                .toList();
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("source " + source + " has no restore point yet; back it up first");
        }
        return candidates.stream().filter(p -> !p.point().time().isAfter(limit)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("source " + source + " has no restore point at or before "
                        + limit + "; the oldest is " + candidates.get(candidates.size() - 1).id() + " taken at "
                        + candidates.get(candidates.size() - 1).point().time()));
    }

    /** Checks the target against the source and spells out every command, for the whole source. Pure. */
    public static RestorePlan build(Source source, Server server, Vault vault, RecordedPoint point, Optional<Job> job,
                                    RestoreTarget target, boolean safetyBackup) {
        return build(source, server, vault, point, job, target, safetyBackup, List.of());
    }

    /**
     * As above; {@code include} (files: {@code --include} paths) shapes the commands only where the
     * snapshot is copied on the server, since elsewhere the engine selects what it streams.
     */
    static RestorePlan build(Source source, Server server, Vault vault, RecordedPoint point, Optional<Job> job,
                             RestoreTarget target, boolean safetyBackup, List<String> include) {
        RestorePlan plan = buildHere(source, server, vault, point, job, target, safetyBackup, include);
        return vault.isRemote() ? readOnServer(plan, vault, point) : plan;
    }

    /** The plan as if the backup were read here; {@link #readOnServer} turns it into one for a vault on the server. */
    private static RestorePlan buildHere(Source source, Server server, Vault vault, RecordedPoint point,
                                         Optional<Job> job, RestoreTarget target, boolean safetyBackup,
                                         List<String> include) {
        if (source instanceof Source.Files && target instanceof RestoreTarget.ToPath p && p.path().length() > 1
                && p.path().endsWith("/")) {
            // a folder typed with its trailing slash, as shells complete it, is the same folder
            target = new RestoreTarget.ToPath(p.path().replaceAll("/+$", ""));
        }
        if (vault.isRemote() && !vault.server().get().equals(source.server())) {
            throw new IllegalArgumentException("restore point " + point.id() + " is in vault " + vault.name()
                    + " on server " + vault.server().get() + "; restoring from it to another server is not available");
        }
        // a vault on the server: where the point's files are there ('/'-separated whatever this computer uses)
        String onServer = vault.isRemote() ? vault.path().replaceAll("/+$", "") + "/" + point.point().location() : null;
        Artifact artifact = artifactOf(point, source.name()).orElseThrow(() -> new IllegalArgumentException(
                "restore point " + point.id() + " holds no backup of source " + source.name()));
        List<Note> warnings = new ArrayList<>();
        List<RestoreCommand> commands;
        String description;
        if (source instanceof Source.Database db) {
            description = databaseTarget(db, target, server);
            String client = RestoreCommands.mysqlClientFor(point.manifest(source.name()).get("command"));
            if (target instanceof RestoreTarget.NewDatabase n) {
                commands = db.kind() == SourceKind.POSTGRES ? RestoreCommands.postgresToNewDatabase(db, n.name())
                        : RestoreCommands.mysqlToNewDatabase(db, client, n.name());
            } else {
                commands = db.kind() == SourceKind.POSTGRES ? RestoreCommands.postgresInPlace(db)
                        : RestoreCommands.mysqlInPlace(db, client);
            }
            if (target.inPlace()) {
                warnings.add(Note.of("planDatabaseLeft", "tables and other objects created after " + point.point().time()
                        + " and not in the backup are left as they are", point.point().time()));
                if (db.kind() == SourceKind.MYSQL) {
                    warnings.add(Note.of("planMysqlNotAtomic", "a MariaDB/MySQL restore is not one transaction: if it"
                            + " fails halfway the database is partly restored, and the safety point is the way back"));
                }
            }
        } else if (source instanceof Source.Sqlite sqlite) {
            description = sqliteTarget(sqlite, target, server);
            String path = target instanceof RestoreTarget.ToPath p ? p.path() : sqlite.path();
            commands = List.of(RestoreCommands.sqlite(path, target.inPlace()));
            if (target.inPlace()) {
                warnings.add(Note.of("planSqliteStopApp", "stop the application that uses " + sqlite.path() + " first:"
                        + " one that keeps the file open goes on writing to the old copy", sqlite.path()));
            }
        } else if (source instanceof Source.Files files) {
            description = filesTarget(files, target, server);
            if (onServer != null) {
                String snapshot = onServer + "/" + artifact.path();
                commands = target instanceof RestoreTarget.ToLocal ? List.of() // fetched by the engine
                        : List.of(target instanceof RestoreTarget.ToPath p
                        ? HostTreeRestore.toPath(snapshot, files.paths(), p.path(), include)
                        : HostTreeRestore.inPlace(snapshot, files.paths(), include));
            } else {
                commands = target instanceof RestoreTarget.ToPath p ? List.of(RestoreCommands.filesToPath(p.path()))
                        : target.inPlace() ? List.of(RestoreCommands.filesInPlace()) : List.of();
            }
            if (target.inPlace()) {
                warnings.add(Note.of("planFilesLeft", "files created under " + String.join(", ", files.paths()) + " after "
                        + point.point().time() + " are left as they are; files the snapshot holds are replaced",
                        String.join(", ", files.paths()), point.point().time()));
            }
            if (target instanceof RestoreTarget.ToLocal) {
                warnings.add(Note.of("planRawNames", "names that are not valid UTF-8 keep the vault's %raw% escaped form"
                        + " on this computer"));
            }
        } else if (source instanceof Source.DockerVolume volume) {
            description = volumeTarget(volume, target, server);
            commands = List.of(target instanceof RestoreTarget.ToVolume v ? RestoreCommands.volumeToNew(v.name())
                    : RestoreCommands.volumeInPlace(volume.volume()));
            if (target.inPlace()) {
                warnings.add(Note.of("planVolumeStop", "stop the containers that use volume " + volume.volume()
                        + " first; files created in it after " + point.point().time() + " are left as they are",
                        volume.volume(), point.point().time()));
            }
        } else if (source instanceof Source.Bucket bucket) {
            description = BucketTargets.describe(bucket, target, vault, point);
            commands = List.of(); // the engine puts the objects itself
            if (target.inPlace()) {
                warnings.add(Note.of("planBucketLeft", "objects put into " + bucket.describe() + " after "
                        + point.point().time() + " are left as they are; objects the snapshot holds are replaced",
                        bucket.describe(), point.point().time()));
            }
        } else {
            throw new IllegalArgumentException("restoring " + source.kind().id() + " sources (" + source.name()
                    + ") is not available yet; the snapshot is in the vault under " + point.point().location());
        }
        Optional<String> safety = Optional.empty();
        if (target.inPlace() && safetyBackup) {
            Job j = job.filter(x -> x.sources().contains(source.name())).orElseThrow(() -> new IllegalArgumentException(
                    "job " + point.point().job() + " no longer backs up " + source.name() + ", so no safety backup can"
                            + " be taken before overwriting it; add the source to a job, or give --no-safety-backup"));
            safety = Optional.of(j.name());
        } else if (target.inPlace()) {
            warnings.add(Note.of("planNoSafety", "no safety backup: the current state of " + source.name()
                    + " is lost when the restore starts", source.name()));
        }
        if (point.kind() == PointKind.PRE_RESTORE) {
            warnings.add(Note.of("planIsSafetyPoint", "this is the safety point a restore took at " + point.point().time(),
                    point.point().time()));
        }
        Path pointDir = Path.of(vault.path()).resolve(point.point().location());
        Artifact a = artifact;
        String compression = source.kind().isSnapshot() ? "tree" : point.manifest(source.name())
                .getOrDefault("compression", a.path().endsWith(".zst") ? "zstd" : "none");
        return new RestorePlan(source, server, point.id(), point.point().job(), point.point().time(), a, pointDir,
                pointDir.resolve(a.path()), a.sha256(), compression, target, description, commands, safety, warnings);
    }

    private static String databaseTarget(Source.Database db, RestoreTarget target, Server server) {
        String where = " on server " + server.name() + db.container().map(c -> " (container " + c + ")").orElse("");
        if (target instanceof RestoreTarget.NewDatabase n) {
            if (!DATABASE_NAME.matcher(n.name()).matches()) {
                throw new IllegalArgumentException("--to-database: '" + n.name() + "' is not a plain database name;"
                        + " use letters, digits and _ (at most 63), not starting with a digit");
            }
            if (n.name().equals(db.database())) {
                throw new IllegalArgumentException("--to-database " + n.name() + " is the source's own database;"
                        + " to overwrite it, use --in-place");
            }
            return "new database " + n.name() + where;
        }
        if (target.inPlace()) {
            return "database " + db.database() + where + ", overwritten";
        }
        throw new IllegalArgumentException((target instanceof RestoreTarget.ToLocal ? "--to-local is for files sources"
                : "--to-path is for sqlite and files sources") + "; " + db.name()
                + " is a database: use --to-database NEW or --in-place");
    }

    private static String filesTarget(Source.Files files, RestoreTarget target, Server server) {
        if (target instanceof RestoreTarget.ToPath p) {
            if (!p.path().startsWith("/") || p.path().equals("/") || p.path().indexOf('\0') >= 0
                    || p.path().indexOf('\n') >= 0) {
                throw new IllegalArgumentException("--to-path: '" + p.path() + "' must be an absolute folder on the"
                        + " server, other than /");
            }
            return "new folder " + p.path() + " on server " + server.name() + " (the snapshot's paths below it)";
        }
        if (target instanceof RestoreTarget.ToLocal l) {
            return "folder " + l.dir() + " on this computer";
        }
        if (target.inPlace()) {
            return String.join(", ", files.paths()) + " on server " + server.name() + ", files replaced";
        }
        throw new IllegalArgumentException(files.name() + " is a files source: use --to-path DIR (on the server),"
                + " --to-local DIR (on this computer) or --in-place");
    }

    private static final Pattern VOLUME_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    private static String volumeTarget(Source.DockerVolume volume, RestoreTarget target, Server server) {
        if (target instanceof RestoreTarget.ToVolume v) {
            if (!VOLUME_NAME.matcher(v.name()).matches()) {
                throw new IllegalArgumentException("--to-volume: '" + v.name() + "' is not a Docker volume name;"
                        + " use letters, digits, '_', '.' and '-', starting with a letter or digit");
            }
            if (v.name().equals(volume.volume())) {
                throw new IllegalArgumentException("--to-volume " + v.name() + " is the source's own volume;"
                        + " to overwrite it, use --in-place");
            }
            return "Docker volume " + v.name() + " on server " + server.name() + " (new or empty)";
        }
        if (target.inPlace()) {
            return "Docker volume " + volume.volume() + " on server " + server.name() + ", files replaced";
        }
        throw new IllegalArgumentException(volume.name() + " is a Docker volume: use --to-volume NAME or --in-place");
    }

    private static String sqliteTarget(Source.Sqlite sqlite, RestoreTarget target, Server server) {
        if (target instanceof RestoreTarget.ToPath p) {
            if (!p.path().startsWith("/") || p.path().endsWith("/") || p.path().indexOf('\0') >= 0) {
                throw new IllegalArgumentException("--to-path: '" + p.path() + "' must be an absolute file path"
                        + " on the server");
            }
            if (p.path().equals(sqlite.path())) {
                throw new IllegalArgumentException("--to-path " + p.path() + " is the source's own file;"
                        + " to overwrite it, use --in-place");
            }
            return "new file " + p.path() + " on server " + server.name();
        }
        if (target.inPlace()) {
            return "file " + sqlite.path() + " on server " + server.name() + ", replaced";
        }
        throw new IllegalArgumentException((target instanceof RestoreTarget.ToLocal ? "--to-local is for files sources"
                : "--to-database is for postgres and mysql sources") + "; " + sqlite.name()
                + " is a SQLite file: use --to-path FILE or --in-place");
    }

    private static Optional<Artifact> artifactOf(RecordedPoint p, String source) {
        return p.point().artifacts().stream().filter(a -> a.source().equals(source)).findFirst();
    }
}
