package app.mamori.cli;

import app.mamori.model.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;


/** {@code mamori vault add|list|remove}. */
@Command(name = "vault", description = "Where backups are kept", mixinStandardHelpOptions = true,
        subcommands = {VaultCommands.Add.class, VaultCommands.ListVaults.class, VaultCommands.Remove.class})
final class VaultCommands {

    @Command(name = "add", description = "Add a vault: a local folder (or NAS mount), or with --server a folder on that SSH host.")
    static final class Add extends Base {
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--path", required = true, paramLabel = "DIR")
        String path;
        @Option(names = "--server", description = "keep the vault on this server, in DIR there")
        String server;

        @Override
        int run() throws Exception {
            Vault v = server == null ? ctx().services().vaults().addLocal(name, path)
                    : ctx().services().vaults().addOnServer(name, server, path);
            out().println("added vault " + name + " at " + v.server().map(s -> s + ":").orElse("") + v.path());
            return 0;
        }
    }

    @Command(name = "list", description = "List vaults.")
    static final class ListVaults extends Base {
        @Override
        int run() {
            for (Vault v : ctx().services().vaults().list()) {
                out().println(v.name() + "\t" + v.server().map(s -> s + ":").orElse("") + v.path());
            }
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove a vault no job uses; the backups in its folder stay there.")
    static final class Remove extends Base {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run() {
            ctx().services().vaults().remove(name);
            out().println("removed vault " + name + " (its folder and backups are left as they are)");
            return 0;
        }
    }
}
