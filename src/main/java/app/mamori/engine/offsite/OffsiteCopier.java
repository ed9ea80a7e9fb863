package app.mamori.engine.offsite;

import app.mamori.model.Note;
import app.mamori.catalog.Catalog;
import app.mamori.catalog.Event;
import app.mamori.catalog.EventLevel;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.RecordedPoint;
import app.mamori.engine.JobLock;
import app.mamori.engine.Pruner;
import app.mamori.model.Artifact;
import app.mamori.model.CopySettings;
import app.mamori.model.ObjectVault;
import app.mamori.model.PointCopy;
import app.mamori.model.RunStatus;
import app.mamori.model.SourceKind;
import app.mamori.model.Vault;
import app.mamori.secret.SecretStore;
import app.mamori.util.CancelToken;
import app.mamori.util.RateLimit;
import app.mamori.ssh.Exec;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.ShellQuote;
import app.mamori.ssh.SshConnector;
import app.mamori.vault.Manifest;
import app.mamori.vault.SecureFiles;
import app.mamori.vault.s3.S3Vault;
import app.mamori.vault.s3.UploadResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Copies restore points to an object vault: every artifact first (multipart, resumed where an
 * earlier copy stopped, its SHA-256 checked against the catalogue while it is read), the
 * manifest last, so a point in the bucket either has everything or no manifest at all. Each
 * attempt is recorded in the catalogue.
 */
public final class OffsiteCopier {
    private static final System.Logger LOG = System.getLogger(OffsiteCopier.class.getName());

    private final Catalog catalog;
    private final SecretStore secrets;
    private final SshConnector ssh;
    private final Clock clock;

    /** @param ssh reaches a vault on a server, whose points are read there */
    public OffsiteCopier(Catalog catalog, SecretStore secrets, SshConnector ssh, Clock clock) {
        this.catalog = catalog;
        this.secrets = secrets;
        this.ssh = ssh;
        this.clock = clock;
    }

    /** Opens an object vault with the secrets the store keeps for it. */
    public S3Vault open(String vaultName) throws IOException {
        ObjectVault v = catalog.copies().getVault(vaultName);
        String secretKey = secrets.get(ObjectVault.secretKeyKey(v.name())).orElseThrow(() -> new IOException(
                "the secret access key of vault " + v.name() + " is missing from the secret store; add the vault again"
                        + " (mamori vault remove " + v.name() + ", then vault add)"));
        return S3Vault.open(v, secretKey, v.encrypted() ? secrets.get(ObjectVault.passphraseKey(v.name()))
                : Optional.empty());
    }

    /**
     * Copies the job's points that its copy vault lacks (or only {@code pointId}), oldest first,
     * holding the job's lock. Points already copied are skipped; one point failing does not stop
     * the others.
     *
     * @throws app.mamori.engine.JobBusyException when the job is running (a backup copies its own new point)
     */
    public List<CopyResult> copyJob(String job, Optional<String> pointId, java.util.OptionalLong limitRate,
                                    CopyListener listener, CancelToken cancel) throws IOException {
        CopySettings settings = catalog.copies().copyOf(job).orElseThrow(() -> new IllegalArgumentException(
                "job '" + job + "' has no offsite copy; set one with: mamori job set " + job + " --copy-to VAULT"));
        List<RecordedPoint> points = new ArrayList<>();
        for (RecordedPoint p : catalog.points().list(job)) {
            if (pointId.map(id -> id.equals(p.id())).orElse(true) && p.point().status() == RunStatus.SUCCEEDED
                    && p.kind() == PointKind.NORMAL) {
                points.add(0, p);
            }
        }
        if (pointId.isPresent() && points.isEmpty()) {
            throw new IllegalArgumentException("--point: job " + job + " has no complete restore point '"
                    + pointId.get() + "'; see: mamori points " + job);
        }
        List<CopyResult> results = new ArrayList<>();
        // one budget for the whole copy: every point, dump and file of it shares the rate
        Optional<RateLimit> limit = limitRate.isPresent() ? Optional.of(new RateLimit(limitRate.getAsLong()))
                : Optional.empty();
        // the job's lock: no backup's prune removes a point while it is being read, and no two copies race
        try (JobLock ignored = JobLock.acquire(Pruner.locksDir(catalog), job, "offsite copy of job " + job);
             S3Vault vault = open(settings.vault())) {
            for (RecordedPoint p : points) {
                boolean copied = catalog.copies().copy(p.id(), settings.vault())
                        .filter(c -> c.status() == PointCopy.Status.COPIED).isPresent();
                if (!copied || pointId.isPresent()) {
                    results.add(copyPoint(p, vault, limit, listener, cancel));
                }
            }
            if (results.stream().anyMatch(CopyResult::ok)) {
                prune(settings, vault, listener);
            }
        }
        return results;
    }

