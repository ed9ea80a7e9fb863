package app.mamori.engine;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.RecordedPoint;
import app.mamori.model.Vault;
import app.mamori.vault.LocalVault;
import app.mamori.vault.ManifestFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Rebuilds a vault's points in the catalogue from the manifests in the vault: the vault is the truth. */
public final class CatalogRebuild {
    private CatalogRebuild() {
    }

    public static int rebuild(Catalog catalog, Vault vault) throws IOException {
        if (vault.isRemote()) {
            throw new IllegalArgumentException("vault '" + vault.name() + "' is on a server; rebuilding remote vaults"
                    + " is not available in this version yet");
        }
        List<RecordedPoint> points = new ArrayList<>();
        for (ManifestFile mf : new LocalVault(Path.of(vault.path())).manifests()) {
            var m = mf.manifest();
            if (!vault.name().equals(m.vault())) {
                // a vault folder copied or renamed: the folder is the vault being rebuilt
                m = new app.mamori.vault.Manifest(m.format(), m.id(), m.server(), m.host(), m.hostKey(), m.job(),
                        vault.name(), m.started(), m.finished(), m.mamoriVersion(), m.sources());
            }
            points.add(RecordedPoint.fromManifest(BackupEngine.toRestorePoint(m, mf.location()), PointKind.NORMAL,
                    java.util.Map.of()));
        }
        catalog.points().rebuildVault(vault.name(), points);
        return points.size();
    }
}
