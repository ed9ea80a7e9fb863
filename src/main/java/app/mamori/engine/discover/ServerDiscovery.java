package app.mamori.engine.discover;

import app.mamori.catalog.Catalog;
import app.mamori.model.Note;
import app.mamori.model.Server;
import app.mamori.source.discover.DiscoverOptions;
import app.mamori.source.discover.Discovery;
import app.mamori.source.discover.DiscoveryStep;
import app.mamori.source.discover.Probe;
import app.mamori.source.discover.ProbeStream;
import app.mamori.source.discover.StepReport;
import app.mamori.ssh.Exec;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.SshConnector;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Finds what a server has that can be backed up, over one SSH connection and one command whose
 * steps run side by side on the server; each step is reported to a {@link DiscoveryListener}
 * as it starts and ends.
 */
public final class ServerDiscovery {
    // every outside command in the script has its own, much shorter limit (ProbeScript)
    static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Catalog catalog;
    private final SshConnector ssh;

    public ServerDiscovery(Catalog catalog, SshConnector ssh) {
        this.catalog = catalog;
        this.ssh = ssh;
    }

    /** For a server in the catalogue. */
    public Discovery discover(String serverName, DiscoverOptions options) throws IOException {
        return discover(serverName, options, DiscoveryListener.NONE);
    }

    public Discovery discover(String serverName, DiscoverOptions options, DiscoveryListener listener)
            throws IOException {
        return discover(catalog.servers().get(serverName), options, listener);
    }

    /** For any server, such as the one the wizard is about to add (its key already pinned). */
    public Discovery discover(Server server, DiscoverOptions options) throws IOException {
        return discover(server, options, DiscoveryListener.NONE);
    }

    public Discovery discover(Server server, DiscoverOptions options, DiscoveryListener listener) throws IOException {
        listener.stepStarted(DiscoveryStep.CONNECT);
        long t0 = System.nanoTime();
        try (RemoteShell shell = ssh.connect(server)) {
            String to = server.user() + "@" + server.host() + ":" + server.port();
            listener.stepFinished(DiscoveryStep.CONNECT, Note.of("summary.connectedTo", "connected to " + to, to),
                    Duration.ofNanos(System.nanoTime() - t0));
            return discover(shell, server.name(), options, listener);
        }
    }

    /** Over a connection the caller holds. */
    public static Discovery discover(RemoteShell shell, String serverName, DiscoverOptions options) throws IOException {
        return discover(shell, serverName, options, DiscoveryListener.NONE);
    }

    public static Discovery discover(RemoteShell shell, String serverName, DiscoverOptions options,
                                     DiscoveryListener listener) throws IOException {
        // filled on the thread reading the connection, read here once the command has ended
        Map<DiscoveryStep, StepReport> reports = Collections.synchronizedMap(new EnumMap<>(DiscoveryStep.class));
        Map<DiscoveryStep, Long> startedAt = new EnumMap<>(DiscoveryStep.class);
        ProbeStream out = new ProbeStream(new ProbeStream.Frames() {
            @Override
            public void started(DiscoveryStep step) {
                startedAt.put(step, System.nanoTime());
                listener.stepStarted(step);
            }

            @Override
            public void finished(DiscoveryStep step, byte[] output) {
                StepReport r = Probe.step(serverName, step, output, options);
                reports.put(step, r);
                long from = startedAt.getOrDefault(step, System.nanoTime());
                listener.stepFinished(step, r.summary(), Duration.ofNanos(System.nanoTime() - from));
            }
        });
        ExecResult r = shell.exec(Exec.of(Probe.script(options)).stdout(out)
                .stdin(new ByteArrayInputStream(Probe.stdin(options))).timeout(TIMEOUT).build());
        Map<DiscoveryStep, StepReport> done = new EnumMap<>(DiscoveryStep.class);
        synchronized (reports) {
            done.putAll(reports);
        }
        if (r.exitStatus() != 0 && done.isEmpty()) {
            throw new IOException("discovery on server " + serverName + " failed (exit status " + r.exitStatus()
                    + "): " + r.lastStderrLine());
        }
        return Probe.assemble(serverName, done);
    }
}
