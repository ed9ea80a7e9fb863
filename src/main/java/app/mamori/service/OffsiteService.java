package app.mamori.service;

import app.mamori.catalog.RecordedPoint;
import app.mamori.engine.offsite.CopyListener;
import app.mamori.engine.offsite.CopyResult;
import app.mamori.engine.offsite.OffsiteCopier;
import app.mamori.engine.offsite.OffsiteRebuild;
import app.mamori.engine.offsite.StagedPoint;
import app.mamori.engine.restore.PointChoice;
import app.mamori.engine.restore.RestorePlanner;
import app.mamori.model.CopySettings;
import app.mamori.model.ObjectVault;
import app.mamori.model.PointCopy;
import app.mamori.model.Refused;
import app.mamori.model.RetentionPolicy;
import app.mamori.util.CancelToken;
import app.mamori.vault.s3.S3Vault;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Offsite copies: object vaults, where each job's points are copied, and the copies themselves. */
public final class OffsiteService {
    private final Services services;

    OffsiteService(Services services) {
        this.services = services;
    }

    /**
     * Adds an object vault after checking the bucket answers to the key and, with encryption,
     * setting up the vault's key in the bucket (or opening the one there with the passphrase).
     * The secret key and passphrase go to the secret store, never the catalogue.
     */
    public ObjectVault addVault(ObjectVault v, String secretKey, Optional<String> passphrase) throws IOException {
        if (services.vaults().find(v.name()).isPresent() || services.catalog().copies().findVault(v.name()).isPresent()) {
            throw Refused.of("vaultExists", "vault '" + v.name() + "' already exists; choose another name", v.name());
        }
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("--secret-access-key-stdin: no secret key on stdin; pipe it in as the"
                    + " first line, e.g. from a file with < FILE");
        }
        try (S3Vault ignored = S3Vault.setUp(v, secretKey, passphrase)) {
            services.secrets().put(ObjectVault.secretKeyKey(v.name()), secretKey);
            if (v.encrypted()) {
                services.secrets().put(ObjectVault.passphraseKey(v.name()), passphrase.orElseThrow());
            }
            services.catalog().copies().addVault(v);
            return v;
        }
    }

    public List<ObjectVault> vaults() {
        return services.catalog().copies().listVaults();
    }

    public Optional<ObjectVault> findVault(String name) {
        return services.catalog().copies().findVault(name);
    }

    /**
     * Changes an encrypted object vault's passphrase: {@code oldPassphrase} must open it; the data
     * key is rewrapped under {@code newPassphrase} in the bucket (no object is re-encrypted) and
     * the secret store keeps the new one. Neither passphrase is logged or put in a message.
     */
    public void changePassphrase(String vault, String oldPassphrase, String newPassphrase) throws IOException {
        ObjectVault v = services.catalog().copies().getVault(vault);
        if (!v.encrypted()) {
            throw new IllegalArgumentException("vault " + vault + " is not encrypted, so it has no passphrase to"
                    + " change");
        }
        app.mamori.vault.crypto.VaultKey.requireUsable(newPassphrase);
        String secretKey = services.secrets().get(ObjectVault.secretKeyKey(vault)).orElseThrow(() -> new IOException(
                "the secret access key of vault " + vault + " is missing from the secret store; add the vault again"));
        S3Vault.changePassphrase(v, secretKey, oldPassphrase, newPassphrase);
        services.secrets().put(ObjectVault.passphraseKey(vault), newPassphrase);
        services.catalog().events().add(app.mamori.catalog.Event.at(services.clock().instant(),
                app.mamori.catalog.EventLevel.INFO, "vault-passphrase-changed", "the passphrase of vault " + vault
                        + " was changed; the old one no longer opens it"));
    }

    /** Forgets an object vault and its secrets; the bucket and the copies in it are left alone. */
    public boolean removeVault(String name) throws IOException {
        boolean removed = services.catalog().copies().removeVault(name);
        if (removed) {
            services.secrets().remove(ObjectVault.secretKeyKey(name));
            services.secrets().remove(ObjectVault.passphraseKey(name));
        }
        return removed;
    }

    /** Copies {@code job}'s new points to {@code vault} from now on, keeping there what {@code keep} says. */
    public void setCopy(String job, String vault, RetentionPolicy keep) {
        services.catalog().copies().setCopy(new CopySettings(job, vault, keep));
    }

    public void removeCopy(String job) {
        services.catalog().copies().removeCopy(job);
    }

    public Optional<CopySettings> copyOf(String job) {
        return services.catalog().copies().copyOf(job);
    }

    /** Where {@code job} copies its points, and when the newest point copied there was taken. */
    public record Offsite(String vault, Optional<Instant> newestCopy) {
    }

    /** {@code job}'s offsite copy and how far behind it is; empty when the job copies nothing offsite. */
    public Optional<Offsite> offsiteOf(String job) {
        return copyOf(job).map(c -> new Offsite(c.vault(), services.catalog().copies().newestCopied(job, c.vault())));
    }

    /** {@link #offsiteOf} of every job that copies offsite, by job, in two queries however many jobs there are. */
    public Map<String, Offsite> offsites() {
        Map<String, Instant> newest = services.catalog().copies().newestCopiedOfEachJob();
        Map<String, Offsite> out = new java.util.HashMap<>();
        services.catalog().copies().copyOfEachJob().forEach((job, c) ->
                out.put(job, new Offsite(c.vault(), Optional.ofNullable(newest.get(job)))));
        return out;
    }

    /** How many of a job's copies are under Object Lock now, and until when the last of them is. */
    public record Locks(int copies, Instant lastUntil) {
    }

    /** The job's copies in its object vault still under Object Lock; empty when none is (or it copies nothing). */
    public Optional<Locks> locksOf(String job) {
        Instant now = services.clock().instant();
        return copyOf(job).flatMap(c -> {
            List<Instant> until = services.catalog().copies().copiedOfJob(job, c.vault()).stream()
                    .flatMap(x -> x.lockedUntil().stream()).filter(now::isBefore).toList();
            return until.isEmpty() ? Optional.empty()
                    : Optional.of(new Locks(until.size(), until.stream().max(Comparator.naturalOrder()).orElseThrow()));
        });
    }

    /** Copies what the job's copy vault lacks, or only {@code point}; no faster than {@code limitRate} bytes/s if given. */
    public List<CopyResult> copy(String job, Optional<String> point, java.util.OptionalLong limitRate,
                                 CopyListener listener, CancelToken cancel) throws IOException {
        services.jobs().get(job);
        return copier().copyJob(job, point, limitRate, listener, cancel);
    }

    /** Reads back and checks every copy of the job in its object vault (see {@link OffsiteCopier#checkJob}). */
    public List<OffsiteCopier.CopyCheck> check(String job, CopyListener listener, CancelToken cancel)
            throws IOException {
        services.jobs().get(job);
        return copier().checkJob(job, listener, cancel);
    }

    /**
     * Checks copies in object vault {@code vault} (see {@link app.mamori.engine.offsite.OffsiteVerify}):
     * of one point, of one job's points, or (both empty) of every point copied there.
     *
     * @throws app.mamori.engine.JobBusyException when a job whose copy is checked is running
     */
    public app.mamori.engine.verify.VerifyResult verify(String vault, Optional<String> job, Optional<String> point,
                                                        boolean drill, app.mamori.engine.verify.VerifyListener listener,
                                                        CancelToken cancel) throws IOException {
        services.catalog().copies().getVault(vault);
        List<RecordedPoint> points = new ArrayList<>();
        for (String id : services.catalog().copies().copiedTo(vault)) {
            services.catalog().points().find(id).filter(p -> job.map(j -> j.equals(p.point().job())).orElse(true))
                    .filter(p -> point.map(x -> x.equals(p.id())).orElse(true)).ifPresent(points::add);
        }
        points.sort(Comparator.comparing((RecordedPoint p) -> p.point().time()));
        if (points.isEmpty()) {
            throw new IllegalArgumentException("--from-vault: no " + point.map(p -> "copy of point " + p).orElse(
                    job.map(j -> "copy of job " + j).orElse("copy")) + " is recorded in vault " + vault
                    + "; see mamori points JOB, or on a new computer: mamori catalog rebuild --vault " + vault);
        }
        var verifier = new app.mamori.engine.verify.Verifier(services.catalog(), services.ssh(), services.secrets(),
                services.clock());
        try (S3Vault s3 = copier().open(vault)) {
            return new app.mamori.engine.offsite.OffsiteVerify(services.catalog(), verifier, services.clock())
                    .run(s3, points, drill, services.home().dir().resolve("offsite-restore"), listener, cancel);
        }
    }

    /** The checks of a point's copy in {@code vault}, oldest first. */
    public List<app.mamori.catalog.Verification> checksOf(String point, String vault) {
        return services.catalog().copies().checksOf(point, vault);
    }

    /** The newest check of each source of each copy of {@code points}: by point, vault, then source. */
    public Map<String, Map<String, Map<String, app.mamori.catalog.Verification>>> latestChecksOf(List<String> points) {
        return services.catalog().copies().latestChecksOf(points);
    }

    /** The recorded copies of {@code points}, by point id. */
    public Map<String, List<PointCopy>> copiesOf(List<String> points) {
        return services.catalog().copies().copiesOf(points);
    }

    /**
     * Downloads the artifact of {@code source} that a restore from object vault {@code vault}
     * needs: the point {@code choice} picks among the points copied there. The caller restores
     * from {@link StagedPoint#asVault()} and closes it, which deletes the download.
     */
    public StagedPoint stage(String vault, String source, PointChoice choice) throws IOException {
        services.catalog().copies().getVault(vault);
        List<RecordedPoint> copied = new ArrayList<>();
        for (String id : services.catalog().copies().copiedTo(vault)) {
            services.catalog().points().find(id).ifPresent(copied::add);
        }
        copied.sort(Comparator.comparing((RecordedPoint p) -> p.point().time()).thenComparing(RecordedPoint::id)
                .reversed());
        if (copied.isEmpty()) {
            throw new IllegalArgumentException("--from-vault: no point is recorded as copied to vault " + vault
                    + "; on a new computer, first: mamori catalog rebuild --vault " + vault);
        }
        RecordedPoint point = RestorePlanner.choose(copied, source, choice);
        try (S3Vault s3 = copier().open(vault)) {
            return StagedPoint.fetch(s3, point, source, services.home().dir().resolve("offsite-restore"));
        }
    }

    /** Records every point an object vault holds, for a computer that has nothing else (see {@link OffsiteRebuild}). */
    public OffsiteRebuild.Result rebuild(String vault) throws IOException {
        try (S3Vault s3 = copier().open(vault)) {
            return OffsiteRebuild.rebuild(services.catalog(), s3, services.clock());
        }
    }

    public OffsiteCopier copier() {
        return new OffsiteCopier(services.catalog(), services.secrets(), services.ssh(), services.clock());
    }
}
