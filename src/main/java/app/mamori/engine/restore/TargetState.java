package app.mamori.engine.restore;

import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.ssh.ShellQuote;

import java.util.Optional;

/** What a failed restore left behind, and the way back, for the admin who has to decide what to do next. */
final class TargetState {
    private TargetState() {
    }

    /**
     * @param failedCommand index of the command that was running when it failed; -1 when none had started
     */
    static String describe(RestorePlan plan, int failedCommand, Optional<String> safetyPoint) {
        String state = failedCommand < 0 ? "Nothing on the server was changed." : afterCommand(plan, failedCommand);
        if (safetyPoint.isPresent()) {
            state += " The state before the restore is in restore point " + safetyPoint.get() + "; to return to it: "
                    + backCommand(plan, safetyPoint.get());
        } else if (plan.target().inPlace() && failedCommand >= 0) {
            state += " No safety backup was taken.";
        }
        return state;
    }

    static String backCommand(RestorePlan plan, String point) {
        return "mamori restore --source " + ShellQuote.quote(plan.source().name()) + " --point "
                + ShellQuote.quote(point) + " --in-place --no-safety-backup --yes";
    }

    private static String afterCommand(RestorePlan plan, int index) {
        SourceKind kind = plan.source().kind();
        boolean creating = plan.target() instanceof RestoreTarget.NewDatabase;
        if (index < plan.checksFirst()) {
            return "Nothing on the server was changed.";
        }
        if (creating && index <= plan.createsDatabaseAt()) {
            // the CREATE failed (often: the database exists), so there is nothing of ours to drop
            return "Nothing on the server was changed (the new database was not created).";
        }
        if (kind == SourceKind.S3_BUCKET) {
            return plan.target().inPlace()
                    ? "Bucket " + ((Source.Bucket) plan.source()).bucket() + " may be partly restored: objects put"
                    + " before the failure hold the snapshot's contents, the rest are as they were."
                    : "Bucket " + ((RestoreTarget.ToBucket) plan.target()).bucket() + " may hold part of the"
                    + " restored objects; remove them before trying again.";
        }
        if (kind == SourceKind.POSTGRES) {
            return creating
                    ? "Database " + newName(plan) + " was created and is empty: pg_restore ran in one transaction,"
                    + " which was rolled back. Drop it (DROP DATABASE \"" + newName(plan) + "\") or choose another name."
                    : "Database " + ((Source.Database) plan.source()).database() + " is as it was"
                    + " before the restore: pg_restore ran in one transaction, which was rolled back.";
        }
        if (kind == SourceKind.MYSQL) {
            return creating
                    ? "Database " + newName(plan) + " was created and may hold part of the backup; drop it"
                    + " (DROP DATABASE `" + newName(plan) + "`) before trying again."
                    : "Database " + ((Source.Database) plan.source()).database()
                    + " may be partly restored.";
        }
        if (kind == SourceKind.DOCKER_VOLUME) {
            return plan.target().inPlace() ? "Volume " + ((Source.DockerVolume) plan.source()).volume() + " may be"
                    + " partly restored." : "The target volume may hold part of the backup; empty or remove it"
                    + " (docker volume rm) before trying again.";
        }
        if (kind == SourceKind.FILES) {
            return plan.target().inPlace()
                    ? "The files under " + String.join(", ", ((Source.Files) plan.source()).paths()) + " may be"
                    + " partly restored: files extracted before the failure hold the snapshot's contents, the rest"
                    + " are as they were."
                    : "Nothing was put in place: the snapshot is extracted into a temp folder beside the target,"
                    + " which is removed on failure and renamed into place only when complete.";
        }
        return "The file was not changed: the restore writes a temp file beside it and renames it into place only"
                + " after its integrity check.";
    }

    private static String newName(RestorePlan plan) {
        return ((RestoreTarget.NewDatabase) plan.target()).name();
    }
}
