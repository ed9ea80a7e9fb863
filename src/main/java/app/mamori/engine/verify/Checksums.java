package app.mamori.engine.verify;

import app.mamori.model.SourceKind;
import app.mamori.source.files.SnapshotIndex;
import app.mamori.ssh.Exec;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteShell;
import app.mamori.util.CancelToken;
import app.mamori.source.files.HostSnapshotCheck;
import app.mamori.vault.HashingOutputStream;
import app.mamori.vault.Json;
import app.mamori.vault.Manifest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Re-hashes an artifact against the catalogue and its manifest. */
final class Checksums {
    private Checksums() {
    }

    /** A dump file or a snapshot in a local vault. */
    static Outcome local(VerifyPlan.Item item, CancelToken cancel) throws IOException {
        Path pointDir = Path.of(item.vault().path()).resolve(item.location());
        boolean tree = item.artifact().kind().isSnapshot();
        Path file = tree ? pointDir.resolve(item.artifact().path()).resolve(SnapshotIndex.FILE_NAME)
                : pointDir.resolve(item.artifact().path());
        if (!Files.isRegularFile(file)) {
            return Outcome.failed(file + " is missing from the vault");
        }
        if (!tree && Files.size(file) != item.artifact().size()) {
            return Outcome.failed(file + " is " + (Files.size(file) < item.artifact().size() ? "truncated" : "too long")
                    + ": " + Files.size(file) + " bytes, the backup wrote " + item.artifact().size());
        }
        String actual = ArtifactStreams.sha256(file);
        if (!actual.equalsIgnoreCase(item.artifact().sha256())) {
            return Outcome.failed(file + " is corrupted: its SHA-256 is " + actual + ", the catalogue recorded "
                    + item.artifact().sha256());
        }
        String manifestProblem = againstManifest(item, actual);
        if (manifestProblem != null) {
            return Outcome.failed(manifestProblem);
        }
        if (!tree) {
            return Outcome.passed("SHA-256 of " + file + " matches the catalogue and the manifest");
        }
        return storedFiles(pointDir.resolve(item.artifact().path()), file, cancel);
    }

    private static String againstManifest(VerifyPlan.Item item, String actual) {
        Path manifestFile = VerifyPlanner.manifestFile(item);
        Manifest m;
        try {
            m = Json.mapper().readValue(manifestFile.toFile(), Manifest.class);
        } catch (IOException e) {
            return "the manifest " + manifestFile + " cannot be read: " + e.getMessage();
        }
        for (Manifest.Entry e : m.sources()) {
            if (e.name().equals(item.artifact().source())) {
                return actual.equalsIgnoreCase(e.sha256()) ? null : item.file() + " does not match " + manifestFile
                        + ": SHA-256 " + actual + ", the manifest says " + e.sha256();
            }
        }
        return manifestFile + " does not list source " + item.artifact().source();
    }

    /** Every regular file of the snapshot against the size and SHA-256 its index recorded. */
    private static Outcome storedFiles(Path snapshot, Path indexFile, CancelToken cancel) throws IOException {
        StoredFiles.Result r = StoredFiles.check(snapshot, p -> true, cancel);
        return r.problem().map(Outcome::failed).orElseGet(() -> Outcome.passed("SHA-256 of " + indexFile
                + " matches the catalogue and the manifest; " + r.files() + " stored files match the index's sizes"
                + " and SHA-256"));
    }

    /** An artifact (for a snapshot: its index) in a vault on a server, hashed there with sha256sum. */
    static Outcome remote(VerifyPlan.Item item, RemoteShell shell, CancelToken cancel) throws IOException {
        if (item.artifact().kind() == SourceKind.FILES) {
            return remoteSnapshot(item, shell, cancel);
        }
        String command = item.commands().get(0);
        String file = item.file();
        var out = new ByteArrayOutputStream();
        ExecResult r = shell.exec(Exec.of(command).stdout(out).cancel(cancel).build());
        String where = " on server " + item.vault().server().orElse("?");
        if (!r.ok()) {
            return Outcome.failed(file + where + " cannot be read: " + r.lastStderrLine());
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        String sha = lines[0].strip().split("\\s+")[0];
        long size = Long.parseLong(lines[lines.length - 1].strip());
        if (size != item.artifact().size()) {
            return Outcome.failed(file + where + " is " + (size < item.artifact().size() ? "truncated" : "too long")
                    + ": " + size + " bytes, the backup wrote " + item.artifact().size());
        }
        if (!sha.equalsIgnoreCase(item.artifact().sha256())) {
            return Outcome.failed(file + where + " is corrupted: its SHA-256 is " + sha + ", the catalogue recorded "
                    + item.artifact().sha256());
        }
        return Outcome.passed("SHA-256 of " + file + where + " matches the catalogue");
    }

    /** A snapshot in a vault on a server: its index fetched and hashed here, every stored file hashed there. */
    private static Outcome remoteSnapshot(VerifyPlan.Item item, RemoteShell shell, CancelToken cancel) throws IOException {
        String where = " on server " + item.vault().server().orElse("?");
        String indexFile = item.file() + "/" + SnapshotIndex.FILE_NAME;
        Path copy = Files.createTempFile("mamori-index", ".jsonl.zst");
        try {
            HashingOutputStream hashed;
            ExecResult r;
            try (var out = Files.newOutputStream(copy)) {
                hashed = new HashingOutputStream(out);
                r = shell.exec(Exec.of(item.commands().get(0)).stdout(hashed).cancel(cancel).build());
            }
            if (!r.ok()) {
                return Outcome.failed(indexFile + where + " cannot be read: " + r.lastStderrLine());
            }
            String sha = hashed.sha256Hex();
            if (!sha.equalsIgnoreCase(item.artifact().sha256())) {
                return Outcome.failed(indexFile + where + " is corrupted: its SHA-256 is " + sha
                        + ", the catalogue recorded " + item.artifact().sha256());
            }
            SnapshotIndex index = SnapshotIndex.read(copy);
            Optional<String> bad = HostSnapshotCheck.mismatch(shell, item.file(), index, cancel);
            if (bad.isPresent()) {
                return Outcome.failed(bad.get() + where);
            }
            return Outcome.passed("SHA-256 of " + indexFile + where + " matches the catalogue; "
                    + HostSnapshotCheck.files(index) + " stored files there match the index's SHA-256");
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
