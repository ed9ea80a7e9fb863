package app.mamori.engine.discover;

import app.mamori.catalog.Catalog;
import app.mamori.model.Server;
import app.mamori.source.discover.DiscoverOptions;
import app.mamori.source.discover.Discovery;
import app.mamori.source.discover.Probe;
import app.mamori.ssh.Exec;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.SshConnector;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;

/** Finds what a server has that can be backed up, over one SSH connection and one command. */
public final class ServerDiscovery {
    static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Catalog catalog;
    private final SshConnector ssh;

    public ServerDiscovery(Catalog catalog, SshConnector ssh) {
        this.catalog = catalog;
        this.ssh = ssh;
    }

    /** For a server in the catalogue. */
    public Discovery discover(String serverName, DiscoverOptions options) throws IOException {
        return discover(catalog.servers().get(serverName), options);
    }

    /** For any server, such as the one the wizard is about to add (its key already pinned). */
    public Discovery discover(Server server, DiscoverOptions options) throws IOException {
        try (RemoteShell shell = ssh.connect(server)) {
            return discover(shell, server.name(), options);
        }
    }

    public static Discovery discover(RemoteShell shell, String serverName, DiscoverOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExecResult r = shell.exec(Exec.of(Probe.script(options)).stdout(out)
                .stdin(new ByteArrayInputStream(Probe.stdin(options))).timeout(TIMEOUT).build());
        if (r.exitStatus() != 0 && out.size() == 0) {
            throw new IOException("discovery on server " + serverName + " failed (exit status " + r.exitStatus()
                    + "): " + r.lastStderrLine());
        }
        return Probe.parse(serverName, out.toByteArray(), options);
    }
}
