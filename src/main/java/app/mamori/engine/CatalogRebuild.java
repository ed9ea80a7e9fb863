package app.mamori.engine;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.FileEntry;
import app.mamori.catalog.FileIndexWriter;
import app.mamori.catalog.FileType;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.RecordedPoint;
import app.mamori.model.SourceKind;
import app.mamori.model.Vault;
import app.mamori.source.files.IndexEntry;
import app.mamori.source.files.SnapshotIndex;
import app.mamori.ssh.Exec;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.ShellQuote;
import app.mamori.ssh.SshConnector;
import app.mamori.vault.Json;
import app.mamori.vault.LocalVault;
import app.mamori.vault.Manifest;
import app.mamori.vault.ManifestFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds a vault's restore points in the catalogue from the manifests in the vault: the
 * vault is the truth, the catalogue an index of it. For local vaults the file lists of
 * file-tree snapshots come back too, from the snapshots' own indexes.
 */
public final class CatalogRebuild {
    private CatalogRebuild() {
    }

    public static int rebuild(Catalog catalog, Vault vault, SshConnector ssh) throws IOException {
        List<ManifestFile> manifests = vault.isRemote() ? remoteManifests(catalog, vault, ssh)
                : new LocalVault(Path.of(vault.path())).manifests();
        List<RecordedPoint> points = new ArrayList<>();
        for (ManifestFile mf : manifests) {
            Manifest m = mf.manifest();
            if (!vault.name().equals(m.vault())) {
                // a vault folder copied or renamed: the folder is the vault being rebuilt
                m = new Manifest(m.format(), m.id(), m.server(), m.host(), m.hostKey(), m.job(), vault.name(),
                        m.started(), m.finished(), m.mamoriVersion(), m.sources(), m.kind());
            }
            points.add(RecordedPoint.fromManifest(BackupEngine.toRestorePoint(m, mf.location()),
                    m.preRestore() ? PointKind.PRE_RESTORE : PointKind.NORMAL,
                    BackupEngine.catalogFields(m)));
        }
        catalog.points().rebuildVault(vault.name(), points);
        if (!vault.isRemote()) {
            for (int i = 0; i < points.size(); i++) {
                indexSnapshots(catalog, Path.of(vault.path()).resolve(manifests.get(i).location()), points.get(i),
                        manifests.get(i).manifest());
            }
        }
        return points.size();
    }

    /** A manifest as the catalogue records it (for rebuilds from other kinds of vault, too). */
    public static app.mamori.model.RestorePoint toRestorePoint(Manifest m, String location) {
        return BackupEngine.toRestorePoint(m, location);
    }

    public static java.util.Map<String, java.util.Map<String, String>> catalogFields(Manifest m) {
        return BackupEngine.catalogFields(m);
    }

    private static void indexSnapshots(Catalog catalog, Path pointDir, RecordedPoint point, Manifest m) throws IOException {
        for (Manifest.Entry e : m.sources()) {
            Path snapshot = pointDir.resolve(e.artifact());
            boolean tree = e.kind().equals(SourceKind.FILES.id()) || e.kind().equals(SourceKind.S3_BUCKET.id());
            if (!tree || !Files.isRegularFile(snapshot.resolve(SnapshotIndex.FILE_NAME))) {
                continue;
            }
            SnapshotIndex index = SnapshotIndex.read(snapshot);
            try (FileIndexWriter w = catalog.fileIndex().writer(point.id(), e.name())) {
                for (IndexEntry x : index.entries()) {
                    w.add(new FileEntry(x.path().bytes(), FileTreeRunner.type(x), x.mode(), x.size(),
                            x.mtimeSeconds() * 1_000_000_000L + x.mtimeNanos(), x.sha256()));
                }
                w.commit();
            }
        }
    }

    /** Fetches every committed manifest of a vault on an SSH host in one tar stream. */
    private static List<ManifestFile> remoteManifests(Catalog catalog, Vault vault, SshConnector ssh) throws IOException {
        String script = "cd " + ShellQuote.quote(vault.path()) + " && find . -mindepth 4 -maxdepth 4 -name "
                + Manifest.FILE_NAME + " ! -path '*/.tmp-*' -print0 | tar --null -T - -cf -";
        var out = new ByteArrayOutputStream();
        try (RemoteShell shell = ssh.connect(catalog.servers().get(vault.server().get()))) {
            ExecResult r = shell.exec(Exec.of(script).stdout(out).build());
            if (!r.ok()) {
                throw new IOException("cannot read the manifests of vault " + vault.name() + " at " + vault.path()
                        + " on server " + vault.server().get() + ": " + r.lastStderrLine());
            }
        }
        List<ManifestFile> result = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                String name = e.getName().startsWith("./") ? e.getName().substring(2) : e.getName();
                String location = name.substring(0, name.length() - Manifest.FILE_NAME.length() - 1);
                result.add(new ManifestFile(location, Json.mapper().readValue(tar.readAllBytes(), Manifest.class)));
            }
        }
        return result;
    }
}
