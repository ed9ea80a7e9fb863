package app.mamori.engine.verify;

import app.mamori.model.Note;
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
            return Outcome.failed(Note.of("checksumMissing", file + " is missing from the vault", file));
        }
        if (!tree && Files.size(file) != item.artifact().size()) {
            return Outcome.failed(wrongSize(file.toString(), "", Files.size(file), item.artifact().size()));
        }
        String actual = ArtifactStreams.sha256(file);
        if (!actual.equalsIgnoreCase(item.artifact().sha256())) {
            return Outcome.failed(Note.of("checksumCorrupted", file + " is corrupted: its SHA-256 is " + actual
                    + ", the catalogue recorded " + item.artifact().sha256(), file, actual, item.artifact().sha256()));
        }
        Note manifestProblem = againstManifest(item, actual);
        if (manifestProblem != null) {
            return Outcome.failed(manifestProblem);
        }
        if (!tree) {
            return Outcome.passed(Note.of("checksumPassed", "SHA-256 of " + file
                    + " matches the catalogue and the manifest", file));
        }
        return storedFiles(pointDir.resolve(item.artifact().path()), file, cancel);
    }

    private static Note againstManifest(VerifyPlan.Item item, String actual) {
        Path manifestFile = VerifyPlanner.manifestFile(item);
        Manifest m;
        try {
            m = Json.mapper().readValue(manifestFile.toFile(), Manifest.class);
        } catch (IOException e) {
            return Note.of("manifestUnreadable", "the manifest " + manifestFile + " cannot be read: " + e.getMessage(),
                    manifestFile, e.getMessage());
        }
        for (Manifest.Entry e : m.sources()) {
            if (e.name().equals(item.artifact().source())) {
                return actual.equalsIgnoreCase(e.sha256()) ? null : Note.of("manifestDiffers", item.file()
                        + " does not match " + manifestFile + ": SHA-256 " + actual + ", the manifest says "
                        + e.sha256(), item.file(), manifestFile, actual, e.sha256());
            }
        }
        return Note.of("manifestLacksSource", manifestFile + " does not list source " + item.artifact().source(),
                manifestFile, item.artifact().source());
    }

    /** Every regular file of the snapshot against the size and SHA-256 its index recorded. */
    private static Outcome storedFiles(Path snapshot, Path indexFile, CancelToken cancel) throws IOException {
        StoredFiles.Result r = StoredFiles.check(snapshot, p -> true, cancel);
        return r.problem().map(Outcome::failed).orElseGet(() -> Outcome.passed(Note.of("checksumTreePassed",
                "SHA-256 of " + indexFile + " matches the catalogue and the manifest; " + r.files()
                        + " stored files match the index's sizes and SHA-256", indexFile, r.files())));
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
        String server = item.vault().server().orElse("?");
        if (!r.ok()) {
            return Outcome.failed(unreadable(file, server, r));
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        String sha = lines[0].strip().split("\\s+")[0];
        long size = Long.parseLong(lines[lines.length - 1].strip());
        if (size != item.artifact().size()) {
            return Outcome.failed(wrongSize(file, server, size, item.artifact().size()));
        }
        if (!sha.equalsIgnoreCase(item.artifact().sha256())) {
            return Outcome.failed(corrupted(file, server, sha, item.artifact().sha256()));
        }
        return Outcome.passed(Note.of("checksumPassedOnServer", "SHA-256 of " + file + " on server " + server
                + " matches the catalogue", file, server));
    }

    /** A snapshot in a vault on a server: its index fetched and hashed here, every stored file hashed there. */
    private static Outcome remoteSnapshot(VerifyPlan.Item item, RemoteShell shell, CancelToken cancel) throws IOException {
        String server = item.vault().server().orElse("?");
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
                return Outcome.failed(unreadable(indexFile, server, r));
            }
            String sha = hashed.sha256Hex();
            if (!sha.equalsIgnoreCase(item.artifact().sha256())) {
                return Outcome.failed(corrupted(indexFile, server, sha, item.artifact().sha256()));
            }
            SnapshotIndex index = SnapshotIndex.read(copy);
            Optional<HostSnapshotCheck.Mismatch> bad = HostSnapshotCheck.mismatch(shell, item.file(), index, cancel);
            if (bad.isPresent()) {
                HostSnapshotCheck.Mismatch m = bad.get();
                return Outcome.failed(Note.of("storedCorruptedOnServer", m.file() + " (" + m.path()
                        + ") is corrupted: its SHA-256 is " + m.sha256() + ", the index recorded " + m.recorded()
                        + " on server " + server, m.file(), m.path(), m.sha256(), m.recorded(), server));
            }
            long files = HostSnapshotCheck.files(index);
            return Outcome.passed(Note.of("checksumTreePassedOnServer", "SHA-256 of " + indexFile + " on server "
                    + server + " matches the catalogue; " + files + " stored files there match the index's SHA-256",
                    indexFile, server, files));
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static Note unreadable(String file, String server, ExecResult r) {
        return Note.of("checksumUnreadableOnServer", file + " on server " + server + " cannot be read: "
                + r.lastStderrLine(), file, server, r.lastStderrLine());
    }

    private static Note corrupted(String file, String server, String sha, String recorded) {
        return Note.of("checksumCorruptedOnServer", file + " on server " + server + " is corrupted: its SHA-256 is "
                + sha + ", the catalogue recorded " + recorded, file, server, sha, recorded);
    }

    /** A dump whose size is not what the backup wrote: cut short, or with more after it; no server: a local vault. */
    private static Note wrongSize(String file, String server, long size, long wrote) {
        boolean local = server.isEmpty();
        String where = local ? "" : " on server " + server;
        if (size < wrote) {
            String english = file + where + " is truncated: " + size + " bytes, the backup wrote " + wrote;
            return local ? Note.of("checksumTruncated", english, file, size, wrote)
                    : Note.of("checksumTruncatedOnServer", english, file, server, size, wrote);
        }
        String english = file + where + " is too long: " + size + " bytes, the backup wrote " + wrote;
        return local ? Note.of("checksumTooLong", english, file, size, wrote)
                : Note.of("checksumTooLongOnServer", english, file, server, size, wrote);
    }
}
