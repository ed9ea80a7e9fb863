package app.mamori.cli;

import app.mamori.util.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code mamori}: the top command, holding the options every subcommand shares. */
@Command(name = "mamori", mixinStandardHelpOptions = true, versionProvider = MamoriCommand.VersionProvider.class,
        description = {"Backs up the office's servers over SSH into vaults you control.",
                "With no command, opens the desktop app (with only --home DIR and --lang ja|en, in that"
                        + " folder and language)."},
        footer = {"", "Data folder: --home DIR, else $MAMORI_HOME, else the platform's per-user",
                "data folder.",
                "Exit status: 0 on success; 1 when the command failed, with one line on stderr",
                "saying what failed and what to do; 2 when the command line itself is wrong."})
public final class MamoriCommand {
    /**
     * Every command, in the order {@code --help} lists them. Registered here rather than on the
     * annotation so that a run builds picocli's model of the one command it runs: building all
     * of them (every option of every command, by reflection) took more than half the CPU that
     * {@code status} spent in Java.
     */
    static final java.util.List<Class<?>> COMMANDS = java.util.List.of(ServerCommands.class, SourceCommands.class,
            VaultCommands.class, JobCommands.class, BackupCommand.class, RestoreCommand.class, VerifyCommand.class,
            PointsCommand.class, PruneCommand.class, RunDueCommand.class, StatusCommand.class,
            ScheduleCommands.class, CatalogCommands.class, NotifyCommands.class, TimelineCommand.class,
            IncidentCommands.class, FindCommand.class, DiffCommand.class, RunbookCommand.class,
            ConfigCommands.class, ContactsCommands.class, DrillsCommand.class, CopyCommand.class);

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

    private java.io.InputStream stdin = System.in;

    java.io.InputStream stdin() {
        return stdin;
    }

    /** Runs the CLI on the process's own streams and returns its exit status. */
    public static int run(String... args) {
        return run(System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the CLI on the given streams (tests, the desktop app's console) and returns its exit status. */
    public static int run(java.io.InputStream in, PrintWriter out, PrintWriter err, String... args) {
        MamoriCommand top = new MamoriCommand();
        top.stdin = in;
        CommandLine cl = commandLine(top, args).setOut(out).setErr(err);
        quietConsole();
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("mamori: " + Errors.message(e));
            System.getLogger("app.mamori.cli").log(System.Logger.Level.ERROR, "command failed", e);
            return 1;
        });
        try {
            return cl.execute(args);
        } finally {
            if (top.context != null) {
                top.context.close();
            }
            out.flush();
            err.flush();
        }
    }

    /** picocli's model of {@code top} with the commands {@code args} need (every command for none). */
    public static CommandLine commandLine(MamoriCommand top, String... args) {
        CommandLine cl = new CommandLine(top);
        for (Class<?> c : commandsFor(args)) {
            cl.addSubcommand(c);
        }
        withHelp(cl);
        return cl;
    }

    /**
     * The command the arguments name, alone; none for {@code --version}; every command when they
     * name none or one that does not exist, so that help and picocli's "did you mean" see them all.
     */
    static java.util.List<Class<?>> commandsFor(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--home")) {
                i++; // its value
                continue;
            }
            if (a.equals("--version") || a.equals("-V")) {
                return java.util.List.of(); // answered before any command is looked at
            }
            if (a.startsWith("-")) {
                continue;
            }
            for (Class<?> c : COMMANDS) {
                Command command = c.getAnnotation(Command.class);
                if (command.name().equals(a) || java.util.Arrays.asList(command.aliases()).contains(a)) {
                    return java.util.List.of(c);
                }
            }
            return COMMANDS;
        }
        return COMMANDS;
    }

    /**
     * What goes wrong is said in one {@code mamori:} line; stack traces go to the log file
     * ({@code Logs.init}, once the data folder is open), never to the terminal, even for a
     * mistake caught before the data folder was opened.
     */
    private static void quietConsole() {
        java.util.logging.Logger root = java.util.logging.LogManager.getLogManager().getLogger("");
        for (java.util.logging.Handler h : root.getHandlers()) {
            if (h instanceof java.util.logging.ConsoleHandler) {
                root.removeHandler(h);
            }
        }
    }

    /** Every command, at every level, takes -h/--help: set here once rather than on each annotation. */
    private static void withHelp(CommandLine cl) {
        cl.getCommandSpec().mixinStandardHelpOptions(true);
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
                MamoriCommand::commandList);
        cl.getSubcommands().values().forEach(MamoriCommand::withHelp);
    }

    /**
     * The list of commands with the whole first sentence of each one's description: picocli
     * shows only the first line, and a description wrapped over lines read as cut off mid-phrase.
     */
    static String commandList(CommandLine.Help help) {
        var commands = help.subcommands();
        if (commands.isEmpty()) {
            return "";
        }
        int names = commands.keySet().stream().mapToInt(String::length).max().orElse(0) + 4;
        int width = help.commandSpec().usageMessage().width();
        var table = CommandLine.Help.TextTable.forColumns(help.colorScheme(),
                new CommandLine.Help.Column(names, 2, CommandLine.Help.Column.Overflow.SPAN),
                new CommandLine.Help.Column(width - names, 2, CommandLine.Help.Column.Overflow.WRAP));
        commands.forEach((name, sub) -> table.addRowValues(name,
                firstSentence(String.join(" ", sub.commandSpec().usageMessage().description()))));
        return table.toString();
    }

    static String firstSentence(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        int end = t.indexOf(". ");
        return end < 0 ? t : t.substring(0, end + 1);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"mamori " + Version.get()};
        }
    }
}
