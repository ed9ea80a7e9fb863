package app.mamori.engine.restore;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.Verification;
import app.mamori.model.Note;
import app.mamori.vault.HashingOutputStream;
import app.mamori.vault.Json;
import app.mamori.vault.Manifest;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Re-hashes an artifact against the catalogue and its manifest before a restore may use it. */
final class ArtifactCheck {
    private ArtifactCheck() {
    }

    /**
     * Throws {@link RestoreRefused} when a check found the artifact damaged and no later check as
     * strong passed, naming the failure, unless the plan says the person accepted that.
     */
    static void refuseFailedVerification(Catalog catalog, RestorePlan plan) throws RestoreRefused {
        Optional<Verification> damage = standingFailure(catalog, plan.pointId(), plan.source().name());
        if (damage.isPresent() && !plan.acceptFailedCheck()) {
            Verification v = damage.get();
            throw new RestoreRefused(describe(plan.pointId(), v) + ". It was not used. Restore from another point"
                    + " (mamori points), check it again with: mamori verify " + plan.pointId()
                    + (v.method() == Verification.Method.DRILL ? " --drill" : "") + ", or, if it is the best copy"
                    + " left, restore it anyway with --accept-failed-check");
        }
    }

    /**
     * The failed check that still stands for an artifact: the newest failure not followed by a pass
     * of the same or a stronger method (a checksum passing after a drill found differing tables
     * does not clear the drill's finding).
     */
    static Optional<Verification> standingFailure(Catalog catalog, String point, String source) {
        Verification failure = null;
        for (Verification v : catalog.verifications().forPoint(point)) { // oldest first
            if (!v.source().equals(source)) {
                continue;
            }
            if (v.failed()) {
                failure = v;
            } else if (failure != null && v.method().compareTo(failure.method()) >= 0) {
                failure = null;
            }
        }
        return Optional.ofNullable(failure);
    }

    static String describe(String point, Verification v) {
        return "restore point " + point + " failed its last verification (" + v.method().id() + " check, " + v.time()
                + "): " + v.detail();
    }

    /**
     * The plan's warning that its point failed a check: point, method, time, what the check found
     * in English and then the check's own key and arguments, for the app to say in its words.
     */
    static Note warning(String point, Verification v, boolean accepted) {
        return Note.of(accepted ? "planFailedCheckAccepted" : "planFailedCheck", describe(point, v) + (accepted
                ? "; restoring it anyway, as --accept-failed-check asks"
                : "; the restore refuses it unless you accept that with --accept-failed-check"),
                new Note(v.said().key(), v.said().args(), v.detail()).after(point, v.method().id(), v.time()));
    }

    /** Throws {@link RestoreRefused} naming the file when it is missing, unreadable or not what was backed up. */
    static void verify(RestorePlan plan) throws RestoreRefused {
        // a files snapshot is recorded by the hash of its index, which lists every file's own hash
        Path file = plan.isTree() ? plan.artifactFile().resolve(app.mamori.source.files.SnapshotIndex.FILE_NAME)
                : plan.artifactFile();
        String actual;
        try {
            actual = sha256(file);
        } catch (NoSuchFileException e) {
            throw new RestoreRefused("the artifact " + file + " is missing from the vault; choose another point"
                    + " with: mamori points");
        } catch (IOException e) {
            throw new RestoreRefused("the artifact " + file + " cannot be read: " + e.getMessage());
        }
        if (!actual.equalsIgnoreCase(plan.expectedSha256())) {
            throw new RestoreRefused("the artifact " + file + " is corrupted: its SHA-256 is " + actual + " but the"
                    + " catalogue recorded " + plan.expectedSha256() + "; it was not used. Restore from another point"
                    + " (mamori points) and check the vault's disk");
        }
        if (plan.acceptFailedCheck()) {
            // The bytes are what the backup wrote, by the catalogue's own record of them, so a
            // manifest changed since (which a verify reported, and the person accepted) must not
            // make the point unrestorable: in an incident it may be the best copy left.
            return;
        }
        Path manifestFile = plan.pointDir().resolve(Manifest.FILE_NAME);
        try {
            Manifest m = Json.mapper().readValue(manifestFile.toFile(), Manifest.class);
            for (Manifest.Entry e : m.sources()) {
                if (e.name().equals(plan.source().name()) && !actual.equalsIgnoreCase(e.sha256())) {
                    throw new RestoreRefused("the artifact " + file + " does not match " + manifestFile
                            + " (SHA-256 " + actual + ", manifest " + e.sha256() + "); it was not used");
                }
            }
        } catch (IOException e) {
            throw new RestoreRefused("the manifest " + manifestFile + " cannot be read (" + e.getMessage()
                    + "); the point is damaged, choose another with: mamori points");
        }
    }

    static String sha256(Path file) throws IOException {
        return HashingOutputStream.sha256Of(file);
    }
}
