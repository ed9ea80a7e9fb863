package app.mamori.engine.restore;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.Event;
import app.mamori.catalog.EventLevel;
import app.mamori.catalog.PointKind;
import app.mamori.engine.BackupEngine;
import app.mamori.engine.BackupListener;
import app.mamori.engine.JobBusyException;
import app.mamori.engine.JobLocks;
import app.mamori.engine.RunResult;
import app.mamori.model.Note;
import app.mamori.model.Noted;
import app.mamori.model.RestorePoint;
import app.mamori.model.Source;
import app.mamori.secret.SecretStore;
import app.mamori.source.RestoreCommand;
import app.mamori.ssh.Exec;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.SshConnector;
import app.mamori.util.CancelToken;
import com.github.luben.zstd.ZstdInputStream;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a restore plan: re-hash the artifact, take the safety backup, stream the artifact into
 * the server's restore commands, then write the report and the catalogue event whatever happened.
 */
public final class RestoreEngine {
    private static final System.Logger LOG = System.getLogger(RestoreEngine.class.getName());

    private final Catalog catalog;
    private final SshConnector ssh;
    private final SecretStore secrets;
    private final BackupEngine backups;
    private final Clock clock;

    public RestoreEngine(Catalog catalog, SshConnector ssh, SecretStore secrets, BackupEngine backups, Clock clock) {
        this.catalog = catalog;
        this.ssh = ssh;
        this.secrets = secrets;
        this.backups = backups;
        this.clock = clock;
    }

    /**
     * Never throws for a failed restore: the result says what failed and what state the target is in.
     * Holds the lock of the point's job while it runs, so a prune cannot delete the point, and for an
     * in-place restore of every job backing up the source, so a backup cannot capture a target half
     * restored; when one of them is busy, nothing is done and the result says which.
     */
    public RestoreResult execute(RestorePlan plan, RestoreListener listener, CancelToken cancel) {
        Set<String> jobs = new LinkedHashSet<>();
        jobs.add(plan.job());
        if (plan.target().inPlace()) {
            jobs.addAll(JobLocks.backingUp(catalog, plan.source().name()));
        }
        plan.safetyBackup().ifPresent(jobs::add);
        try (JobLocks locks = JobLocks.acquire(catalog, jobs, "restore of " + plan.source().name() + " from point "
                + plan.pointId())) {
            return executeLocked(plan, locks, listener, cancel);
        } catch (JobBusyException e) {
            RestoreResult busy = new RestoreResult(false, plan, Optional.empty(), e.getMessage() + ". Nothing was"
                    + " restored; try again when it is done.", TargetState.notes(plan, -1, Optional.empty()),
                    Duration.ZERO, Optional.empty(), Optional.empty());
            return record(plan, clock.instant(), busy, List.of(), false);
        }
    }

