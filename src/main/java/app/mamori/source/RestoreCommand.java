package app.mamori.source;

/**
 * One remote command of a restore, exactly as it will run.
 *
 * @param purpose         what it does, for the plan and the report
 * @param command         the command line; contains no secret
 * @param secretOnStdin   the database password is sent as the first stdin line, read by the remote shell
 * @param artifactOnStdin the artifact (decompressed) is streamed into stdin, after the secret line if any
 */
public record RestoreCommand(String purpose, String command, boolean secretOnStdin, boolean artifactOnStdin) {
}
