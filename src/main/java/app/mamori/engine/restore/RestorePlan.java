package app.mamori.engine.restore;

import app.mamori.model.Artifact;
import app.mamori.model.Note;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.source.RestoreCommand;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a restore will do, built from the catalogue alone, shown before anything runs.
 *
 * @param pointDir        the point's folder in the (local) vault; the restore report is written there
 * @param artifactFile    the artifact in the vault, re-hashed before use
 * @param expectedSha256  the artifact's SHA-256 as the catalogue recorded it
 * @param compression     {@code zstd} (decompressed on the workstation while streaming) or {@code none}
 * @param target          where it goes; {@code targetDescription} says it for a person
 * @param commands        every remote command, in order, exactly as it will run (no secret in any)
 * @param safetyBackup    the job whose run will back the source up first (a pre-restore point); empty when none is taken
 * @param include         files sources: the paths to restore ({@code --include}); empty for all
 * @param acceptFailedCheck the person confirmed restoring this point although its check found damage
 *                          ({@code --accept-failed-check}): in an incident it may be the best copy left
 */
public record RestorePlan(Source source, Server server, String pointId, String job, Instant pointTime,
                          Artifact artifact, Path pointDir, Path artifactFile, String expectedSha256,
                          String compression, RestoreTarget target, String targetDescription,
                          List<RestoreCommand> commands, Optional<String> safetyBackup, List<Note> warnings,
                          List<String> include, boolean acceptFailedCheck) {
    public RestorePlan {
        commands = List.copyOf(commands);
        warnings = List.copyOf(warnings);
        include = List.copyOf(include);
    }

    /** A plan that restores a point only while no check found it damaged. */
    public RestorePlan(Source source, Server server, String pointId, String job, Instant pointTime,
                       Artifact artifact, Path pointDir, Path artifactFile, String expectedSha256,
                       String compression, RestoreTarget target, String targetDescription,
                       List<RestoreCommand> commands, Optional<String> safetyBackup, List<Note> warnings,
                       List<String> include) {
        this(source, server, pointId, job, pointTime, artifact, pointDir, artifactFile, expectedSha256, compression,
                target, targetDescription, commands, safetyBackup, warnings, include, false);
    }

    /** The same plan with one more warning, and {@code acceptFailedCheck} as given. */
    public RestorePlan with(Note warning, boolean acceptFailedCheck) {
        List<Note> all = new java.util.ArrayList<>(warnings);
        all.add(warning);
        return new RestorePlan(source, server, pointId, job, pointTime, artifact, pointDir, artifactFile,
                expectedSha256, compression, target, targetDescription, commands, safetyBackup, all, include,
                acceptFailedCheck);
    }

    /** A whole-artifact restore. */
    public RestorePlan(Source source, Server server, String pointId, String job, Instant pointTime,
                       Artifact artifact, Path pointDir, Path artifactFile, String expectedSha256,
                       String compression, RestoreTarget target, String targetDescription,
                       List<RestoreCommand> commands, Optional<String> safetyBackup, List<Note> warnings) {
        this(source, server, pointId, job, pointTime, artifact, pointDir, artifactFile, expectedSha256, compression,
                target, targetDescription, commands, safetyBackup, warnings, List.of());
    }

    /**
     * How many commands at the start only check the backup file on the server (a vault there):
     * when one of them fails, nothing on the server was changed.
     */
    public int checksFirst() {
        int n = 0;
        while (n < commands.size() && commands.get(n).purpose().startsWith("check the SHA-256 of ")) {
            n++;
        }
        return n;
    }

    /** Which command creates the new database ({@code --to-database}), or -1: it is not always the first. */
    public int createsDatabaseAt() {
        if (!(target instanceof RestoreTarget.NewDatabase)) {
            return -1;
        }
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).purpose().startsWith("create database ")) {
                return i;
            }
        }
        return -1;
    }

    /** A files snapshot: its folder in the vault holds {@code tree/} and the index. */
    public boolean isTree() {
        return "tree".equals(compression);
    }

    public String safetyBackupDescription() {
        return safetyBackup.map(j -> "back up " + source.name() + " as it is now into a new pre-restore point of job " + j)
                .orElse("none");
    }
}
