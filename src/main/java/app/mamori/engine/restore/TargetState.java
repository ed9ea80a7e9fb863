package app.mamori.engine.restore;

import app.mamori.model.Note;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.ssh.ShellQuote;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a failed restore left behind, and the way back, for the admin who has to decide what to do next. */
final class TargetState {
    private TargetState() {
    }

    /**
     * @param failedCommand index of the command that was running when it failed; -1 when none had started
     */
    static String describe(RestorePlan plan, int failedCommand, Optional<String> safetyPoint) {
        return english(notes(plan, failedCommand, safetyPoint));
    }

    /** The same, sentence by sentence, for the app to say in its own language. */
    static List<Note> notes(RestorePlan plan, int failedCommand, Optional<String> safetyPoint) {
        List<Note> notes = new ArrayList<>();
        notes.add(failedCommand < 0 ? UNCHANGED : afterCommand(plan, failedCommand));
        if (safetyPoint.isPresent()) {
            notes.add(Note.of("targetBackTo", "The state before the restore is in restore point " + safetyPoint.get()
                    + "; to return to it: " + backCommand(plan, safetyPoint.get()), safetyPoint.get()));
        } else if (plan.target().inPlace() && failedCommand >= 0) {
            notes.add(Note.of("targetNoSafety", "No safety backup was taken."));
        }
        return notes;
    }

    static String english(List<Note> notes) {
        return notes.stream().map(Note::english).collect(Collectors.joining(" "));
    }

    static String backCommand(RestorePlan plan, String point) {
        return "mamori restore --source " + ShellQuote.quote(plan.source().name()) + " --point "
                + ShellQuote.quote(point) + " --in-place --no-safety-backup --yes";
    }

    private static final Note UNCHANGED = Note.of("targetUnchanged", "Nothing on the server was changed.");

    private static Note afterCommand(RestorePlan plan, int index) {
        SourceKind kind = plan.source().kind();
        boolean creating = plan.target() instanceof RestoreTarget.NewDatabase;
        if (index < plan.checksFirst()) {
            return UNCHANGED;
        }
        if (creating && index <= plan.createsDatabaseAt()) {
            // the CREATE failed (often: the database exists), so there is nothing of ours to drop
            return Note.of("targetNotCreated", "Nothing on the server was changed (the new database was not created).");
        }
        if (kind == SourceKind.S3_BUCKET) {
            if (plan.target().inPlace()) {
                String bucket = ((Source.Bucket) plan.source()).bucket();
                return Note.of("targetBucketPartly", "Bucket " + bucket + " may be partly restored: objects put"
                        + " before the failure hold the snapshot's contents, the rest are as they were.", bucket);
            }
            String bucket = ((RestoreTarget.ToBucket) plan.target()).bucket();
            return Note.of("targetOtherBucketPartly", "Bucket " + bucket + " may hold part of the"
                    + " restored objects; remove them before trying again.", bucket);
        }
        if (kind == SourceKind.POSTGRES) {
            if (creating) {
                return Note.of("targetPgCreatedEmpty", "Database " + newName(plan) + " was created and is empty:"
                        + " pg_restore ran in one transaction, which was rolled back. Drop it (DROP DATABASE \""
                        + newName(plan) + "\") or choose another name.", newName(plan));
            }
            String db = ((Source.Database) plan.source()).database();
            return Note.of("targetPgRolledBack", "Database " + db + " is as it was before the restore: pg_restore"
                    + " ran in one transaction, which was rolled back.", db);
        }
        if (kind == SourceKind.MYSQL) {
            if (creating) {
                return Note.of("targetMysqlCreatedPartly", "Database " + newName(plan) + " was created and may hold"
                        + " part of the backup; drop it (DROP DATABASE `" + newName(plan) + "`) before trying again.",
                        newName(plan));
            }
            String db = ((Source.Database) plan.source()).database();
            return Note.of("targetMysqlPartly", "Database " + db + " may be partly restored.", db);
        }
        if (kind == SourceKind.DOCKER_VOLUME) {
            if (plan.target().inPlace()) {
                String volume = ((Source.DockerVolume) plan.source()).volume();
                return Note.of("targetVolumePartly", "Volume " + volume + " may be partly restored.", volume);
            }
            return Note.of("targetOtherVolumePartly", "The target volume may hold part of the backup; empty or remove"
                    + " it (docker volume rm) before trying again.");
        }
        if (kind == SourceKind.FILES) {
            if (plan.target().inPlace()) {
                String paths = String.join(", ", ((Source.Files) plan.source()).paths());
                return Note.of("targetFilesPartly", "The files under " + paths + " may be partly restored: files"
                        + " extracted before the failure hold the snapshot's contents, the rest are as they were.", paths);
            }
            return Note.of("targetFilesNotPlaced", "Nothing was put in place: the snapshot is extracted into a temp"
                    + " folder beside the target, which is removed on failure and renamed into place only when complete.");
        }
        return Note.of("targetFileUnchanged", "The file was not changed: the restore writes a temp file beside it and"
                + " renames it into place only after its integrity check.");
    }

    private static String newName(RestorePlan plan) {
        return ((RestoreTarget.NewDatabase) plan.target()).name();
    }
}
