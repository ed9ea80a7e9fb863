package app.mamori.cli;

import app.mamori.model.JumpHost;
import app.mamori.model.Server;
import app.mamori.ssh.HostKeyPolicy;
import app.mamori.ssh.JumpHostKey;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Optional;

/** {@code mamori server add|set|test|list|remove|discover}. */
@Command(name = "server", description = "SSH hosts to back up", mixinStandardHelpOptions = true,
        subcommands = {ServerCommands.Add.class, ServerCommands.Set.class, ServerCommands.Test.class,
                ServerCommands.ListServers.class, ServerCommands.Remove.class, DiscoverCommand.class,
                ServerCommands.RestoreOrder.class})
final class ServerCommands {

    /** How the admin vouches for a host key: its fingerprint, or trust on first use. */
    static final class Trust {
        @Option(names = "--host-key", paramLabel = "SHA256:...", description = "the host key fingerprint to accept")
        String hostKey;
        @Option(names = "--trust-on-first-use", description = "accept and pin the key the server shows now")
        boolean tofu;

        HostKeyPolicy policy() {
            return tofu ? new HostKeyPolicy.TrustOnFirstUse() : new HostKeyPolicy.Expect(hostKey);
        }

        /** The jump host's policy: its own fingerprint if given, else what the server's trust implies. */
        static HostKeyPolicy jumpPolicy(String jumpHostKey, HostKeyPolicy serverPolicy) {
            return jumpHostKey != null ? new HostKeyPolicy.Expect(jumpHostKey) : HostKeyPolicy.forJumpHost(serverPolicy);
        }

        /** Says which key the jump host presented, and whether this command pinned it. */
        static void printJumpKey(java.io.PrintWriter out, Optional<JumpHostKey> key) {
            key.ifPresent(k -> out.println((k.pinnedNow() ? "jump host key pinned: " : "jump host key (pinned before): ")
                    + k.fingerprint() + " (" + k.address() + ")"));
        }
    }

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
        @Option(names = "--jump-host-key", paramLabel = "SHA256:...",
                description = "the jump host's key fingerprint to accept")
        String jumpHostKey;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Trust trust;

        @Override
        int run() throws Exception {
            Server server = new Server(name, host, port, user, Optional.ofNullable(identity),
                    Optional.ofNullable(jump).map(JumpHost::parse));
            var keys = ctx().services().servers().add(server, trust.policy(),
                    Trust.jumpPolicy(jumpHostKey, trust.policy()));
            out().println("added server " + name + " (" + user + "@" + server.hostKeyAlias() + ")");
            out().println("host key pinned: " + keys.hostKey());
            Trust.printJumpKey(out(), keys.jumpHostKey());
            return 0;
        }
    }

    @Command(name = "set", description = {"Change a server's address, port, user, key file or jump host; what is not"
            + " given stays.", "A new address or port has a new host key: give it with --host-key or"
            + " --trust-on-first-use."})
    static final class Set extends Base {
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--host", description = "address or ~/.ssh/config alias")
        String host;
        @Option(names = "--port", description = "SSH port")
        Integer port;
        @Option(names = "--user", description = "login user")
        String user;
        @Option(names = "--identity", paramLabel = "FILE", description = "private key file; '' for ssh-agent")
        String identity;
        @Option(names = "--jump", paramLabel = "USER@HOST[:PORT]", description = "jump host; '' for none")
        String jump;
        @Option(names = "--jump-host-key", paramLabel = "SHA256:...",
                description = "the jump host's key fingerprint to accept")
        String jumpHostKey;
        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Trust trust;

        @Override
        int run() throws Exception {
            Server s = ctx().services().servers().get(name);
            Server edited = new Server(name, host == null ? s.host() : host, port == null ? s.port() : port,
                    user == null ? s.user() : user,
                    identity == null ? s.identity() : Optional.of(identity).filter(x -> !x.isEmpty()),
                    jump == null ? s.jump() : Optional.of(jump).filter(x -> !x.isEmpty()).map(JumpHost::parse));
            HostKeyPolicy policy = trust == null ? HostKeyPolicy.pinned() : trust.policy();
            var keys = ctx().services().servers().update(edited, policy, Trust.jumpPolicy(jumpHostKey, policy));
            out().println("server " + name + " is now " + edited.user() + "@" + edited.hostKeyAlias()
                    + edited.jump().map(j -> " via " + j).orElse("") + "; host key " + keys.hostKey());
            Trust.printJumpKey(out(), keys.jumpHostKey());
            return 0;
        }
    }

    @Command(name = "test", description = "Connect to a server; print its host key and the tools Mamori uses there.")
    static final class Test extends Base {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run() throws Exception {
            Server server = ctx().services().servers().get(name);
            var check = ctx().services().servers().test(name);
            out().println("connected to " + name + " (" + server.user() + "@" + server.hostKeyAlias() + ")");
            out().println("host key: " + check.fingerprint());
            out().print(check.tools());
            return 0;
        }
    }

    @Command(name = "list", description = "List servers.")
    static final class ListServers extends Base {
        @Override
        int run() {
            for (Server s : ctx().services().servers().list()) {
                out().println(s.name() + "\t" + s.user() + "@" + s.hostKeyAlias()
                        + s.jump().map(j -> "\tvia " + j).orElse(""));
            }
            return 0;
        }
    }

    @Command(name = "remove", description = {"Remove a server with its sources, the jobs that back them up and the"
            + " vaults kept on it.", "Runs, restore points and the backups in the vaults stay."})
    static final class Remove extends Base {
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--yes", description = "do it; without it, only print what would be removed")
        boolean yes;

        @Override
        int run() throws Exception {
            var d = yes ? ctx().services().servers().remove(name) : ctx().services().servers().dependents(name);
            String verb = yes ? "removed" : "would remove";
            out().println(verb + " server " + name);
            d.jobs().forEach(j -> out().println(verb + " job " + j));
            d.sources().forEach(x -> out().println(verb + " source " + x));
            d.vaults().forEach(v -> out().println(verb + " vault " + v + " (its backups stay in their folder)"));
            if (!yes) {
                out().println("run again with --yes to remove");
            }
            return 0;
        }
    }

    @Command(name = "restore-order", description = {"The order the runbook restores a lost server's sources in",
            "(databases before the applications that use them). Without SOURCES, prints it; '' clears it.",
            "Example: mamori server restore-order web shopdb,uploads"})
    static final class RestoreOrder extends Base {
        @Parameters(index = "0", paramLabel = "SERVER")
        String server;
        @Parameters(index = "1", arity = "0..1", paramLabel = "S1,S2...")
        String sources;

        @Override
        int run() {
            var runbook = ctx().services().runbook();
            ctx().services().servers().get(server);
            if (sources != null) {
                java.util.List<String> list = sources.isBlank() ? java.util.List.of()
                        : java.util.Arrays.stream(sources.split(",")).map(String::strip).toList();
                try {
                    runbook.setRestoreOrder(server, list);
                } catch (IllegalArgumentException e) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
                }
            }
            java.util.List<String> order = runbook.restoreOrder(server);
            out().println(order.isEmpty() ? "server " + server + " has no restore order: the runbook restores"
                    + " databases first, then files and volumes" : "server " + server + " restores in this order: "
                    + String.join(", ", order));
            return 0;
        }
    }
}
