package app.mamori.engine.offsite;

import app.mamori.catalog.RecordedPoint;
import app.mamori.model.Artifact;
import app.mamori.model.Vault;
import app.mamori.vault.Manifest;
import app.mamori.vault.SecureFiles;
import app.mamori.vault.s3.S3Vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One artifact of an offsite copy, downloaded, decrypted and checked against its recorded
 * SHA-256 into a private folder laid out like a local vault, with the point's manifest, so a
 * restore reads it as it reads any local point. Closing it deletes the folder and moves the
 * restore's report to {@code offsite-restore/reports/} in the data folder.
 */
public final class StagedPoint implements AutoCloseable {
    private final RecordedPoint point;
    private final Path root;
    private final String vaultName;

    private final Path reports;

    private StagedPoint(RecordedPoint point, Path root, String vaultName, Path reports) {
        this.point = point;
        this.root = root;
        this.vaultName = vaultName;
        this.reports = reports;
    }

    /**
     * Downloads every artifact of {@code point} from {@code vault} into a new folder under
     * {@code under}, each checked against its recorded SHA-256: what a check of the copy reads.
     */
    public static StagedPoint fetchAll(S3Vault vault, RecordedPoint point, Path under) throws IOException {
        SecureFiles.createPrivateDirectories(under);
        Path root = Files.createTempDirectory(under, "check-");
        StagedPoint staged = new StagedPoint(point, root, vault.config().name(), under.resolve("reports"));
        try {
            for (Artifact a : point.point().artifacts()) {
                stage(vault, point, a, root.resolve(point.point().location()).resolve(a.path()));
            }
            return staged;
        } catch (IOException | RuntimeException e) {
            staged.close();
            throw e;
        }
    }

    /** Downloads {@code source}'s artifact of {@code point} from {@code vault} into a new folder under {@code under}. */
    public static StagedPoint fetch(S3Vault vault, RecordedPoint point, String source, Path under) throws IOException {
        Artifact a = point.point().artifacts().stream().filter(x -> x.source().equals(source)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("restore point " + point.id()
                        + " holds no backup of source " + source));
        SecureFiles.createPrivateDirectories(under);
        Path root = Files.createTempDirectory(under, "restore-");
        StagedPoint staged = new StagedPoint(point, root, vault.config().name(), under.resolve("reports"));
        try {
            stage(vault, point, a, root.resolve(point.point().location()).resolve(a.path()));
            return staged;
        } catch (IOException | RuntimeException e) {
            staged.close();
            throw e;
        }
    }

    private static void stage(S3Vault vault, RecordedPoint point, Artifact a, Path file) throws IOException {
        if (a.kind().isSnapshot()) {
            stageTree(vault, point, a, file);
            return;
        }
        SecureFiles.createPrivateDirectories(file.getParent());
        SecureFiles.createPrivateFile(file);
        MessageDigest sha = app.mamori.util.NativeCrypto.sha256();
        try (InputStream in = vault.openArtifact(point.point().location(), a.path());
             OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
            in.transferTo(out);
        }
        Path manifest = file.getParent().resolve(Manifest.FILE_NAME);
        if (!Files.exists(manifest)) {
            SecureFiles.createPrivateFile(manifest);
            Files.write(manifest, vault.manifest(point.point().location()));
        }
        String got = HexFormat.of().formatHex(sha.digest());
        if (!got.equalsIgnoreCase(a.sha256())) {
            throw new IOException("the copy of " + a.path() + " of point " + point.id() + " in vault "
                    + vault.config().name() + " has SHA-256 " + got + ", not the recorded " + a.sha256()
                    + "; it is damaged, choose another point");
        }
    }

    /** A file-tree snapshot: its listing, then every file, into a snapshot folder as a local vault has it. */
    private static void stageTree(S3Vault vault, RecordedPoint point, Artifact a, Path snapshot) throws IOException {
        var objects = vault.trees(point.point().server(), point.point().job());
        SecureFiles.createPrivateDirectories(snapshot);
        try {
            TreeListing listing = TreeListing.fromBytes(objects.listing(point.point().location(), a.path()));
            new TreeStage(objects, app.mamori.util.CancelToken.none()).read(listing, a.sha256(), snapshot);
        } catch (IOException e) {
            throw new IOException("the copy of " + a.source() + " of point " + point.id() + " in vault "
                    + vault.config().name() + " cannot be read back: " + e.getMessage() + "; choose another point", e);
        }
        Path manifest = snapshot.getParent().resolve(Manifest.FILE_NAME);
        if (!Files.exists(manifest)) {
            SecureFiles.createPrivateFile(manifest);
            Files.write(manifest, vault.manifest(point.point().location()));
        }
    }

    public RecordedPoint point() {
        return point;
    }

    /** The download as a folder vault of the offsite vault's name, for the restore planner. */
    public Vault asVault() {
        return new Vault(vaultName, root.toString(), Optional.empty());
    }

    /** Keeps the restore's report (written beside the artifact), deletes the download. */
    @Override
    public void close() {
        try {
            Path dir = root.resolve(point.point().location());
            if (Files.isDirectory(dir)) {
                try (var files = Files.list(dir)) {
                    for (Path f : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith("restore-")
                            && f.getFileName().toString().endsWith(".md"))::iterator) {
                        SecureFiles.createPrivateDirectories(reports);
                        Files.move(f, reports.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            SecureFiles.deleteTree(root);
        } catch (IOException e) {
            System.getLogger(StagedPoint.class.getName()).log(System.Logger.Level.WARNING,
                    "could not delete the downloaded copy in " + root, e);
        }
    }
}
