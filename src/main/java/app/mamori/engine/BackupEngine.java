package app.mamori.engine;

import app.mamori.model.Note;
import app.mamori.model.Noted;
import app.mamori.catalog.Catalog;
import app.mamori.catalog.Event;
import app.mamori.catalog.EventLevel;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.RecordedPoint;
import app.mamori.model.Artifact;
import app.mamori.model.Job;
import app.mamori.model.RestorePoint;
import app.mamori.model.RunStatus;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.model.Vault;
import app.mamori.secret.SecretStore;
import app.mamori.source.SourceException;
import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.SshConnector;
import app.mamori.util.CancelToken;
import app.mamori.vault.LocalVault;
import app.mamori.vault.Manifest;
import app.mamori.vault.PointWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Backs up jobs: {@link #plan} reads the catalogue, {@link #execute} connects, dumps every
 * source into a new point, commits it and records it. Any failure aborts the whole point:
 * a job's sources are one moment, and a point missing a source would restore a blog whose
 * database and uploads disagree.
 */
public final class BackupEngine {
    private static final System.Logger LOG = System.getLogger(BackupEngine.class.getName());

    private final Catalog catalog;
    private final SshConnector ssh;
    private final SecretStore secrets;
    private final Clock clock;
    private final String version;
    private final FileTreeRunner fileTrees;
    private final Pruner pruner;

    public BackupEngine(Catalog catalog, SshConnector ssh, SecretStore secrets, Clock clock, String version) {
        this.catalog = catalog;
        this.ssh = ssh;
        this.secrets = secrets;
        this.clock = clock;
        this.version = version;
        this.fileTrees = new FileTreeRunner(clock, catalog);
        this.pruner = new Pruner(catalog, ssh, clock, java.time.ZoneId.systemDefault());
    }

    /** Resolves a job into a plan; fails with a clear message if anything it names is missing. */
    public BackupPlan plan(String jobName) {
        Job job = catalog.jobs().get(jobName);
        Vault vault = catalog.vaults().get(job.vault());
        List<BackupPlan.Step> steps = new ArrayList<>();
        String serverName = null;
        for (String name : job.sources()) {
            Source s = catalog.sources().get(name);
            if (serverName != null && !serverName.equals(s.server())) {
                throw new IllegalArgumentException("job '" + jobName + "' mixes servers " + serverName + " and "
                        + s.server() + "; a job backs up sources of one server");
            }
            serverName = s.server();
            steps.add(new BackupPlan.Step(jobName, s, describe(s)));
        }
        Server server = catalog.servers().get(serverName);
        if (vault.isRemote() && !vault.server().get().equals(serverName)) {
            throw new IllegalArgumentException("vault '" + vault.name() + "' is on server " + vault.server().get()
                    + " but job '" + jobName + "' backs up server " + serverName + "; a vault on an SSH host takes"
                    + " backups of that host itself (for example a backup disk mounted there); use a local vault"
                    + " for other servers");
        }
        return new BackupPlan(job, server, vault, steps);
    }

    private static String describe(Source s) {
        if (s instanceof Source.Database d) {
            return (d.kind() == SourceKind.POSTGRES ? "pg_dump" : "mariadb-dump") + " of database " + d.database()
                    + d.container().map(c -> " in container " + c).orElse("");
        }
        if (s instanceof Source.Sqlite q) {
            return "online copy of SQLite database " + q.path();
        }
        if (s instanceof Source.Files f) {
            return "incremental snapshot of " + String.join(", ", f.paths());
        }
        if (s instanceof Source.Bucket b) {
            return "incremental snapshot of " + b.describe();
        }
        return "tar of Docker volume " + ((Source.DockerVolume) s).volume();
    }

    /** Runs a plan to the end. Never throws for a failed backup: the result says what failed. */
    public RunResult execute(BackupPlan plan, BackupListener listener, CancelToken cancel) {
        return execute(plan, PointKind.NORMAL, listener, cancel);
    }

    /**
     * Backs up one source of {@code job} alone into a new point of that job's vault, marked
     * {@code kind}: the safety copy a restore takes of what it is about to overwrite.
     */
    public RunResult backUpOne(String jobName, String sourceName, PointKind kind, BackupListener listener,
                               CancelToken cancel) {
        return execute(planOne(jobName, sourceName), kind, listener, cancel);
    }

    /** {@link #backUpOne} for a caller (a restore) that already holds {@code jobName}'s lock among {@code held}. */
    public RunResult backUpOne(JobLocks held, String jobName, String sourceName, PointKind kind,
                               BackupListener listener, CancelToken cancel) {
        if (!held.holds(jobName)) {
            return backUpOne(jobName, sourceName, kind, listener, cancel);
        }
        return run(planOne(jobName, sourceName), kind, listener, cancel);
    }

    private BackupPlan planOne(String jobName, String sourceName) {
        BackupPlan full = plan(jobName);
        BackupPlan.Step step = full.steps().stream().filter(s -> s.source().name().equals(sourceName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("job '" + jobName + "' has no source '" + sourceName + "'"));
        return new BackupPlan(new Job(jobName, List.of(sourceName), full.vault().name()), full.server(),
                full.vault(), List.of(step));
    }

    /**
     * Holds the job's lock for the whole run and the prune after it.
     *
     * @throws JobBusyException when the job is already running, here or in another process; nothing is recorded
     */
    private RunResult execute(BackupPlan plan, PointKind kind, BackupListener listener, CancelToken cancel) {
        try (JobLock ignored = JobLock.acquire(Pruner.locksDir(catalog), plan.job().name())) {
            RunResult result = run(plan, kind, listener, cancel);
            if (result.ok() && kind == PointKind.NORMAL) {
                pruneAfter(plan, result, listener);
                copyAfter(plan, result, listener);
            }
            return result;
        }
    }

    /** A successful backup is followed by its job's retention policy; a failed prune is a warning, not a failed run. */
    private void pruneAfter(BackupPlan plan, RunResult result, BackupListener listener) {
        String job = plan.job().name();
        if (catalog.retention().get(job).keepsAll()) {
            return;
        }
        try {
            PruneResult pruned = pruner.executeLocked(pruner.plan(job));
            if (!pruned.removed().isEmpty()) {
                listener.note(Note.of("retentionRemoved", "retention removed " + pruned.removed().size()
                        + " point(s), freeing " + pruned.bytesFreed() + " bytes", pruned.removed().size(), pruned.bytesFreed()));
            }
            for (String failure : pruned.failures()) {
                listener.note(Note.of("retentionCouldNotRemove", "retention could not remove " + failure, failure));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "prune after run " + result.runId() + " failed", e);
            event(EventLevel.WARNING, plan, result.runId(), "prune-failed", "prune of job " + job
                    + " after its backup failed: " + e.getMessage() + "; the backup itself succeeded",
                    "pruneAfterBackupFailed", job, e.getMessage());
        }
    }

    /**
     * A job with an offsite vault copies its new point there. A failed copy is recorded and
     * warned about, not a failed run: the point is safe in the job's own vault, and the next
     * {@code mamori copy} (or backup) resumes it.
     */
    private void copyAfter(BackupPlan plan, RunResult result, BackupListener listener) {
        String job = plan.job().name();
        var settings = catalog.copies().copyOf(job);
        if (settings.isEmpty() || result.point().isEmpty()) {
            return;
        }
        String vault = settings.get().vault();
        var copier = new app.mamori.engine.offsite.OffsiteCopier(catalog, secrets, ssh, clock);
        try (var s3 = copier.open(vault)) {
            var point = catalog.points().find(result.point().get().id()).orElseThrow();
            var copied = copier.copyPoint(point, s3, app.mamori.engine.offsite.CopyListener.NONE, CancelToken.none());
            listener.note(copied.ok() ? Note.of("copied", "copied point " + point.id() + " to vault " + vault, point.id(), vault)
                    : Note.of("copyFailed", "offsite copy failed: " + copied.error().get(),
                    copied.failure().get().after()));
            if (copied.ok()) {
                copier.prune(settings.get(), s3, new app.mamori.engine.offsite.CopyListener() {
                    @Override
                    public void log(String line) {
                        listener.log(line);
                    }

                    @Override
                    public void note(Note note) {
                        listener.note(note);
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "copy after run " + result.runId() + " failed", e);
            String point = result.point().get().id();
            catalog.copies().recordCopy(result.point().get(), vault, app.mamori.model.PointCopy.Status.FAILED,
                    clock.instant(), e.getMessage());
            String msg = String.valueOf(e.getMessage());
            // why, followed by the cause's own reason where it has one (an object vault refusing the key)
            event(EventLevel.WARNING, plan, result.runId(), "copy-failed", "copy of point " + point + " to vault "
                    + vault + " failed: " + msg + "; the backup itself succeeded, and mamori copy " + job
                    + " tries again", "copyFailed", Noted.after(e, msg, point, vault));
            listener.note(Note.of("copyFailed", "offsite copy failed: " + msg, Noted.after(e, msg)));
        }
    }

    private RunResult run(BackupPlan plan, PointKind kind, BackupListener listener, CancelToken cancel) {
        Instant started = clock.instant();
        long runId = catalog.runs().start(plan.job().name(), ProcessHandle.current().pid());
        listener.runStarted(plan, runId);
        event(EventLevel.INFO, plan, runId, "run-started", "backup of job " + plan.job().name() + " started",
                "runStarted", plan.job().name());
        List<SourceResult> results = new ArrayList<>();
        RunResult result;
        try (RemoteShell shell = ssh.connect(plan.server());
             PointTarget point = begin(plan, shell, started, listener)) {
            List<Manifest.Entry> entries = new ArrayList<>();
            for (BackupPlan.Step step : plan.steps()) {
                cancel.throwIfCancelled();
                listener.sourceStarted(step);
                Manifest.Entry entry = backUpSource(step, point, plan.vault(), listener, cancel, results);
                entries.add(entry);
            }
            Manifest manifest = new Manifest(Manifest.FORMAT, point.id(), plan.server().name(), plan.server().host(),
                    shell.hostKeyFingerprint(), plan.job().name(), plan.vault().name(), started, clock.instant(),
                    version, entries, kind == PointKind.PRE_RESTORE ? Manifest.PRE_RESTORE : null);
            String location = point.commit(manifest);
            RestorePoint rp = toRestorePoint(manifest, location);
            catalog.points().record(new RecordedPoint(rp, java.util.OptionalLong.of(runId), kind,
                    catalogFields(manifest)));
            for (BackupPlan.Step step : plan.steps()) {
                if (step.source().kind().isSnapshot()) {
                    indexFiles(plan, runId, rp, point, step.source());
                }
            }
            catalog.runs().finish(runId, RunStatus.SUCCEEDED, null, null);
            event(EventLevel.INFO, plan, runId, "run-succeeded", "backup of job " + plan.job().name()
                    + " succeeded: restore point " + rp.id(), "runSucceeded", plan.job().name(), rp.id());
            result = new RunResult(runId, plan.job().name(), RunStatus.SUCCEEDED, Optional.of(rp), results, null);
        } catch (CancelToken.CancelledException e) {
            result = failed(plan, runId, RunStatus.CANCELLED, "the backup was cancelled; nothing was kept", "", results);
        } catch (SourceFailure e) {
            result = failed(plan, runId, RunStatus.FAILED, e.getMessage(), e.details, results,
                    e.reason.map(n -> because(plan.job().name(), e.source, n)), "runFailedBecause");
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "backup of job " + plan.job().name() + " failed", e);
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            msg = e.getCause() != null && msg.startsWith("the vault '") ? msg
                    : vaultProblem(e, plan.vault(), plan.job().name()).orElse(msg);
            result = failed(plan, runId, RunStatus.FAILED, "job " + plan.job().name() + " on server "
                    + plan.server().name() + ": " + msg, stackTrace(e), results,
                    Noted.find(e).map(n -> because(plan.job().name(), plan.server().name(), n)), "runFailedOnServer");
        }
        listener.runFinished(result);
        return result;
    }

    private PointTarget begin(BackupPlan plan, RemoteShell shell, Instant started, BackupListener listener)
            throws IOException {
        int from = firstFreeSuffix(plan.job().name(), started);
        if (plan.vault().isRemote()) {
            return RemotePointTarget.begin(shell, plan, started, from, listener);
        }
        LocalVault vault = new LocalVault(Path.of(plan.vault().path()));
        PointWriter writer = vault.begin(plan.server().name(), plan.job().name(), started, from);
        return new LocalPointTarget(vault, writer, shell,
                new DumpRunner(clock, catalog.stalls().get(plan.job().name())), fileTrees, new BucketRunner(clock));
    }

    /**
     * The first point-id suffix (1 for none) the catalogue does not hold for {@code job} at
     * {@code started}'s second. A vault only knows its own folders: a point of the same job in
     * another vault in the same second (the job just moved there) would get the same id.
     */
    private int firstFreeSuffix(String job, Instant started) {
        String base = job + "/" + LocalVault.POINT_ID.format(started);
        int n = 1;
        while (catalog.points().find(n == 1 ? base : base + "-" + n).isPresent()) {
            n++;
        }
        return n;
    }

    private Manifest.Entry backUpSource(BackupPlan.Step step, PointTarget point, app.mamori.model.Vault vault,
                                        BackupListener listener, CancelToken cancel, List<SourceResult> results)
            throws IOException {
        Source source = step.source();
        try {
            Optional<String> secret = secretOf(source);
            Manifest.Entry entry = point.backUp(step, secret, expectedBytes(step.job(), source), listener, cancel);
            SourceResult ok = new SourceResult(source.name(), entry, null, "");
            results.add(ok);
            listener.sourceFinished(ok);
            return entry;
        } catch (SourceException e) {
            SourceResult bad = new SourceResult(source.name(), null, e.getMessage(), e.details(), e.reason());
            results.add(bad);
            listener.sourceFinished(bad);
            throw new SourceFailure("source " + source.name() + ": " + e.getMessage(), e.details(), source.name(),
                    e.reason());
        } catch (CancelToken.CancelledException e) {
            throw e;
        } catch (IOException e) {
            IOException told = vaultProblem(e, vault, step.job()).map(m -> new IOException(m, e)).orElse(e);
            SourceResult bad = new SourceResult(source.name(), null, told.getMessage(), "", Noted.find(told));
            results.add(bad);
            listener.sourceFinished(bad);
            throw told;
        }
    }

    /**
     * When the vault itself refused the write (full, or mounted read-only), what the admin must
     * know: which vault, where, and what to do. The message from the file system alone
     * ("No space left on device") names neither the vault nor the way out.
     */
    static Optional<String> vaultProblem(Throwable e, app.mamori.model.Vault vault, String job) {
        String where = "the vault '" + vault.name() + "' at " + vault.path()
                + (vault.isRemote() ? " on server " + vault.server().orElse("?") : "");
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("No space left on device") || m.contains("not enough space on the disk")
                    || m.contains("Disk quota exceeded")) {
                return Optional.of(where + " is full (" + m.strip() + "): nothing of this run was kept and the"
                        + " points already there are untouched; free space there (mamori prune " + job
                        + " applies the job's retention) or move the job to another vault with mamori job set "
                        + job + " --vault NAME");
            }
            if (m.contains("Read-only file system")) {
                return Optional.of(where + " is read-only (" + m.strip() + "): nothing of this run was kept and the"
                        + " points already there are untouched; mount it writable again, or move the job to"
                        + " another vault with mamori job set " + job + " --vault NAME");
            }
        }
        return Optional.empty();
    }

    private Optional<String> secretOf(Source source) throws IOException {
        if (source instanceof Source.Database d && d.hasPassword()) {
            Optional<String> s = secrets.get(SecretStore.sourcePasswordKey(source.name()));
            if (s.isEmpty()) {
                throw new SourceException("the password of source " + source.name() + " is missing from the secret store;"
                        + " set it with: mamori source set-password " + source.name() + " --password-stdin", "");
            }
            return s;
        }
        if (source instanceof Source.Bucket) {
            return Optional.of(secrets.get(SecretStore.sourcePasswordKey(source.name())).orElseThrow(() ->
                    new SourceException("the secret access key of source " + source.name() + " is missing from the"
                            + " secret store; set it with: mamori source set-password " + source.name()
                            + " --password-stdin", "")));
        }
        return Optional.empty();
    }

    /** The point is safe in the vault whatever happens here: a failed index is a warning, not a failed run. */
    private void indexFiles(BackupPlan plan, long runId, RestorePoint rp, PointTarget point, Source files) {
        try {
            var kept = point.snapshotEntries(files);
            if (kept != null) {
                fileTrees.indexInCatalogue(rp.id(), kept, files);
            } else {
                fileTrees.indexInCatalogue(rp.id(), point.snapshotIndex(files), files);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "file index of " + rp.id() + " not stored", e);
            event(EventLevel.WARNING, plan, runId, "file-index-failed", "the file list of " + files.name()
                    + " in restore point " + rp.id() + " is not in the catalogue (" + e.getMessage()
                    + "); the snapshot itself is complete, and catalog rebuild restores the list",
                    "fileIndexFailed", files.name(), rp.id(), e.getMessage());
        }
    }

    /** The previous point's received size of this source, for an ETA; -1 when there is none. */
    private long expectedBytes(String job, Source source) {
        return catalog.points().newest(job)
                .map(p -> p.manifest(source.name()).get("rawSize"))
                .map(Long::parseLong).orElse(-1L);
    }

    private RunResult failed(BackupPlan plan, long runId, RunStatus status, String message, String details,
                             List<SourceResult> results) {
        return failed(plan, runId, status, message, details, results, Optional.empty(), "");
    }

    /**
     * The phrase of a run that failed on one source (or on its server) for a reason the app can
     * say in its own words: job, source (or server), then the reason's key and arguments.
     */
    private static List<String> because(String job, String source, Note reason) {
        List<String> args = new ArrayList<>(List.of(job, source, reason.key()));
        args.addAll(reason.args());
        return args;
    }

    private RunResult failed(BackupPlan plan, long runId, RunStatus status, String message, String details,
                             List<SourceResult> results, Optional<List<String>> because, String phrase) {
        catalog.runs().finish(runId, status, message, details);
        if (details != null && !details.isBlank()) {
            LOG.log(System.Logger.Level.INFO, "run " + runId + " details:\n" + details.strip());
        }
        if (because.isPresent()) {
            event(EventLevel.ERROR, plan, runId, "run-" + status.id(), message, phrase, because.get().toArray());
        } else {
            event(status == RunStatus.CANCELLED ? EventLevel.WARNING : EventLevel.ERROR, plan, runId,
                    "run-" + status.id(), message, status == RunStatus.CANCELLED ? "runCancelled" : "runFailed",
                    plan.job().name(), message);
        }
        return new RunResult(runId, plan.job().name(), status, Optional.empty(), results, message);
    }

    /** {@code key} and {@code args} say {@code message} again for the app (catalog.Event#phrase). */
    private void event(EventLevel level, BackupPlan plan, long runId, String kind, String message, String key,
                       Object... args) {
        LOG.log(level == EventLevel.ERROR ? System.Logger.Level.ERROR
                : level == EventLevel.WARNING ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
                "run " + runId + ": " + message);
        catalog.events().add(Event.at(clock.instant(), level, kind, message).withPhrase(key, args)
                .withServer(plan.server().name()).withJob(plan.job().name()).withRun(runId));
    }

    /** The manifest fields the catalogue keeps per artifact, as strings. */
    static java.util.Map<String, java.util.Map<String, String>> catalogFields(Manifest m) {
        java.util.Map<String, java.util.Map<String, String>> out = new java.util.HashMap<>();
        for (Manifest.Entry e : m.sources()) {
            java.util.Map<String, String> f = new java.util.HashMap<>();
            f.put("rawSize", Long.toString(e.rawSize()));
            f.put("compression", e.compression());
            if (e.tool() != null) {
                f.put("tool", e.tool());
            }
            if (e.command() != null) {
                f.put("command", e.command());
            }
            if (e.stats() != null && e.stats().get("tables") instanceof java.util.Map<?, ?> tables) {
                // row counts per table, for `mamori diff` without opening the vault
                f.put("tables", tablesJson(tables));
            }
            out.put(e.name(), f);
        }
        return out;
    }

    private static String tablesJson(java.util.Map<?, ?> tables) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(tables);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("table names and counts always serialise", e);
        }
    }

    static RestorePoint toRestorePoint(Manifest m, String location) {
        List<Artifact> artifacts = m.sources().stream()
                .map(e -> new Artifact(e.name(), SourceKind.fromId(e.kind()), e.artifact(), e.size(), e.sha256()))
                .toList();
        return new RestorePoint(m.job() + "/" + m.id(), m.server(), m.job(), m.vault(), m.started(),
                RunStatus.SUCCEEDED, location, artifacts);
    }

    private static String stackTrace(Throwable e) {
        var w = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }

    /** A source failed with a message for the admin; aborts the run. */
    private static final class SourceFailure extends IOException {
        private final String details;
        private final String source;
        private final transient Optional<Note> reason;

        SourceFailure(String message, String details, String source, Optional<Note> reason) {
            super(message);
            this.details = details;
            this.source = source;
            this.reason = reason;
        }
    }
}
