package app.mamori.cli;

import app.mamori.engine.CatalogRebuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mamori catalog rebuild --vault NAME}. */
@Command(name = "catalog", description = "The local catalogue", mixinStandardHelpOptions = true,
        subcommands = {CatalogCommands.Rebuild.class})
final class CatalogCommands {

    @Command(name = "rebuild", description = "Rebuild a vault's restore points in the catalogue from its manifests alone.")
    static final class Rebuild extends Base {
        @Option(names = "--vault", required = true)
        String vault;

        @Override
        int run() throws Exception {
            int n = CatalogRebuild.rebuild(ctx().catalog(), ctx().catalog().vaults().get(vault), ctx().ssh());
            out().println("vault " + vault + ": " + n + " restore point(s) recorded from manifests");
            return 0;
        }
    }
}
