package app.mamori.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code mamori}: the top command, holding the options every subcommand shares. */
@Command(name = "mamori", mixinStandardHelpOptions = true, versionProvider = MamoriCommand.VersionProvider.class,
        description = {"Backs up the office's servers over SSH into vaults you control.",
                "With no command, opens the desktop app."},
        subcommands = {ServerCommands.class, SourceCommands.class, VaultCommands.class, JobCommands.class,
                BackupCommand.class, PointsCommand.class, CatalogCommands.class},
        footer = {"", "Data folder: --home DIR, else $MAMORI_HOME, else the platform's per-user data folder.",
                "Exit status: 0 on success; otherwise 1, with one line on stderr saying what failed."})
public final class MamoriCommand {

    @Option(names = "--home", paramLabel = "DIR", description = "data folder (catalogue, known hosts, secrets, logs)",
            scope = CommandLine.ScopeType.INHERIT)
    Path home;

    private CliContext context;

    CliContext context() {
        if (context == null) {
            context = new CliContext(home);
        }
        return context;
    }

    /** Runs the CLI and returns its exit status. */
    public static int run(String... args) {
        MamoriCommand top = new MamoriCommand();
        CommandLine cl = new CommandLine(top);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            err.println("mamori: " + Errors.message(e));
            System.getLogger("app.mamori.cli").log(System.Logger.Level.ERROR, "command failed", e);
            return 1;
        });
        try {
            return cl.execute(args);
        } finally {
            if (top.context != null) {
                top.context.close();
            }
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"mamori " + Version.get()};
        }
    }
}