    /** Copies one point and records the outcome; never throws for a failed copy, except when cancelled. */
    public CopyResult copyPoint(RecordedPoint point, S3Vault vault, CopyListener listener, CancelToken cancel)
            throws CancelToken.CancelledException {
        return copyPoint(point, vault, Optional.empty(), listener, cancel);
    }

    /** As above, reading every byte of the point's files within {@code limit} when given. */
    public CopyResult copyPoint(RecordedPoint point, S3Vault vault, Optional<RateLimit> limit,
                                CopyListener listener, CancelToken cancel) throws CancelToken.CancelledException {
        String name = vault.config().name();
        // one date for every object of the point, recorded with the copy (also a failed one: what it wrote is locked)
        Optional<Instant> lock = vault.config().locked()
                ? Optional.of(lockUntil(clock.instant(), vault.config().objectLockDays()))
                : Optional.empty();
        Instant lockedUntil = lock.orElse(null);
        try {
            long[] totals = upload(point, vault, lock, limit, listener, cancel);
            catalog.copies().recordCopy(point.point(), name, PointCopy.Status.COPIED, clock.instant(), null,
                    lockedUntil);
            event(EventLevel.INFO, point, "copy-succeeded", "point " + point.id() + " copied to vault " + name
                    + (totals[1] > 0 ? " (resumed: " + totals[1] + " bytes were already there)" : ""));
            return new CopyResult(point.id(), name, totals[0], totals[1], Optional.empty());
        } catch (CancelToken.CancelledException e) {
            catalog.copies().recordCopy(point.point(), name, PointCopy.Status.FAILED, clock.instant(),
                    "cancelled; mamori copy resumes it", lockedUntil);
            throw e;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "copy of " + point.id() + " to " + name + " failed", e);
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            String msg = "copy of point " + point.id() + " to vault " + name + " failed: " + why;
            catalog.copies().recordCopy(point.point(), name, PointCopy.Status.FAILED, clock.instant(), msg,
                    lockedUntil);
            // the cause's own reason, where it has one, follows as its English, key and arguments
            Object[] said = app.mamori.model.Noted.after(e, why, point.id(), name);
            catalog.events().add(Event.at(clock.instant(), EventLevel.ERROR, "copy-failed", msg + "; mamori copy "
                    + point.point().job() + " tries again and resumes what was sent")
                    .withPhrase("copyPointFailed", said).withServer(point.point().server()).withJob(point.point().job()));
            return new CopyResult(point.id(), name, 0, 0, Optional.of(Note.of("copyPointFailed", msg, said)));
        }
    }

    /**
     * The end of a copy's lock: {@code days} after {@code now}, rounded up to a whole second (S3
     * keeps retention dates to the second; moto's server fails on a fraction).
     */
    static Instant lockUntil(Instant now, int days) {
        return now.plus(Duration.ofDays(days)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
    }

    /** One copy read back: {@code problem} says what is wrong with it, empty when every artifact checked out. */
    public record CopyCheck(String point, Optional<String> problem) {
    }

    /**
     * Reads back every copy of the job in its object vault: each artifact downloaded, decrypted
     * (every chunk authenticated) and hashed, and checked against the SHA-256 its manifest in the
     * bucket records. Nothing is written; a damaged copy is logged as an error event.
     */
    public List<CopyCheck> checkJob(String job, CopyListener listener, CancelToken cancel) throws IOException {
        CopySettings settings = catalog.copies().copyOf(job).orElseThrow(() -> new IllegalArgumentException(
                "job '" + job + "' has no offsite copy; set one with: mamori job set " + job + " --copy-to VAULT"));
        List<CopyCheck> checks = new ArrayList<>();
        try (S3Vault vault = open(settings.vault())) {
            for (var copied : catalog.copies().copiedOfJob(job, settings.vault())) {
                cancel.throwIfCancelled();
                Optional<String> problem = check(vault, copied.location(), cancel);
                checks.add(new CopyCheck(copied.point(), problem));
                problem.ifPresent(p -> catalog.events().add(Event.at(clock.instant(), EventLevel.ERROR, "copy-damaged",
                        "copy of point " + copied.point() + " in vault " + settings.vault() + " is damaged: " + p)
                        .withJob(job)));
                listener.note(problem.map(p -> Note.of("copyDamaged", copied.point() + ": " + p, copied.point(), p))
                        .orElseGet(() -> Note.of("copyVerified", copied.point() + ": verified", copied.point())));
            }
        }
        return checks;
    }

    private static Optional<String> check(S3Vault vault, String location, CancelToken cancel) throws IOException {
        Manifest m;
        try {
            m = app.mamori.vault.Json.mapper().readValue(vault.manifest(location), Manifest.class);
        } catch (app.mamori.vault.crypto.TamperedObjectException e) {
            return Optional.of(e.getMessage());
        }
        for (Manifest.Entry e : m.sources()) {
            cancel.throwIfCancelled();
            if (isTree(e)) {
                Optional<String> problem = checkTree(vault, m, location, e, cancel);
                if (problem.isPresent()) {
                    return problem;
                }
                continue;
            }
            try (InputStream in = vault.openArtifact(location, e.artifact())) {
                java.security.MessageDigest sha = app.mamori.util.NativeCrypto.sha256();
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    sha.update(buf, 0, n);
                }
                String got = java.util.HexFormat.of().formatHex(sha.digest());
                if (!got.equalsIgnoreCase(e.sha256())) {
                    return Optional.of(e.artifact() + " has SHA-256 " + got + ", not the recorded " + e.sha256());
                }
            } catch (app.mamori.vault.crypto.TamperedObjectException x) {
                return Optional.of(x.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Whether a manifest's entry is a file-tree snapshot, copied as a listing and its content. */
    static boolean isTree(Manifest.Entry e) {
        try {
            return app.mamori.model.SourceKind.fromId(e.kind()).isSnapshot();
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private static Optional<String> checkTree(S3Vault vault, Manifest m, String location, Manifest.Entry e,
                                              CancelToken cancel) throws CancelToken.CancelledException {
        var objects = vault.trees(m.server(), m.job());
        try {
            TreeListing listing = TreeListing.fromBytes(objects.listing(location, e.artifact()));
            new TreeStage(objects, cancel).read(listing, e.sha256(), null);
            return Optional.empty();
        } catch (CancelToken.CancelledException x) {
            throw x;
        } catch (IOException x) {
            return Optional.of(e.artifact() + ": " + x.getMessage());
        }
    }

    /** Applies the job's offsite retention after a copy; a failure is logged, never fatal to the copy. */
    public void prune(CopySettings settings, S3Vault vault, CopyListener listener) {
        if (settings.keep().keepsAll()) {
            return;
        }
        try {
            CopyPrune.Result r = CopyPrune.execute(catalog, settings, vault, clock, java.time.ZoneId.systemDefault());
            if (!r.removed().isEmpty()) {
                String removed = String.join(", ", r.removed());
                listener.note(Note.of("copyPruneRemoved", "offsite retention removed " + r.removed().size() + " cop"
                        + (r.removed().size() == 1 ? "y" : "ies") + " from vault " + settings.vault() + ": " + removed,
                        r.removed().size(), settings.vault(), removed));
            }
            for (CopyPrune.Locked l : r.locked()) {
                listener.note(Note.of("copyPruneLocked", "offsite retention keeps the copy of " + l.point() + " in vault "
                        + settings.vault() + ": it is under Object Lock until " + l.until(), l.point(), settings.vault(),
                        l.until()));
            }
            for (String f : r.failures()) {
                listener.note(Note.of("copyPruneCouldNotRemove", "offsite retention could not remove " + f, f));
                LOG.log(System.Logger.Level.WARNING, "offsite prune: " + f);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "offsite prune of job " + settings.job() + " failed", e);
            listener.note(Note.of("copyPruneFailed", "offsite retention failed: " + e.getMessage(), e.getMessage()));
        }
    }

    private long[] upload(RecordedPoint point, S3Vault vault, Optional<Instant> lock, Optional<RateLimit> limit,
                          CopyListener listener, CancelToken cancel) throws IOException {
        Vault home = catalog.vaults().find(point.point().vault()).orElseThrow(() -> new IOException("point "
                + point.id() + " is in vault " + point.point().vault() + ", which is not in the catalogue"));
        Path dir = Path.of(home.path()).resolve(point.point().location());
        if (home.isRemote()) {
            return fromServer(point, home, vault, lock, limit, listener, cancel);
        }
        long sent = 0;
        long resumed = 0;
        String location = point.point().location();
        long started = System.nanoTime();
        TreeUpload trees = new TreeUpload(catalog, vault, point, lock, limit, listener, cancel);
        for (Artifact a : point.point().artifacts()) {
            Path file = dir.resolve(a.path());
            if (isTree(a, file)) {
                UploadResult r = trees.local(a, file);
                sent += r.sent();
                resumed += r.resumed();
                continue;
            }
            long size = Files.size(file);
            try (InputStream in = limited(Files.newInputStream(file), limit)) {
                UploadResult r = vault.putArtifact(location, a.path(), in, size, a.sha256(), lock,
                        done -> listener.progress(point.id(), a.path(), Math.min(done, size), size,
                                System.nanoTime() - started), cancel);
                sent += r.sent();
                resumed += r.resumed();
            }
        }
        vault.putManifest(location, Files.readAllBytes(dir.resolve(Manifest.FILE_NAME)), lock);
        return new long[]{sent, resumed};
    }

    /**
     * A point in a vault on a server: each artifact is fetched over SSH into a private file in
     * the data folder ({@code offsite-stage/}), uploaded from there (so a resumed upload reads the
     * same bytes again) and deleted; the manifest is read there last.
     */
    private long[] fromServer(RecordedPoint point, Vault home, S3Vault vault, Optional<Instant> lock,
                              Optional<RateLimit> limit, CopyListener listener, CancelToken cancel)
            throws IOException {
        Path stage = catalog.file().toAbsolutePath().getParent().resolve("offsite-stage");
        SecureFiles.createPrivateDirectories(stage);
        String dir = home.path().replaceAll("/+$", "") + "/" + point.point().location() + "/";
        String location = point.point().location();
        long sent = 0;
        long resumed = 0;
        long started = System.nanoTime();
        try (RemoteShell shell = ssh.connect(catalog.servers().get(home.server().get()))) {
            TreeUpload trees = new TreeUpload(catalog, vault, point, lock, limit, listener, cancel);
            for (Artifact a : point.point().artifacts()) {
                if (a.kind().isSnapshot()) {
                    UploadResult r = trees.remote(a, shell, dir + a.path(), stage);
                    sent += r.sent();
                    resumed += r.resumed();
                    continue;
                }
                Path file = Files.createTempFile(stage, "copy-", ".part");
                try {
                    fetch(shell, dir + a.path(), file, home, cancel);
                    long size = Files.size(file);
                    try (InputStream in = limited(Files.newInputStream(file), limit)) {
                        UploadResult r = vault.putArtifact(location, a.path(), in, size, a.sha256(), lock,
                                done -> listener.progress(point.id(), a.path(), Math.min(done, size), size,
                                        System.nanoTime() - started), cancel);
                        sent += r.sent();
                        resumed += r.resumed();
                    }
                } finally {
                    Files.deleteIfExists(file);
                }
            }
            var manifest = new java.io.ByteArrayOutputStream();
            fetch(shell, dir + Manifest.FILE_NAME, manifest, home, cancel);
            vault.putManifest(location, manifest.toByteArray(), lock);
        }
        return new long[]{sent, resumed};
    }

    /** A file-tree snapshot (a folder with its index) rather than one dump file. */
    static boolean isTree(Artifact a, Path inLocalVault) {
        return a.kind().isSnapshot() || Files.isDirectory(inLocalVault);
    }

    private static void fetch(RemoteShell shell, String path, Path into, Vault home, CancelToken cancel)
            throws IOException {
        // into is a temp file: owner-only (0600) on POSIX, in the private (0700) stage folder
        try (OutputStream out = Files.newOutputStream(into)) {
            fetch(shell, path, out, home, cancel);
        }
    }

    private static void fetch(RemoteShell shell, String path, OutputStream out, Vault home, CancelToken cancel)
            throws IOException {
        ExecResult r = shell.exec(Exec.of("cat -- " + ShellQuote.quote(path)).stdout(out).cancel(cancel).build());
        if (!r.ok()) {
            throw new IOException("cannot read " + path + " in vault " + home.name() + " on server "
                    + home.server().get() + ": " + r.lastStderrLine());
        }
    }

    static InputStream limited(InputStream in, Optional<RateLimit> limit) {
        return limit.map(l -> l.wrap(in)).orElse(in);
    }

    private void event(EventLevel level, RecordedPoint p, String kind, String message) {
        catalog.events().add(Event.at(clock.instant(), level, kind, message).withServer(p.point().server())
                .withJob(p.point().job()));
    }
}
