package app.mamori.cli;

import app.mamori.model.Vault;
import app.mamori.vault.SecureFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Optional;

/** {@code mamori vault add|list}. */
@Command(name = "vault", description = "Where backups are kept", mixinStandardHelpOptions = true,
        subcommands = {VaultCommands.Add.class, VaultCommands.ListVaults.class})
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
            String where = path;
            if (server == null) {
                Path dir = Path.of(path).toAbsolutePath().normalize();
                SecureFiles.createPrivateDirectories(dir);
                where = dir.toString();
            } else {
                ctx().catalog().servers().get(server);
                if (!path.startsWith("/")) {
                    throw new IllegalArgumentException("--path: '" + path + "' must be an absolute path on server " + server);
                }
            }
            ctx().catalog().vaults().add(new Vault(name, where, Optional.ofNullable(server)));
            out().println("added vault " + name + " at " + (server == null ? "" : server + ":") + where);
            return 0;
        }
    }

    @Command(name = "list", description = "List vaults.")
    static final class ListVaults extends Base {
        @Override
        int run() {
            for (Vault v : ctx().catalog().vaults().list()) {
                out().println(v.name() + "\t" + v.server().map(s -> s + ":").orElse("") + v.path());
            }
            return 0;
        }
    }
}
