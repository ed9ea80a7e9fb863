package app.mamori.cli;

import app.mamori.model.JumpHost;
import app.mamori.model.Server;
import app.mamori.ssh.HostKeyPolicy;
import app.mamori.ssh.RemoteShell;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Optional;

/** {@code mamori server add|test|list}. */
@Command(name = "server", description = "SSH hosts to back up", mixinStandardHelpOptions = true,
        subcommands = {ServerCommands.Add.class, ServerCommands.Test.class, ServerCommands.ListServers.class,
                DiscoverCommand.class})
final class ServerCommands {

    @Command(name = "add", description = {"Add a server: connects once to pin its host key.",
            "Give the key's fingerprint (on the server: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub)",
            "or accept the key it shows now with --trust-on-first-use."})
    static final class Add extends Base {
        @Parameters(paramLabel = "NAME", description = "your name for the server")
        String name;
        @Option(names = "--host", required = true, description = "address or ~/.ssh/config alias")
        String host;
        @Option(names = "--port", defaultValue = "22", description = "SSH port (default: ${DEFAULT-VALUE})")
        int port;
        @Option(names = "--user", required = true, description = "login user")
        String user;
        @Option(names = "--identity", paramLabel = "FILE", description = "private key file (default: ssh-agent, then ~/.ssh/id_*)")
        String identity;
        @Option(names = "--jump", paramLabel = "USER@HOST[:PORT]", description = "jump host (ProxyJump)")
        String jump;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Trust trust;

        static final class Trust {
            @Option(names = "--host-key", paramLabel = "SHA256:...", description = "the host key fingerprint to accept")
            String hostKey;
            @Option(names = "--trust-on-first-use", description = "accept and pin the key the server shows now")
            boolean tofu;
        }

        @Override
        int run() throws Exception {
            Server server = new Server(name, host, port, user, Optional.ofNullable(identity),
                    Optional.ofNullable(jump).map(JumpHost::parse));
            if (ctx().catalog().servers().find(name).isPresent()) {
                throw new IllegalArgumentException("server '" + name + "' already exists");
            }
            HostKeyPolicy policy = trust.tofu ? new HostKeyPolicy.TrustOnFirstUse() : new HostKeyPolicy.Expect(trust.hostKey);
            try (RemoteShell shell = ctx().ssh().connect(server, policy, null)) {
                ctx().catalog().servers().add(server);
                out().println("added server " + name + " (" + user + "@" + server.hostKeyAlias() + ")");
                out().println("host key pinned: " + shell.hostKeyFingerprint());
            }
            return 0;
        }
    }

    @Command(name = "test", description = "Connect to a server; print its host key and the tools Mamori uses there.")
    static final class Test extends Base {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run() throws Exception {
            Server server = ctx().catalog().servers().get(name);
            try (RemoteShell shell = ctx().ssh().connect(server)) {
                out().println("connected to " + name + " (" + server.user() + "@" + server.hostKeyAlias() + ")");
                out().println("host key: " + shell.hostKeyFingerprint());
                out().print(shell.run(ToolVersions.SCRIPT));
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List servers.")
    static final class ListServers extends Base {
        @Override
        int run() {
            for (Server s : ctx().catalog().servers().list()) {
                out().println(s.name() + "\t" + s.user() + "@" + s.hostKeyAlias()
                        + s.jump().map(j -> "\tvia " + j).orElse(""));
            }
            return 0;
        }
    }
}
