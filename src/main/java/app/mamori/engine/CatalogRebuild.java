package app.mamori.engine;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.FileEntry;
import app.mamori.catalog.FileLists;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.RecordedPoint;
import app.mamori.model.SourceKind;
import app.mamori.model.Vault;
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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, Manifest> byPoint = new HashMap<>();
        for (ManifestFile mf : manifests) {
            Manifest m = mf.manifest();
            if (!vault.name().equals(m.vault())) {
                // a vault folder copied or renamed: the folder is the vault being rebuilt
                m = new Manifest(m.format(), m.id(), m.server(), m.host(), m.hostKey(), m.job(), vault.name(),
                        m.started(), m.finished(), m.mamoriVersion(), m.sources(), m.kind());
            }
            RecordedPoint point = RecordedPoint.fromManifest(BackupEngine.toRestorePoint(m, mf.location()),
                    m.preRestore() ? PointKind.PRE_RESTORE : PointKind.NORMAL, BackupEngine.catalogFields(m));
            points.add(point);
            byPoint.put(point.id(), m);
        }
        FileLists lists = vault.isRemote() ? FileLists.NONE : snapshotIndexes(Path.of(vault.path()), byPoint);
        try {
            catalog.points().rebuildVault(vault.name(), points, lists);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return points.size();
    }

    /**
     * The file lists of a local vault's tree snapshots, from each snapshot's own index, streamed
     * entry by entry (its hashes included: nothing in the tree is read again).
     */
    private static FileLists snapshotIndexes(Path root, Map<String, Manifest> byPoint) {
        return (point, source, rows) -> {
            Manifest.Entry e = byPoint.get(point.id()).sources().stream()
                    .filter(x -> x.name().equals(source)).findFirst().orElseThrow();
            boolean tree = e.kind().equals(SourceKind.FILES.id()) || e.kind().equals(SourceKind.S3_BUCKET.id());
            Path index = root.resolve(point.point().location()).resolve(e.artifact()).resolve(SnapshotIndex.FILE_NAME);
            if (!tree || !Files.isRegularFile(index)) {
                return false;
            }
            try {
                SnapshotIndex.forEach(index, x -> rows.accept(new FileEntry(x.path().bytes(), FileTreeRunner.type(x),
                        x.mode(), x.size(), x.mtimeSeconds() * 1_000_000_000L + x.mtimeNanos(), x.sha256())));
            } catch (IOException unreadable) {
                throw new IOException("cannot read the file list of " + source + " in restore point " + point.id()
                        + " (" + index + "): " + unreadable.getMessage() + ". Nothing was recorded: the catalogue is"
                        + " as it was before the rebuild. Move that point's folder out of the vault, or restore the"
                        + " file from a copy, and rebuild again", unreadable);
            }
            return true;
        };
    }

    /** A manifest as the catalogue records it (for rebuilds from other kinds of vault, too). */
    public static app.mamori.model.RestorePoint toRestorePoint(Manifest m, String location) {
        return BackupEngine.toRestorePoint(m, location);
    }

    public static java.util.Map<String, java.util.Map<String, String>> catalogFields(Manifest m) {
        return BackupEngine.catalogFields(m);
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
