package app.mamori.source;

import app.mamori.model.Source;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.ShellQuote;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A named Docker volume, as a tar stream of its mount point on the host. Reading the mount
 * point needs no image and no helper container; it needs the SSH user to be able to read
 * Docker's volume folder (root, typically).
 */
public final class DockerVolumeDriver implements DumpDriver<Source.DockerVolume> {

    @Override
    public ToolCheck check(RemoteShell shell, Source.DockerVolume src, Optional<String> secret) throws IOException {
        RemoteScript.Captured v = RemoteScript.capture(shell, "docker --version", null);
        if (!v.ok()) {
            throw new SourceException("the docker command does not work on server " + src.server() + ": "
                    + v.result().lastStderrLine(), v.result().stderr());
        }
        RemoteScript.Captured m = RemoteScript.capture(shell, inspect(src), null);
        if (!m.ok()) {
            // docker --version answers without a daemon: only "no such volume" means the volume is missing
            if (m.result().stderr().toLowerCase(java.util.Locale.ROOT).contains("no such volume")) {
                throw new SourceException("Docker volume '" + src.volume() + "' was not found on server " + src.server()
                        + "; list them with: docker volume ls", m.result().stderr());
            }
            throw new SourceException("docker volume inspect failed on server " + src.server() + ": "
                    + m.result().lastStderrLine() + "; check that Docker runs and that the SSH user may use it",
                    m.result().stderr());
        }
        return new ToolCheck("docker", v.stdout().strip(), List.of());
    }

    @Override
    public DumpCommand dump(Source.DockerVolume src, ToolCheck tools, Optional<String> secret) {
        String cmd = "set -e; m=$(" + inspect(src) + "); cd \"$m\"; exec tar --numeric-owner -cf - .";
        // GNU tar's 1 means "a file changed while being read": the archive is complete, and a
        // live volume often does that; anything else is a failure.
        return new DumpCommand(cmd, null, src.name() + ".tar.zst", true, Set.of(0, 1));
    }

    private static String inspect(Source.DockerVolume src) {
        return ShellQuote.command("docker", "volume", "inspect", "--format", "{{.Mountpoint}}", "--", src.volume());
    }

    @Override
    public String explainFailure(Source.DockerVolume src, ExecResult r) {
        if (r.stderr().contains("Permission denied")) {
            return "user cannot read Docker volume '" + src.volume() + "' on server " + src.server()
                    + "; connect as root or a user allowed to read Docker's volumes";
        }
        return "the copy of Docker volume '" + src.volume() + "' failed on server " + src.server()
                + " (exit " + r.exitStatus() + "): " + RemoteScript.lastLine(r.stderr());
    }
}
