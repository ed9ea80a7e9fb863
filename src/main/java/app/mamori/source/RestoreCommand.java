package app.mamori.source;

import app.mamori.model.Note;

import java.util.Objects;

/**
 * One remote command of a restore, exactly as it will run.
 *
 * @param said            what it does, for the plan, the report and the app: its English is {@link #purpose()},
 *                        its key under {@code note.} in the app's bundles
 * @param command         the command line; contains no secret
 * @param secretOnStdin   the database password is sent as the first stdin line, read by the remote shell
 * @param artifactOnStdin the artifact (decompressed) is streamed into stdin, after the secret line if any
 */
public record RestoreCommand(Note said, String command, boolean secretOnStdin, boolean artifactOnStdin) {
    public RestoreCommand {
        Objects.requireNonNull(said, "said");
    }

    /** A command whose purpose has no sentence in the app's bundles: the app shows the English. */
    public RestoreCommand(String purpose, String command, boolean secretOnStdin, boolean artifactOnStdin) {
        this(new Note("restoreCommand", java.util.List.of(), purpose), command, secretOnStdin, artifactOnStdin);
    }

    /** What it does, in English, for the plan, the report and the command line. */
    public String purpose() {
        return said.english();
    }
}
