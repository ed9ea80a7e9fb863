package app.mamori.cli;

import app.mamori.engine.config.ConfigFile;
import app.mamori.engine.config.ConfigImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code mamori config export|import}. */
@Command(name = "config", description = "The configuration as a YAML file, for version control and other workstations",
        subcommands = {ConfigCommands.Export.class, ConfigCommands.Import.class})
final class ConfigCommands {

    @Command(name = "export", description = {"Write servers (with pinned host keys), sources, vaults, jobs, schedules,",
            "retention, objectives, notifiers and contacts as YAML. No secret is written: each one",
            "needed is named under 'secrets'. The same configuration always gives the same file."})
    static final class Export extends Base {
        @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of standard output")
        Path out;

        @Override
        int run() throws IOException {
            String yaml = ctx().services().config().exportYaml();
            if (out == null) {
                out().print(yaml);
                out().flush();
            } else {
                Files.writeString(out, yaml, StandardCharsets.UTF_8);
                err().println("wrote " + out);
            }
            return 0;
        }
    }

    @Command(name = "import", description = {"Add and change what FILE (from config export) holds; nothing is removed.",
            "Shows the plan first. Secrets missing here are read from standard input, one line each,",
            "in the order --dry-run lists them. Importing a workstation's own export changes nothing."})
    static final class Import extends Base {
        @Parameters(paramLabel = "FILE")
        Path file;
        @Option(names = "--dry-run", description = "show what would be added and changed, and the secrets needed;"
                + " change nothing")
        boolean dryRun;

        @Override
        int run() throws IOException {
            String yaml;
            try {
                yaml = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "FILE: " + file
                        + " does not exist; give a file written by mamori config export");
            }
            var config = ctx().services().config();
            ConfigImport.Plan plan = config.plan(yaml);
            plan.changes().forEach(c -> out().println(c));
            for (ConfigFile.Secret s : plan.missingSecrets()) {
                out().println("secret  " + s.key() + ": " + s.what());
            }
            if (plan.changesNothing()) {
                out().println("nothing to change: this workstation already has this configuration");
                return 0;
            }
            if (dryRun) {
                out().println("(dry run: nothing was changed)");
                return 0;
            }
            out().flush();
            Map<String, String> secrets = new LinkedHashMap<>();
            BufferedReader in = new BufferedReader(new InputStreamReader(stdin(), StandardCharsets.UTF_8));
            for (ConfigFile.Secret s : plan.missingSecrets()) {
                err().print("mamori: " + s.what() + " (" + s.key() + "): ");
                err().flush();
                String line = in.readLine();
                if (line == null) {
                    throw new IllegalArgumentException("secret " + s.key() + " (" + s.what() + ") was not given;"
                            + " nothing was imported. Give the secrets on standard input, one line each, in the"
                            + " order --dry-run lists them");
                }
                secrets.put(s.key(), line);
            }
            if (!plan.missingSecrets().isEmpty()) {
                err().println();
            }
            config.apply(plan, secrets);
            long added = plan.changes().stream().filter(c -> c.kind() == ConfigImport.Change.Kind.ADD).count();
            long changed = plan.changes().stream().filter(c -> c.kind() == ConfigImport.Change.Kind.CHANGE).count();
            out().println("imported " + file + ": " + added + " added, " + changed + " changed, "
                    + plan.missingSecrets().size() + " secret(s) stored");
            return 0;
        }
    }
}
