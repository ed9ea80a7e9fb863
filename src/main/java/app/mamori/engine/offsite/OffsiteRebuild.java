package app.mamori.engine.offsite;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.RecordedPoint;
import app.mamori.engine.CatalogRebuild;
import app.mamori.model.PointCopy;
import app.mamori.vault.Manifest;
import app.mamori.vault.ManifestFile;
import app.mamori.vault.s3.S3Vault;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds the catalogue from an object vault's manifests, for a workstation that has nothing
 * but the bucket (and the passphrase): every point there is recorded as copied to the vault,
 * and those the catalogue does not know from a local vault are recorded as points of the
 * object vault itself, restorable with {@code restore --from-vault}.
 */
public final class OffsiteRebuild {
    private OffsiteRebuild() {
    }

    /** What a rebuild found: points in the bucket, and of those, how many were new to the catalogue. */
    public record Result(int points, int added) {
    }

    public static Result rebuild(Catalog catalog, S3Vault vault, Clock clock) throws IOException {
        String name = vault.config().name();
        List<ManifestFile> manifests = vault.manifests();
        List<RecordedPoint> onlyThere = new ArrayList<>();
        for (ManifestFile mf : manifests) {
            Manifest m = mf.manifest();
            String id = m.job() + "/" + m.id();
            boolean knownElsewhere = catalog.points().find(id).filter(p -> !p.point().vault().equals(name)).isPresent();
            if (!knownElsewhere) {
                Manifest here = new Manifest(m.format(), m.id(), m.server(), m.host(), m.hostKey(), m.job(), name,
                        m.started(), m.finished(), m.mamoriVersion(), m.sources(), m.kind());
                onlyThere.add(RecordedPoint.fromManifest(CatalogRebuild.toRestorePoint(here, mf.location()),
                        m.preRestore() ? PointKind.PRE_RESTORE : PointKind.NORMAL, CatalogRebuild.catalogFields(here)));
            }
        }
        catalog.points().rebuildVault(name, onlyThere);
        for (ManifestFile mf : manifests) {
            // a locked copy stays locked on the new computer: the offsite retention must not try it before its date
            java.time.Instant lockedUntil = vault.config().locked() ? vault.lockedUntil(mf.location()).orElse(null)
                    : null;
            catalog.copies().recordCopy(CatalogRebuild.toRestorePoint(mf.manifest(), mf.location()), name,
                    PointCopy.Status.COPIED, clock.instant(), null, lockedUntil);
        }
        return new Result(manifests.size(), onlyThere.size());
    }
}
