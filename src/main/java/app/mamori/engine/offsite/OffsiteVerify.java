package app.mamori.engine.offsite;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.RecordedPoint;
import app.mamori.catalog.Verification;
import app.mamori.engine.verify.Verifier;
import app.mamori.engine.verify.VerifyListener;
import app.mamori.engine.verify.VerifyPlan;
import app.mamori.engine.verify.VerifyPlanner;
import app.mamori.engine.verify.VerifyResult;
import app.mamori.model.Artifact;
import app.mamori.model.Note;
import app.mamori.util.CancelToken;
import app.mamori.vault.s3.S3Vault;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks of offsite copies ({@code verify --from-vault}): each point's copy downloaded,
 * decrypted and checked against every recorded SHA-256 into a private folder laid out as a
 * local vault ({@link StagedPoint}), then the local checks run on it, the drill included
 * (dumps into a scratch database on their server, file trees into a scratch folder compared by
 * hash). Each check is recorded as a check of the copy, apart from the point's own.
 */
public final class OffsiteVerify {
    private final Catalog catalog;
    private final Verifier verifier;
    private final Clock clock;

    public OffsiteVerify(Catalog catalog, Verifier verifier, Clock clock) {
        this.catalog = catalog;
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * @param under where the downloads go (deleted after each point's checks)
     */
    public VerifyResult run(S3Vault vault, List<RecordedPoint> points, boolean drill, Path under,
                            VerifyListener listener, CancelToken cancel) {
        String name = vault.config().name();
        List<Verification> checks = new ArrayList<>();
        List<Note> warnings = new ArrayList<>();
        List<VerifyResult.NotChecked> notChecked = new ArrayList<>();
        Verifier ofCopies = verifier.ofCopiesIn(name);
        for (RecordedPoint p : points) {
            if (cancel.isCancelled()) {
                return new VerifyResult(checks, true, warnings, notChecked);
            }
            Instant at = clock.instant();
            long t0 = System.nanoTime();
            try (StagedPoint staged = StagedPoint.fetchAll(vault, p, under)) {
                byte[] nonce = new byte[3];
                new SecureRandom().nextBytes(nonce);
                VerifyPlan plan = VerifyPlanner.build(List.of(p), catalog.sources()::find, catalog.servers()::find,
                        v -> staged.asVault(), drill, HexFormat.of().formatHex(nonce));
                VerifyResult r = ofCopies.execute(plan, listener, cancel);
                checks.addAll(r.checks());
                warnings.addAll(r.warnings());
                notChecked.addAll(r.notChecked());
                if (r.cancelled()) {
                    return new VerifyResult(checks, true, warnings, notChecked);
                }
            } catch (app.mamori.engine.JobBusyException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                // the download itself found the damage: the copy fails its checksum, artifact by artifact
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                for (Artifact a : p.point().artifacts()) {
                    Verification v = new Verification(p.id(), a.source(), p.point().job(), at,
                            Verification.Method.CHECKSUM, Verification.Result.FAILED, Note.of("copyUnreadable",
                            "the copy in vault " + name + " cannot be read back: " + why,
                            app.mamori.model.Noted.after(e, why, name)),
                            Duration.ofNanos(System.nanoTime() - t0),
                            java.util.Optional.empty());
                    catalog.copies().recordCheck(name, v);
                    checks.add(v);
                }
            }
        }
        return new VerifyResult(checks, false, warnings, notChecked);
    }
}
