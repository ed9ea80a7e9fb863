package app.mamori.cli;

import app.mamori.engine.CatalogRebuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mamori catalog rebuild --vault NAME}. */
@Command(name = "catalog", description = "The local catalogue", mixinStandardHelpOptions = true,
        subcommands = {CatalogCommands.Rebuild.class})
final class CatalogCommands {

    @Command(name = "rebuild", description = {"Rebuild a vault's restore points in the catalogue from its manifests alone.",
            "For an object vault (vault add --s3), after a disaster: add the vault again with its bucket,",
            "keys and passphrase, then rebuild, then restore with --from-vault."})
    static final class Rebuild extends Base {
        @Option(names = "--vault", required = true)
        String vault;

        @Override
        int run() throws Exception {
            if (ctx().services().offsite().findVault(vault).isPresent()) {
                var r = ctx().services().offsite().rebuild(vault);
                out().println("vault " + vault + ": " + r.points() + " restore point(s) found, " + r.added()
                        + " not known from a local vault recorded from the manifests");
                return 0;
            }
            int n = CatalogRebuild.rebuild(ctx().catalog(), ctx().catalog().vaults().get(vault), ctx().ssh());
            out().println("vault " + vault + ": " + n + " restore point(s) recorded from manifests");
            return 0;
        }
    }
}