    private RestoreResult executeLocked(RestorePlan plan, JobLocks locks, RestoreListener listener, CancelToken cancel) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        List<RestoreReport.Step> steps = new ArrayList<>();
        Optional<String> safety = Optional.empty();
        int running = -1;
        String error = null;
        Optional<Note> reason = Optional.empty();
        /** The row saying this restore may be writing, from just before it does until it ends. */
        Long underway = null;
        BucketRestores bucket = null;
        try {
            long s = System.nanoTime();
            listener.step(Note.of("restoreChecking", "checking " + plan.artifactFile(), plan.artifactFile()));
            ArtifactCheck.refuseFailedVerification(catalog, plan);
            if (plan.acceptFailedCheck()) {
                ArtifactCheck.standingFailure(catalog, plan.pointId(), plan.source().name()).ifPresent(v -> listener.log(
                        ArtifactCheck.describe(plan.pointId(), v) + "; restoring it anyway, as accepted, provided its"
                                + " bytes still match the SHA-256 recorded when it was backed up"));
            }
            if (!vaultOnServer(plan)) { // on the server, the restore command checks it where the file is
                ArtifactCheck.verify(plan);
                steps.add(new RestoreReport.Step("SHA-256 of the artifact checked", since(s)));
                if (plan.isTree()) {
                    s = System.nanoTime();
                    listener.step(Note.of("restoreCheckingFiles", "checking every stored file of " + plan.artifactFile(),
                            plan.artifactFile()));
                    TreeRestores.checkStoredFiles(plan, listener, cancel);
                    steps.add(new RestoreReport.Step("size and SHA-256 of every stored file checked", since(s)));
                }
            }
            Optional<String> secret = secretOf(plan.source());
            if (plan.source() instanceof Source.Bucket b) {
                // connected and the target checked before the safety backup: a refusal costs nothing
                bucket = BucketRestores.open(plan, b, secret.orElseThrow(), ssh);
            }
            if (plan.safetyBackup().isPresent()) {
                safety = Optional.of(safetyBackup(plan, locks, listener, cancel, steps));
            }
            // said before anything is written: a restore cut off (kill -9, power) leaves this line
            // and no outcome, so the Activity page shows what may be half restored and where the state before it is
            catalog.events().add(Event.at(clock.instant(), EventLevel.INFO, "restore-started", "restore started: "
                    + plan.source().name() + " from point " + plan.pointId() + " to " + plan.targetDescription()
                    + safety.map(p -> "; the state before it is in safety point " + p).orElse("")
                    + "; without a 'restore succeeded' or 'restore FAILED' after this, it was cut off and "
                    + plan.targetDescription() + " may be half restored")
                    .withServer(plan.server().name()).withJob(plan.job()));
            underway = catalog.restores().start(plan.source().name(), plan.pointId(), plan.targetDescription(), safety,
                    plan.server().name(), plan.job());
            if (bucket != null) {
                s = System.nanoTime();
                listener.step(Note.of("restorePutting", "putting the objects into bucket " + bucket.bucket(),
                        bucket.bucket()));
                running = 0; // from here the target bucket may be changed
                int put = bucket.put(listener, cancel);
                steps.add(new RestoreReport.Step(put + " objects put into bucket " + bucket.bucket(), since(s)));
            }
            boolean onServer = vaultOnServer(plan);
            if (plan.target() instanceof RestoreTarget.ToLocal local && !onServer) {
                s = System.nanoTime();
                listener.step(Note.of("restoreWriting", "writing the snapshot into " + local.dir(), local.dir()));
                TreeRestores.toLocal(plan, Path.of(local.dir()), listener);
                steps.add(new RestoreReport.Step("snapshot written into " + local.dir() + " on this computer", since(s)));
            }
            boolean fetch = plan.target() instanceof RestoreTarget.ToLocal && onServer;
            try (RemoteShell shell = plan.commands().isEmpty() && !fetch ? null : ssh.connect(plan.server())) {
                for (int i = 0; i < plan.commands().size(); i++) {
                    cancel.throwIfCancelled();
                    RestoreCommand c = plan.commands().get(i);
                    running = i;
                    s = System.nanoTime();
                    listener.commandStarted(c);
                    ExecResult r = run(shell, c, secret, plan, listener, cancel);
                    if (!r.ok()) {
                        LOG.log(System.Logger.Level.INFO, "restore command failed: " + c.command() + "\n" + r.stderr());
                        throw new RestoreFailures.CommandFailed(RestoreFailures.explain(plan, c, r));
                    }
                    if (!r.stderr().isBlank()) {
                        listener.note(Note.of("stderr", c.purpose() + " stderr: " + r.stderr().strip(), c.purpose(),
                                r.stderr().strip()));
                    }
                    steps.add(new RestoreReport.Step(c.purpose(), since(s)));
                }
                if (fetch) {
                    // the index was checked on the server by the commands above; it is checked here again as read
                    String local = ((RestoreTarget.ToLocal) plan.target()).dir();
                    s = System.nanoTime();
                    listener.step(Note.of("restoreFetching", "fetching the snapshot into " + local, local));
                    TreeRestores.fromServer(plan, shell, Path.of(local), listener, cancel);
                    steps.add(new RestoreReport.Step("snapshot fetched from the server into " + local
                            + " on this computer", since(s)));
                }
            }
        } catch (RestoreRefused e) {
            error = e.getMessage();
        } catch (CancelToken.CancelledException e) {
            error = "the restore was cancelled";
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "restore of " + plan.source().name() + " failed", e);
            error = e.getMessage() == null ? e.toString() : e.getMessage();
            reason = Noted.find(e);
        } finally {
            if (bucket != null) {
                bucket.close();
            }
        }
        if (underway != null) {
            catalog.restores().finish(underway);
        }
        List<app.mamori.model.Note> state = error == null ? List.of() : TargetState.notes(plan, running, safety);
        RestoreResult result = new RestoreResult(error == null, plan, safety, error, state, since(t0), Optional.empty(),
                reason);
        return record(plan, started, result, steps, true);
    }

    private boolean vaultOnServer(RestorePlan plan) {
        // a copy downloaded from an object vault (restore --from-vault) is read here, wherever its point was taken
        return catalog.points().find(plan.pointId()).flatMap(p -> catalog.vaults().find(p.point().vault()))
                .map(v -> v.isRemote() && plan.pointDir().startsWith(Path.of(v.path()))).orElse(false);
    }

    private String safetyBackup(RestorePlan plan, JobLocks locks, RestoreListener listener, CancelToken cancel,
                                List<RestoreReport.Step> steps) throws RestoreRefused {
        long s = System.nanoTime();
        listener.step(Note.of("restoreSafety", "safety backup of " + plan.source().name(), plan.source().name()));
        BackupListener log = new BackupListener() {
            @Override
            public void log(String line) {
                listener.log(line);
            }

            @Override
            public void note(Note note) {
                listener.note(note);
            }
        };
        RunResult r = backups.backUpOne(locks, plan.safetyBackup().get(), plan.source().name(), PointKind.PRE_RESTORE,
                log, cancel);
        if (!r.ok()) {
            throw new RestoreRefused("the safety backup of " + plan.source().name() + " failed, so nothing was"
                    + " restored: " + r.error());
        }
        String id = r.point().map(RestorePoint::id).orElseThrow();
        steps.add(new RestoreReport.Step("safety backup into restore point " + id, since(s)));
        listener.note(Note.of("restoreSafetyPoint", "safety backup: restore point " + id, id));
        return id;
    }

    private Optional<String> secretOf(Source source) throws IOException, RestoreRefused {
        if (source instanceof Source.Database d && d.hasPassword()) {
            Optional<String> s = secrets.get(SecretStore.sourcePasswordKey(source.name()));
            if (s.isEmpty()) {
                throw new RestoreRefused("the password of source " + source.name() + " is missing from the secret"
                        + " store; set it with: mamori source set-password " + source.name() + " --password-stdin");
            }
            return s;
        }
        if (source instanceof Source.Bucket) {
            return Optional.of(secrets.get(SecretStore.sourcePasswordKey(source.name())).orElseThrow(() ->
                    new RestoreRefused("the secret access key of source " + source.name() + " is missing from the"
                            + " secret store; set it with: mamori source set-password " + source.name()
                            + " --password-stdin")));
        }
        return Optional.empty();
    }

    private static ExecResult run(RemoteShell shell, RestoreCommand c, Optional<String> secret, RestorePlan plan,
                                  RestoreListener listener, CancelToken cancel) throws IOException {
        List<InputStream> parts = new ArrayList<>();
        if (c.secretOnStdin()) {
            parts.add(new ByteArrayInputStream((secret.orElseThrow() + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        InputStream artifact = null;
        if (c.artifactOnStdin()) {
            artifact = plan.isTree() ? TreeRestores.tarStream(plan, listener)
                    : open(plan.artifactFile(), plan.compression());
            parts.add(new CountingInputStream(artifact, listener::progress));
        }
        try {
            Exec.Builder exec = Exec.of(c.command()).cancel(cancel);
            if (!parts.isEmpty()) {
                exec.stdin(new SequenceInputStream(java.util.Collections.enumeration(parts)));
            }
            return shell.exec(exec.build());
        } finally {
            if (artifact != null) {
                artifact.close();
            }
        }
    }

    private static InputStream open(Path file, String compression) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20);
        return "zstd".equals(compression) ? new ZstdInputStream(in) : in;
    }

    /** @param writeReport false when the point's folder may be in a prune's hands (the job was busy) */
    private RestoreResult record(RestorePlan plan, Instant started, RestoreResult result, List<RestoreReport.Step> steps,
                                 boolean writeReport) {
        String who = System.getProperty("user.name");
        Optional<Path> report = Optional.empty();
        try {
            if (writeReport && !vaultOnServer(plan)) {
                report = Optional.of(RestoreReport.write(plan, who, started, result, steps));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "restore report not written into " + plan.pointDir(), e);
        }
        String message = (result.ok() ? "restore succeeded: " : "restore FAILED: ") + plan.source().name()
                + " from point " + plan.pointId() + " to " + plan.targetDescription() + ", by " + who + ", "
                + result.duration().toMillis() + " ms"
                + result.safetyPoint().map(p -> ", safety point " + p).orElse("")
                + (plan.acceptFailedCheck() ? ", accepting a failed check" : "")
                + (result.ok() ? "" : ": " + result.error() + " " + result.targetState())
                + report.map(p -> "; report " + p).orElse("");
        catalog.events().add(Event.at(clock.instant(), result.ok() ? EventLevel.INFO : EventLevel.ERROR,
                result.ok() ? "restore-succeeded" : "restore-failed", message)
                .withServer(plan.server().name()).withJob(plan.job()));
        return new RestoreResult(result.ok(), plan, result.safetyPoint(), result.error(), result.target(),
                result.duration(), report, result.reason());
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
